import { AcrInstanceInfo } from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Flex, Radio, RadioGroup } from '@backstage/ui';
import { FieldInputState } from '../common/fieldInputState';
import { AcrInstanceOption } from './AcrInstanceOption';
import { AcrPreview } from './AcrPreview';
import { acrChoice, acrValueProblems, instanceOf } from './acrChoices';
import { ResolvedRegion } from './resolveClusterRegion';

/** Value of the "None" option of an optional picker. */
const NONE = '';

/**
 * The configured instances as radio options, and under them the annotation value of the chosen
 * one on the cluster (once the cluster's region is known), or what is wrong with the value.
 */
export function AcrInstanceChoices(props: {
  id?: string;
  label: string;
  instances: AcrInstanceInfo[];
  /** Undefined while the cluster's region is being found out. */
  region?: ResolvedRegion;
  value?: string;
  onChange: (value: string | undefined) => void;
  /** Required, disabled and invalid, as the form says. */
  input: FieldInputState;
}) {
  const { instances, region, value } = props;
  const required = props.input.isRequired;
  const selected = instanceOf(value, instances);
  const choice =
    selected && region ? acrChoice(selected, region.target) : undefined;
  return (
    <Flex direction="column" gap="2">
      <RadioGroup
        id={props.id}
        label={props.label}
        description="Configured ACR Enterprise Edition instances"
        {...props.input}
        value={selected?.id ?? (required ? null : NONE)}
        onChange={id => {
          const instance = instances.find(item => item.id === id);
          props.onChange(
            instance
              ? acrChoice(instance, region?.target ?? {}).value
              : undefined,
          );
        }}
      >
        {instances.map(instance => (
          <Radio key={instance.id} value={instance.id}>
            <AcrInstanceOption instance={instance} />
          </Radio>
        ))}
        {required ? null : <Radio value={NONE}>None</Radio>}
      </RadioGroup>
      {region?.problem ? (
        <Alert status="warning" icon title={region.problem} />
      ) : null}
      {choice && region ? (
        <AcrPreview choice={choice} target={region.target} />
      ) : null}
      {value && !selected ? (
        <Alert
          status="warning"
          icon
          title={acrValueProblems(value, instances).join(' ')}
        />
      ) : null}
    </Flex>
  );
}
