const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Parses a byte size written as a number or a Kubernetes quantity such as `247Mi` or `7.6Gi`. */
export function parseByteSize(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return Math.round(value);
  }
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|k|M|G|T)?\s*$/.exec(
      value,
    );
    if (match) return Math.round(Number(match[1]) * UNITS[match[2] ?? '']);
  }
  throw new Error(`invalid byte size ${JSON.stringify(value)}`);
}

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

export function formatGiB(bytes: number): string {
  return `${(bytes / GIB).toFixed(2)} GiB`;
}
