import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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

const OWN_SERVICE = 'component:default/svc';
const OTHER_TEAMS = 'component:default/data-svc';
const NEW_SERVICE = 'component:default/brand-new';

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
  const audits: Array<[string, string | undefined]> = [];
  const action = createPublishLocalAction({
    publishRoot: root,
    eciImageCache: {
      getEntityState: async (entityRef: string) => {
        if (entityRef === NEW_SERVICE) {
          throw new NotFoundError(`${entityRef} was not found`);
        }
        return {} as any;
      },
    },
    // The initiator may change every entity but the other team's.
    permissions: mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(request => ({
          result:
            (request as { resourceRef?: string }).resourceRef === OTHER_TEAMS
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    }),
    auditor: mockServices.auditor.mock({
      createEvent: async ({ eventId }) => ({
        success: async () => {
          audits.push([eventId, undefined]);
        },
        fail: async ({ error }) => {
          audits.push([eventId, error.name]);
        },
      }),
    }),
  });
  const run = async (
    input: JsonObject,
    options: Omit<Parameters<typeof createMockActionContext>[0], 'input'> & {
      taskId?: string;
    } = {},
  ) => {
    const ctx = createMockActionContext({
      input: { entityRef: OWN_SERVICE, ...input },
      workspacePath,
      ...options,
    });
    if (options.taskId) {
      ctx.task = { id: options.taskId };
    }
    await action.handler(ctx);
    return ctx;
  };
  return { root, workspacePath, run, audits };
}

describe('eci:publish:local', () => {
  it('publishes the workspace into <root>/<name>', async () => {
    const { root, run } = setup();
    const ctx = await run({ name: 'svc-workflows' });
    const target = path.join(root, 'svc-workflows');
    // Relative to the publish root: no server path in outputs.
    expect(ctx.outputs).toEqual({
      path: 'svc-workflows',
      files: ['catalog-info.yaml', 'workflows/svc.yaml'],
      catalogInfoPath: 'svc-workflows/catalog-info.yaml',
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
    expect(ctx.outputs.path).toBe('svc-workflows');
    expect(fs.existsSync(root)).toBe(false);
    expect(JSON.stringify(ctx.logger.info.mock.calls)).not.toContain(root);
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
      /"svc-workflows" is already published \(published by task task-1 at .* for component:default\/svc\); set overwrite \("Replace an earlier result" in the templates\) to replace it$/,
    );
    fs.rmSync(path.join(workspacePath, 'workflows'), { recursive: true });
    await run({ name: 'svc-workflows', overwrite: true }, { taskId: 'task-2' });
    // Replaced, not merged: the old workflow file is gone.
    expect(fs.existsSync(published)).toBe(false);
  });

  it("refuses to publish for an entity the initiator may not change, audited, and never replaces another entity's result", async () => {
    const { root, run, audits } = setup();
    await expect(
      run({ name: 'data-svc-workflows', entityRef: OTHER_TEAMS }),
    ).rejects.toThrow(
      'user:default/mock may not publish files for component:default/data-svc (eci.imagecache.create): only its owners and the ECI admins may',
    );
    expect(fs.existsSync(root)).toBe(false);
    expect(audits).toEqual([['publish-local', 'NotAllowedError']]);

    // A new entity has no owner yet to ask.
    await run({ name: 'brand-new-workflows', entityRef: NEW_SERVICE });
    // Overwrite replaces the same entity's earlier result only.
    await expect(
      run(
        { name: 'brand-new-workflows', overwrite: true },
        { taskId: 'task-2' },
      ),
    ).rejects.toThrow(
      /"brand-new-workflows" was not published for component:default\/svc .*overwrite only replaces an earlier result of the same entity/,
    );
    expect(audits.map(a => a[1])).toEqual([
      'NotAllowedError',
      undefined,
      'ConflictError',
    ]);
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
