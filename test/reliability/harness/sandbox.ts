import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A directory holding everything an action may touch: per-case workspaces, the publish root and
 * an `outside` directory. Listing it finds any file an action wrote where it must not.
 */
export class Sandbox {
  readonly root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'eci-hostile-')),
  );
  readonly publishRoot = path.join(this.root, 'publish');
  readonly outside = path.join(this.root, 'outside');
  private count = 0;

  constructor() {
    fs.mkdirSync(this.publishRoot);
    fs.mkdirSync(this.outside);
  }

  /** A fresh workspace with a file to publish and a symlink that leads outside it. */
  workspace(linkName: string): string {
    this.count += 1;
    const workspace = path.join(this.root, `workspace-${this.count}`);
    fs.mkdirSync(path.join(workspace, 'workflows'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    fs.symlinkSync(this.outside, path.join(workspace, linkName), 'dir');
    return workspace;
  }

  /** Every file (and symlink) under the sandbox, relative to it. */
  files(): string[] {
    const found: string[] = [];
    const walk = (relative: string) => {
      for (const entry of fs.readdirSync(path.join(this.root, relative), {
        withFileTypes: true,
      })) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(child);
        else found.push(child);
      }
    };
    walk('');
    return found.sort();
  }

  /** Files outside `workspace` (the workspace's own files and its escape link are allowed). */
  filesOutside(workspace: string): string[] {
    const prefix = `${path.relative(this.root, workspace)}/`;
    return this.files().filter(
      file => !file.startsWith(prefix) && !/^workspace-\d+\//.test(file),
    );
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
