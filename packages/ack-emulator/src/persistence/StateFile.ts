import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';

export interface PersistedState {
  version: 1;
  resourceVersion: number;
  /** Simulated time when saved, so the clock never runs backwards across restarts. */
  simulatedTime: number;
  objects: KubeObject[];
}

export function readState(path: string): PersistedState | undefined {
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, 'utf8')) as PersistedState;
  if (state.version !== 1 || !Array.isArray(state.objects))
    throw new Error(`${path} is not an ack-emulator state file`);
  return state;
}

/** Saves the store to a JSON file a short while after each change (atomic rename). */
export class StateFile {
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly path: string,
    private readonly store: ObjectStore,
    private readonly now: () => number,
    private readonly debounceMs = 250,
  ) {}

  start(): void {
    this.unsubscribe = this.store.subscribe(() => this.schedule());
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Spliced from each object's stored JSON instead of re-serializing every object.
    const header = `{"version":1,"resourceVersion":${this.store.currentResourceVersion()},"simulatedTime":${this.now()},"objects":[`;
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    // The state holds Secret data: readable by its owner only, like a kubeconfig.
    writeFileSync(temporary, `${header}${this.store.dumpJson().join(',')}]}`, {
      mode: 0o600,
    });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) this.flush();
  }
}
