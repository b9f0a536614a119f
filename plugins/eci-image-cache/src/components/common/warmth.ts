/** The verdict's headline, the same on the tab and the Overview card. */
export function warmthHeadline(warm: boolean): string {
  return warm ? 'Pods start warm' : 'Pods start cold';
}

/** The verdict's colour on Backstage UI's theme: positive when warm, neutral blue when cold. */
export function warmthColor(warm: boolean): string {
  return warm
    ? 'var(--bui-positive-fg-subdued, #0c632b)'
    : 'var(--bui-announcement-fg-subdued, #173da6)';
}
