import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const EXAMPLES_DIRECTORY = path.resolve(__dirname, '../../examples');

/** The directory of the "New service on ECI" template, under the examples. */
export const NEW_SERVICE_TEMPLATE = 'new-service';

/** The template entity of examples/template.yaml (or of a template directory under examples). */
export function loadTemplate(directory = '') {
  return parse(
    fs.readFileSync(
      path.join(EXAMPLES_DIRECTORY, directory, 'template.yaml'),
      'utf8',
    ),
  );
}

/** The files next to the template, as the dry-run endpoint takes them. */
export function templateDirectoryContents(directory = ''): Array<{
  path: string;
  base64Content: string;
}> {
  const root = path.join(EXAMPLES_DIRECTORY, directory);
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), {
      withFileTypes: true,
    })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(child);
      } else {
        files.push({
          path: child,
          base64Content: fs
            .readFileSync(path.join(root, child))
            .toString('base64'),
        });
      }
    }
  };
  walk('');
  return files;
}
