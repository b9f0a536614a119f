import { AcrInstanceInfo } from '@eci-portal/plugin-eci-image-cache-common';
import {
  identifier,
  partsLine,
  secondaryText,
} from '../../components/common/styles';

/** A configured instance as a picker option: id, region and name. */
export function AcrInstanceOption(props: { instance: AcrInstanceInfo }) {
  const { instance } = props;
  return (
    <span style={partsLine}>
      <code style={identifier}>{instance.id}</code>
      <span>{instance.region}</span>
      {instance.name ? (
        <span style={secondaryText}>{instance.name}</span>
      ) : null}
    </span>
  );
}
