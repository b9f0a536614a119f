import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { CACHE_ROLE_TEXT } from '../../state/cacheRole';
import { expiryText } from '../../state/expiry';
import { imageLabel } from '../../state/imageLabel';
import { phaseText } from '../../state/phaseText';
import {
  identifier,
  monospace,
  partsLine,
  secondaryText,
} from '../../components/common/styles';

/** One pinnable cache as a picker option: id, name, phase, expiry and the images it holds. */
export function CacheOption(props: { cache: ImageCacheView }) {
  const { cache } = props;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
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
      <span
        style={{ ...secondaryText, ...monospace }}
        aria-label={`Images of ${cache.name}`}
      >
        {cache.images.map(image => (
          <span key={image} title={image} style={{ marginRight: 8 }}>
            {imageLabel(image)}
          </span>
        ))}
      </span>
    </span>
  );
}
