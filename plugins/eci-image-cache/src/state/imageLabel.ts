import { parseImageReference } from '@eci-portal/plugin-eci-image-cache-common';

/**
 * An image reference without its registry host, for narrow table cells
 * (`acr-…cr.aliyuncs.com/ml/trainer:1.4.2` → `ml/trainer:1.4.2`); the full reference stays in a tooltip.
 */
export function imageLabel(image: string): string {
  const parsed = parseImageReference(image);
  if (!parsed.ok) {
    return image;
  }
  const prefix = `${parsed.value.registry}/`;
  return image.toLowerCase().startsWith(prefix)
    ? image.slice(prefix.length)
    : image;
}
