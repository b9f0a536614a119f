import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Records this process's id, so a supervisor (or an e2e test) can stop exactly this emulator
 * rather than matching command lines that other emulators on the machine share.
 */
export function writePidFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${process.pid}\n`);
}

/** Removes the pid file, unless a newer emulator has already replaced it with its own id. */
export function removePidFile(path: string): void {
  let recorded: string;
  try {
    recorded = readFileSync(path, 'utf8').trim();
  } catch {
    return;
  }
  if (recorded === String(process.pid)) rmSync(path, { force: true });
}
