import { RunningEmulator } from '@eci-portal/ack-emulator';
import { PROFILE } from './profile';

/** Requests and injected faults of a set of clusters, from the emulators' counters. */
export function clusterTraffic(emulators: RunningEmulator[]) {
  let requests = 0;
  let faults = 0;
  const byKind: Record<string, number> = {};
  for (const emulator of emulators) {
    const stats = emulator.stats.snapshot();
    requests += stats.requests;
    faults += stats.faultsInjected.total;
    for (const [kind, count] of Object.entries(stats.faultsInjected)) {
      if (kind !== 'total') byKind[kind] = (byKind[kind] ?? 0) + count;
    }
  }
  return { requests, faults, byKind };
}

/**
 * Prints the one-line summary of a scenario (also when jest hides console output), e.g.
 * `[reliability:short] faults: requests=… faults=… converge=…ms duplicates=0 lostSettings=0`.
 */
export function printSummary(
  scenario: string,
  figures: Record<string, string | number>,
): string {
  const line = `[reliability:${PROFILE.name}] ${scenario}: ${Object.entries(
    figures,
  )
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}`;
  process.stdout.write(`${line}\n`);
  return line;
}
