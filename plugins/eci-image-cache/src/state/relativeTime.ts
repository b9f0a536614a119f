const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "in 2 hours"; undefined for a missing or invalid date. */
export function relativeTime(
  iso: string | null | undefined,
  now: Date,
): string | undefined {
  if (!iso) {
    return undefined;
  }
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return undefined;
  }
  const delta = time - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms || unit === 'second') {
      return format.format(Math.round(delta / ms), unit);
    }
  }
  return undefined;
}
