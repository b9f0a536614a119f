import type { FaultKind } from '../faults/FaultInjector';

export interface StatsSnapshot {
  /** API requests received (admin endpoints excluded). */
  requests: number;
  byVerb: Record<string, number>;
  byCode: Record<string, number>;
  faultsInjected: Record<FaultKind, number> & { total: number };
  activeWatches: number;
  watchEventsSent: number;
  /** Memory of the emulator's process, in bytes (peak RSS as reported by the OS). */
  memory: { rss: number; peakRss: number; heapUsed: number };
}

/** Counters the reliability suite reads through `/_emulator/stats` or the library. */
export class RequestStats {
  private requests = 0;
  private byVerb: Record<string, number> = {};
  private byCode: Record<string, number> = {};
  private faults: Record<FaultKind, number> = this.emptyFaults();
  private watchEvents = 0;
  activeWatches = 0;

  private emptyFaults(): Record<FaultKind, number> {
    return {
      error: 0,
      latency: 0,
      throttle: 0,
      conflict: 0,
      unreachable: 0,
      droppedWatch: 0,
    };
  }

  request(): void {
    this.requests++;
  }

  verb(verb: string): void {
    this.byVerb[verb] = (this.byVerb[verb] ?? 0) + 1;
  }

  response(code: number): void {
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
  }

  fault(kind: FaultKind, count = 1): void {
    this.faults[kind] += count;
  }

  watchEvent(): void {
    this.watchEvents++;
  }

  snapshot(): StatsSnapshot {
    const total = Object.values(this.faults).reduce((a, b) => a + b, 0);
    return {
      requests: this.requests,
      byVerb: { ...this.byVerb },
      byCode: { ...this.byCode },
      faultsInjected: { ...this.faults, total },
      activeWatches: this.activeWatches,
      watchEventsSent: this.watchEvents,
      memory: {
        rss: process.memoryUsage().rss,
        peakRss: process.resourceUsage().maxRSS * 1024,
        heapUsed: process.memoryUsage().heapUsed,
      },
    };
  }

  reset(): void {
    this.requests = 0;
    this.byVerb = {};
    this.byCode = {};
    this.faults = this.emptyFaults();
    this.watchEvents = 0;
  }
}
