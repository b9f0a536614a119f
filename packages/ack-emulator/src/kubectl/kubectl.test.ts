import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RunningEmulator } from '../emulator/options';
import { DEMO_SEED_FILE } from '../emulator/packagePaths';
import { waitFor } from '../__testUtils__/emulatorClients';
import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';

// The ImageCache manifest of the source document, verbatim.
const IMAGECACHE_YAML = `apiVersion: eci.alibabacloud.com/v1
kind: ImageCache
metadata:
  name: imagecache-helloworld
  annotations:
    k8s.aliyun.com/imc-enable-reuse: "true" # Allow the cache to be reused
spec:
  images: # Images to cache
  - docker/whalesay
  imagePullSecrets: # Secrets for private images; not required for public images
  - default:secret1
  imageCacheSize: # Cache size in GiB. Default: 20. Valid range: 20-32768
    20
  retentionDays: # Days before the cache expires. Leave blank for no expiration
    7
`;

describeWithKubectl(
  'kubectl against the emulator (source document steps)',
  () => {
    let session: KubectlSession;
    let emulator: RunningEmulator;
    let dir: string;
    let kubectlArgs: KubectlSession['args'];
    let kubectl: KubectlSession['kubectl'];

    const table = (output: string) =>
      output
        .trim()
        .split('\n')
        .map(line => line.trim().split(/\s+/));

    beforeAll(async () => {
      session = await startKubectlSession({ seed: DEMO_SEED_FILE });
      ({ emulator, dir, kubectl } = session);
      kubectlArgs = session.args;
      writeFileSync(join(dir, 'imagecache.yaml'), IMAGECACHE_YAML);
    });
    afterAll(() => session.stop());

    it('kubectl apply -f imagecache.yaml', async () => {
      const result = await kubectl('apply', '-f', 'imagecache.yaml');
      expect(result).toMatchObject({
        code: 0,
        stdout:
          'imagecache.eci.alibabacloud.com/imagecache-helloworld created\n',
      });
    });

    it('kubectl get imagecaches -w prints the transitions up to Ready', async () => {
      const child = spawn('kubectl', kubectlArgs(['get', 'ic', '-w']), {
        cwd: dir,
      });
      let output = '';
      child.stdout.on('data', chunk => {
        output += chunk;
      });
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      try {
        await waitFor(
          () => output.includes('imagecache-helloworld'),
          10_000,
          'initial rows',
        );
        await waitFor(
          () => emulator.stats.snapshot().activeWatches > 0,
          10_000,
          'the watch request',
        );
        for (
          let i = 0;
          i < 20 &&
          !/Ready\s+100%\s*$/m.test(
            output
              .split('\n')
              .filter(l => l.startsWith('imagecache-helloworld'))
              .pop() ?? '',
          );
          i++
        ) {
          emulator.advance(15_000);
          await new Promise(resolve => setTimeout(resolve, 50));
        }
        await waitFor(
          () =>
            /imagecache-helloworld\s+\S+\s+imc-[a-z0-9]{20}\s+Ready\s+100%/.test(
              output,
            ),
          10_000,
          'Ready row',
        );
      } finally {
        clearTimeout(killer);
        child.kill('SIGTERM');
      }
      const rows = table(output).filter(
        row => row[0] === 'imagecache-helloworld',
      );
      const phases = rows
        .map(row => row[3])
        .filter((phase, i, all) => phase !== all[i - 1]);
      expect(phases).toEqual(['Preparing', 'Creating', 'Ready']);
      const progress = rows.map(row => Number(row[4].replace('%', '')));
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.length).toBeGreaterThan(5);
    });

    it('kubectl get imagecaches shows NAME AGE CACHEID PHASE PROGRESS with Ready 100%', async () => {
      const result = await kubectl('get', 'imagecaches');
      expect(result.code).toBe(0);
      const [header, ...rows] = table(result.stdout);
      expect(header).toEqual(['NAME', 'AGE', 'CACHEID', 'PHASE', 'PROGRESS']);
      const row = rows.find(r => r[0] === 'imagecache-helloworld')!;
      expect(row[1]).toMatch(/^\d+m\d*s?$/);
      expect(row[2]).toMatch(/^imc-[a-z0-9]{20}$/);
      expect(row.slice(3)).toEqual(['Ready', '100%']);
      expect(rows.map(r => r[0])).toContain(
        'auto-create-for-eci-bp1c9h2kx0nginx7demo',
      );
    });

    it('kubectl get -o yaml returns the object with its status', async () => {
      const result = await kubectl(
        'get',
        'imagecache',
        'imagecache-helloworld',
        '-o',
        'yaml',
      );
      const object = parse(result.stdout);
      expect(object.spec).toEqual({
        images: ['docker/whalesay'],
        imagePullSecrets: ['default:secret1'],
        imageCacheSize: 20,
        retentionDays: 7,
      });
      expect(
        object.metadata.annotations['k8s.aliyun.com/imc-enable-reuse'],
      ).toBe('true');
      expect(object.status).toMatchObject({
        phase: 'Ready',
        progress: '100%',
        events: [expect.objectContaining({ reason: 'Pulled' })],
      });
      expect(object.status.expireDateTime).toBeDefined();
    });

    it('kubectl explain imagecache.spec', async () => {
      const result = await kubectl('explain', 'imagecache.spec');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('KIND:       ImageCache');
      expect(result.stdout).toContain('FIELD: spec <Object>');
      expect(result.stdout).toMatch(/images\s+<\[\]string> -required-/);
      expect(result.stdout).toMatch(/retentionDays\s+<integer>/);
    });

    it('kubectl apply --server-side, with conflicts against client-side apply', async () => {
      writeFileSync(
        join(dir, 'ssa.yaml'),
        'apiVersion: eci.alibabacloud.com/v1\nkind: ImageCache\nmetadata:\n  name: ssa-cache\nspec:\n  images: [nginx:1.25.3]\n  retentionDays: 3\n',
      );
      expect(
        await kubectl('apply', '--server-side', '-f', 'ssa.yaml'),
      ).toMatchObject({
        code: 0,
        stdout:
          'imagecache.eci.alibabacloud.com/ssa-cache serverside-applied\n',
      });
      const managers = await kubectl(
        'get',
        'ic',
        'ssa-cache',
        '-o',
        'jsonpath={.metadata.managedFields[*].manager}',
      );
      expect(managers.stdout).toBe('kubectl');

      writeFileSync(
        join(dir, 'changed.yaml'),
        IMAGECACHE_YAML.replace('    7\n', '    3\n'),
      );
      const conflict = await kubectl(
        'apply',
        '--server-side',
        '-f',
        'changed.yaml',
      );
      expect(conflict.code).not.toBe(0);
      expect(conflict.stderr).toContain(
        'conflict with "kubectl-client-side-apply"',
      );
      expect(conflict.stderr).toContain('.spec.retentionDays');
      expect(
        (
          await kubectl(
            'apply',
            '--server-side',
            '--force-conflicts',
            '-f',
            'changed.yaml',
          )
        ).code,
      ).toBe(0);
      expect(
        (
          await kubectl(
            'get',
            'ic',
            'imagecache-helloworld',
            '-o',
            'jsonpath={.spec.retentionDays}',
          )
        ).stdout,
      ).toBe('3');
    });

    it('kubectl delete', async () => {
      expect(await kubectl('delete', 'ic', 'ssa-cache')).toMatchObject({
        code: 0,
        stdout: 'imagecache.eci.alibabacloud.com "ssa-cache" deleted\n',
      });
      expect((await kubectl('delete', '-f', 'imagecache.yaml')).stdout).toBe(
        'imagecache.eci.alibabacloud.com "imagecache-helloworld" deleted\n',
      );
      const missing = await kubectl(
        'get',
        'imagecache',
        'imagecache-helloworld',
      );
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain(
        'Error from server (NotFound): imagecaches.eci.alibabacloud.com "imagecache-helloworld" not found',
      );
    });
  },
);
