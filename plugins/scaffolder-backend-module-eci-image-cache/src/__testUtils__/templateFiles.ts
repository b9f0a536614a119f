import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const EXAMPLES_DIRECTORY = path.resolve(__dirname, '../../examples');

/** The template entity of examples/template.yaml. */
export function loadTemplate() {
  return parse(
    fs.readFileSync(path.join(EXAMPLES_DIRECTORY, 'template.yaml'), 'utf8'),
  );
}

/** The files next to the template, as the dry-run endpoint takes them. */
export function templateDirectoryContents(): Array<{
  path: string;
  base64Content: string;
}> {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(
      path.join(EXAMPLES_DIRECTORY, relative),
      {
        withFileTypes: true,
      },
    )) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(child);
      } else {
        files.push({
          path: child,
          base64Content: fs
            .readFileSync(path.join(EXAMPLES_DIRECTORY, child))
            .toString('base64'),
        });
      }
    }
  };
  walk('');
  return files;
}
