import { EciVerdict } from '@eci-portal/plugin-eci-image-cache-common';

const HEADLINES: Record<EciVerdict, string> = {
  warm: 'Pods start warm',
  cold: 'Pods start cold',
  unknown: 'Pods may start cold',
};

/** The verdict's headline, the same on the tab and the Overview card. */
export function warmthHeadline(verdict: EciVerdict): string {
  return HEADLINES[verdict];
}

/** The verdict's colour on Backstage UI's theme: positive when warm, neutral blue otherwise. */
export function warmthColor(verdict: EciVerdict): string {
  return verdict === 'warm'
    ? 'var(--bui-positive-fg-subdued, #0c632b)'
    : 'var(--bui-announcement-fg-subdued, #173da6)';
}
