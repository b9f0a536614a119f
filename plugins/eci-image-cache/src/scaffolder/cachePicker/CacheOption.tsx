import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { CACHE_ROLE_TEXT } from '../../state/cacheRole';
import { expiryText } from '../../state/expiry';
import { phaseText } from '../../state/phaseText';
import {
  identifier,
  partsLine,
  secondaryText,
} from '../../components/common/styles';

/** One Ready cache as a picker option: id, name, phase and expiry. */
export function CacheOption(props: { cache: ImageCacheView }) {
  const { cache } = props;
  return (
    <span style={partsLine}>
      <code style={identifier}>{cache.imageCacheId}</code>
      <span>{cache.name}</span>
      <span
        style={{
          color: 'var(--bui-positive-fg-subdued, #0c632b)',
          fontWeight: 600,
        }}
      >
        {phaseText(cache)}
      </span>
      <span style={secondaryText}>{expiryText(cache)}</span>
      {cache.role === 'active' ? null : (
        <span style={secondaryText}>({CACHE_ROLE_TEXT[cache.role]})</span>
      )}
    </span>
  );
}
