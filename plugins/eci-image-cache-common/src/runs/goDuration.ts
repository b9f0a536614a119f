const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|μs|ms|s|m|h))+$/;

/**
 * Parses a Go `time.Duration` string as printed by the kubelet (`1.234s`, `850ms`, `1m2.5s`) into
 * milliseconds; undefined when the text is not one.
 *
 * @public
 */
export function parseGoDurationMs(text: string): number | undefined {
  if (text === '0s') return 0;
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(PART)) {
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return Math.round(total);
}
