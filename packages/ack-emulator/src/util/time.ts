/** Kubernetes serializes metav1.Time with second precision in RFC 3339. */
export function formatTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}

export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
