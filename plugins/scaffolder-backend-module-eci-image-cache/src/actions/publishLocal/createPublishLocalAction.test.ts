import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import { createPublishLocalAction } from './createPublishLocalAction';
import { PUBLISH_MARKER } from './publishDirectory';

function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function setup() {
  const root = path.join(tempDir('eci-publish-'), 'published');
  const workspacePath = tempDir('eci-ws-');
  fs.mkdirSync(path.join(workspacePath, 'workflows'));
  fs.writeFileSync(
    path.join(workspacePath, 'catalog-info.yaml'),
    'kind: Component\n',
  );
  fs.writeFileSync(
    path.join(workspacePath, 'workflows/svc.yaml'),
    'kind: Workflow\n',
  );
  const action = createPublishLocalAction({ publishRoot: root });
  const run = async (
    input: JsonObject,
    options: Omit<Parameters<typeof createMockActionContext>[0], 'input'> & {
      taskId?: string;
    } = {},
  ) => {
    const ctx = createMockActionContext({ input, workspacePath, ...options });
    if (options.taskId) {
      ctx.task = { id: options.taskId };
    }
    await action.handler(ctx);
    return ctx;
  };
  return { root, workspacePath, run };
}

describe('eci:publish:local', () => {
  it('publishes the workspace into <root>/<name>', async () => {
    const { root, run } = setup();
    const ctx = await run({ name: 'svc-workflows' });
    const target = path.join(root, 'svc-workflows');
    expect(ctx.outputs).toEqual({
      path: target,
      files: ['catalog-info.yaml', 'workflows/svc.yaml'],
      catalogInfoPath: path.join(target, 'catalog-info.yaml'),
    });
    expect(
      fs.readFileSync(path.join(target, 'workflows/svc.yaml'), 'utf8'),
    ).toBe('kind: Workflow\n');
    expect(
      JSON.parse(fs.readFileSync(path.join(target, PUBLISH_MARKER), 'utf8')),
    ).toMatchObject({
      taskId: 'task-1',
    });
    // No staging directories are left behind.
    expect(fs.readdirSync(root)).toEqual(['svc-workflows']);
  });

  it('publishes a sub-directory', async () => {
    const { root, run } = setup();
    const ctx = await run({ name: 'only-workflows', sourcePath: 'workflows' });
    expect(ctx.outputs.files).toEqual(['svc.yaml']);
    expect(ctx.outputs.catalogInfoPath).toBe('');
    expect(fs.existsSync(path.join(root, 'only-workflows/svc.yaml'))).toBe(
      true,
    );
  });

  it('writes nothing in a dry run', async () => {
    const { root, run } = setup();
    const ctx = await run({ name: 'svc-workflows' }, { isDryRun: true });
    expect(ctx.outputs.path).toBe(path.join(root, 'svc-workflows'));
    expect(fs.existsSync(root)).toBe(false);
  });

  it('lets the same task publish again (recovery), but not another task without overwrite', async () => {
    const { root, workspacePath, run } = setup();
    await run({ name: 'svc-workflows' });
    fs.writeFileSync(
      path.join(workspacePath, 'workflows/svc.yaml'),
      'kind: Workflow # v2\n',
    );
    await run({ name: 'svc-workflows' });
    const published = path.join(root, 'svc-workflows/workflows/svc.yaml');
    expect(fs.readFileSync(published, 'utf8')).toBe('kind: Workflow # v2\n');

    await expect(
      run({ name: 'svc-workflows' }, { taskId: 'task-2' }),
    ).rejects.toThrow(
      /svc-workflows already exists \(published by task task-1 at .*\); choose another name or set overwrite: true/,
    );
    fs.rmSync(path.join(workspacePath, 'workflows'), { recursive: true });
    await run({ name: 'svc-workflows', overwrite: true }, { taskId: 'task-2' });
    // Replaced, not merged: the old workflow file is gone.
    expect(fs.existsSync(published)).toBe(false);
  });

  it('does not follow symlinks in the workspace', async () => {
    const { root, workspacePath, run } = setup();
    const secret = path.join(tempDir('eci-secret-'), 'secret.txt');
    fs.writeFileSync(secret, 'do not copy');
    fs.symlinkSync(secret, path.join(workspacePath, 'workflows/link.txt'));
    const ctx = await run({ name: 'svc-workflows' });
    expect(ctx.outputs.files).toEqual([
      'catalog-info.yaml',
      'workflows/svc.yaml',
    ]);
    expect(
      fs.existsSync(path.join(root, 'svc-workflows/workflows/link.txt')),
    ).toBe(false);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('workflows/link.txt is not a regular file'),
    );
  });

  it.each<[string, JsonObject, RegExp]>([
    ['a name with ..', { name: '../escape' }, /`name`: "..\/escape"/],
    ['an absolute name', { name: '/tmp/escape' }, /`name`: "\/tmp\/escape"/],
    ['a nested name', { name: 'a/b' }, /`name`: "a\/b"/],
    [
      'a sourcePath with ..',
      { name: 'ok', sourcePath: '../' },
      /`sourcePath`: "..\/" must not contain "\.\." segments/,
    ],
    [
      'an absolute sourcePath',
      { name: 'ok', sourcePath: '/etc' },
      /`sourcePath`: "\/etc" must be relative/,
    ],
    [
      'a missing sourcePath',
      { name: 'ok', sourcePath: 'nope' },
      /`sourcePath`: "nope" is not a directory of the workspace/,
    ],
    [
      'an unknown field',
      { name: 'ok', target: '/tmp' },
      /Unrecognized key\(s\) in object: 'target'/,
    ],
  ])('refuses %s and writes nothing', async (_, input, message) => {
    const { root, run } = setup();
    await expect(run(input)).rejects.toThrow(message);
    expect(fs.existsSync(root)).toBe(false);
  });

  it('refuses a symlinked sourcePath that leads outside the workspace', async () => {
    const { root, workspacePath, run } = setup();
    fs.symlinkSync(
      tempDir('eci-outside-'),
      path.join(workspacePath, 'elsewhere'),
    );
    await expect(run({ name: 'ok', sourcePath: 'elsewhere' })).rejects.toThrow(
      /`sourcePath`: "elsewhere" leads outside the allowed directory/,
    );
    expect(fs.existsSync(root)).toBe(false);
  });

  it('refuses to publish through a symlink in the publish root', async () => {
    const { root, run } = setup();
    const outside = tempDir('eci-outside-');
    fs.mkdirSync(root, { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'svc-workflows'));
    await expect(run({ name: 'svc-workflows' })).rejects.toThrow(
      /`name`: "svc-workflows" leads outside/,
    );
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});
