import fs from 'node:fs/promises';
import path from 'node:path';
import { mapWithConcurrency } from '../backend/mapWithConcurrency';
import { resolveInsideDirectory } from './safeWorkspacePath';

/** Files written at once. */
const WRITE_CONCURRENCY = 32;

/** A file to write, relative to the base directory. */
export interface FileToWrite {
  /** Relative path. */
  path: string;
  /** UTF-8 content. */
  content: string;
  /** Input field that chose the path, for error messages. */
  field: string;
}

/**
 * Checks every path first and only then writes, so that an invalid path leaves no file behind.
 * Writing the same content again is a no-op in effect, which keeps re-runs idempotent.
 */
export async function writeFiles(
  baseDirectory: string,
  files: readonly FileToWrite[],
): Promise<void> {
  const targets = files.map(file => ({
    ...file,
    absolute: resolveInsideDirectory(baseDirectory, file.path, file.field),
  }));
  const directories = new Set(
    targets.map(target => path.dirname(target.absolute)),
  );
  for (const directory of directories) {
    await fs.mkdir(directory, { recursive: true });
  }
  await mapWithConcurrency(targets, WRITE_CONCURRENCY, async target => {
    // Check again now that the directories exist: a symlink created in between is refused.
    resolveInsideDirectory(baseDirectory, target.path, target.field);
    await fs.writeFile(target.absolute, target.content, 'utf8');
  });
}
