import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  formatValue,
  hasUnsafeCharacter,
} from '@eci-portal/plugin-eci-image-cache-common';
import path from 'node:path';

const MAX_RELATIVE_PATH_LENGTH = 1024;

/**
 * Resolves a path relative to a base directory (the task workspace, or the publish root),
 * refusing absolute paths, `..` segments and symlinks that lead outside the base.
 * The error names the input field.
 */
export function resolveInsideDirectory(
  baseDirectory: string,
  relativePath: string,
  field: string,
): string {
  const describe = (text: string) =>
    new InputError(`\`${field}\`: ${JSON.stringify(relativePath)} ${text}`);
  if (relativePath.length === 0 || relativePath.trim() !== relativePath) {
    throw describe(
      'must be a non-empty relative path without surrounding spaces',
    );
  }
  if (relativePath.length > MAX_RELATIVE_PATH_LENGTH) {
    throw describe(`is longer than ${MAX_RELATIVE_PATH_LENGTH} characters`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(relativePath)) {
    throw describe('contains a control character or a backslash');
  }
  if (hasUnsafeCharacter(relativePath)) {
    // Shown escaped: the raw value could reorder or hide text in logs and file listings.
    throw new InputError(
      `\`${field}\`: ${formatValue(
        relativePath,
      )} contains an invisible, bidirectional or line-separator character (a file name that displays differently from what it is)`,
    );
  }
  if (
    path.posix.isAbsolute(relativePath) ||
    path.win32.isAbsolute(relativePath)
  ) {
    throw describe('must be relative to the workspace, not an absolute path');
  }
  if (relativePath.split('/').includes('..')) {
    throw describe('must not contain ".." segments');
  }
  try {
    // Also follows existing symlinks, so a link to a directory outside is refused too.
    return resolveSafeChildPath(baseDirectory, relativePath);
  } catch {
    throw describe('leads outside the allowed directory (through a symlink)');
  }
}
