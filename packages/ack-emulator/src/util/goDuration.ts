/** Formats milliseconds like Go's time.Duration.String (as kubelet messages show them): 200ms, 12.35s, 1m41.2s. */
export function goDuration(ms: number): string {
  const rounded = Math.round(ms);
  if (rounded < 1000) return `${rounded}ms`;
  const trim = (value: number) => value.toFixed(3).replace(/\.?0+$/, '');
  if (rounded < 60_000) return `${trim(rounded / 1000)}s`;
  const hours = Math.floor(rounded / 3_600_000);
  const minutes = Math.floor((rounded % 3_600_000) / 60_000);
  const seconds = trim((rounded % 60_000) / 1000);
  return `${hours > 0 ? `${hours}h` : ''}${minutes}m${seconds}s`;
}
