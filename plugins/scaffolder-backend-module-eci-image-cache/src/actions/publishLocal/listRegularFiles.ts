import fs from 'node:fs/promises';
import path from 'node:path';

/** Files under a directory, relative and `/`-separated, sorted; symlinks and special files are skipped and reported. */
export async function listRegularFiles(
  directory: string,
): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = async (relative: string) => {
    const entries = await fs.readdir(path.join(directory, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(child);
      } else if (entry.isFile()) {
        files.push(child);
      } else {
        // A symlink could point anywhere on the host; copying its target would leak it.
        skipped.push(child);
      }
    }
  };
  await walk('');
  return { files: files.sort(), skipped: skipped.sort() };
}
