import { ConflictError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Marker written into every published directory: which task published it. */
export const PUBLISH_MARKER = '.eci-publish.json';

interface PublishMarker {
  taskId: string;
  publishedAt: string;
  /** The entity the files were published for (absent in markers of older versions). */
  entityRef?: string;
}

async function readMarker(
  directory: string,
): Promise<PublishMarker | undefined> {
  try {
    return JSON.parse(
      await fs.readFile(path.join(directory, PUBLISH_MARKER), 'utf8'),
    ) as PublishMarker;
  } catch {
    return undefined;
  }
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to replace a directory published by another task unless `overwrite` is set, and never
 * replaces one published for another entity: overwriting is for the entity's own earlier
 * results. The same task may always replace its own directory, so a recovered task can run the
 * step again. Messages name the directory relative to the publish root.
 */
export async function checkPublishTarget(options: {
  target: string;
  name: string;
  taskId: string;
  entityRef: string;
  overwrite: boolean;
}): Promise<boolean> {
  const { target, name, taskId, entityRef, overwrite } = options;
  if (!(await exists(target))) {
    return false;
  }
  const marker = await readMarker(target);
  if (marker?.taskId === taskId) {
    return true;
  }
  const by = marker
    ? ` (published by task ${marker.taskId} at ${marker.publishedAt}${
        marker.entityRef ? ` for ${marker.entityRef}` : ''
      })`
    : '';
  if (!overwrite) {
    throw new ConflictError(
      `"${name}" is already published${by}; set overwrite ("Replace an earlier result" in the templates) to replace it`,
    );
  }
  if (marker?.entityRef !== entityRef) {
    throw new ConflictError(
      `"${name}" was not published for ${entityRef}${by}; overwrite only replaces an earlier result of the same entity`,
    );
  }
  return true;
}

/**
 * Copies the files into a hidden staging directory next to the target and swaps it in with
 * renames, so readers (the catalog) never see a half-written directory.
 */
export async function publishDirectory(options: {
  sourceDirectory: string;
  files: readonly string[];
  target: string;
  taskId: string;
  entityRef: string;
}): Promise<void> {
  const { sourceDirectory, files, target, taskId, entityRef } = options;
  const parent = path.dirname(target);
  const suffix = randomBytes(6).toString('hex');
  const staging = path.join(
    parent,
    `.${path.basename(target)}.staging-${suffix}`,
  );
  const old = path.join(parent, `.${path.basename(target)}.old-${suffix}`);
  await fs.mkdir(staging, { recursive: true });
  try {
    for (const file of files) {
      const destination = path.join(staging, file);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.copyFile(path.join(sourceDirectory, file), destination);
    }
    const marker: PublishMarker = {
      taskId,
      publishedAt: new Date().toISOString(),
      entityRef,
    };
    await fs.writeFile(
      path.join(staging, PUBLISH_MARKER),
      `${JSON.stringify(marker)}\n`,
    );
    const replacing = await exists(target);
    if (replacing) {
      await fs.rename(target, old);
    }
    await fs.rename(staging, target);
    if (replacing) {
      await fs.rm(old, { recursive: true, force: true });
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
