import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  clientsFor,
  IMAGECACHES,
  imageCacheBody,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';
import { DEMO_SEED_FILE } from './packagePaths';

describe('state file and seed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ack-emulator-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a restart with objects, uids, resourceVersions and simulated time', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startTestEmulator({ stateFile, seed: DEMO_SEED_FILE });
    const created = await clientsFor(first).custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('persisted'),
    });
    first.advance(60_000);
    const before = await clientsFor(first).custom.getClusterCustomObject({
      ...IMAGECACHES,
      name: 'persisted',
    });
    const timeBefore = first.clock.now();
    await first.stop();

    const second = await startTestEmulator({ stateFile, seed: DEMO_SEED_FILE });
    const { custom, core } = clientsFor(second);
    const after = await custom.getClusterCustomObject({
      ...IMAGECACHES,
      name: 'persisted',
    });
    expect(after).toEqual(before);
    expect(after.metadata.uid).toBe(created.metadata.uid);
    expect(second.clock.now()).toBeGreaterThanOrEqual(timeBefore);
    expect(
      (
        await core.readNamespacedSecret({
          name: 'secret1',
          namespace: 'default',
        })
      ).type,
    ).toBe('kubernetes.io/dockerconfigjson');
    const next = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('later'),
    });
    expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(
      Number(before.metadata.resourceVersion),
    );

    // The restored cache was mid-creation and the controller carries on with it.
    second.advance(10 * 60_000);
    expect(
      (
        await custom.getClusterCustomObject({
          ...IMAGECACHES,
          name: 'persisted',
        })
      ).status.phase,
    ).toBe('Ready');
    await second.stop();
  });

  it('writes the state file readable by its owner only (it holds Secret data)', async () => {
    const stateFile = join(dir, 'state.json');
    // A state file left by an older version, world-readable.
    writeFileSync(
      stateFile,
      '{"version":1,"resourceVersion":1,"simulatedTime":0,"objects":[]}',
      { mode: 0o644 },
    );
    const emulator = await startTestEmulator({ stateFile });
    await clientsFor(emulator).core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'secret1' }, stringData: { password: 'x' } },
    });
    await emulator.stop();
    expect(readFileSync(stateFile, 'utf8')).toContain('secret1');
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  });

  it('writes the TLS CA next to the kubeconfig and reuses it on restart', async () => {
    const kubeconfigPath = join(dir, 'kubeconfig');
    const first = await startTestEmulator({
      tls: true,
      kubeconfigPath,
      controllers: false,
    });
    const ca = readFileSync(join(dir, 'ack-emulator-ca.crt'), 'utf8');
    expect(first.caData).toBe(ca);
    const config = parse(readFileSync(kubeconfigPath, 'utf8'));
    expect(
      Buffer.from(
        config.clusters[0].cluster['certificate-authority-data'],
        'base64',
      ).toString(),
    ).toBe(ca);
    expect(config.users.map((u: { name: string }) => u.name)).toEqual([
      'ack-emulator-admin',
      'ack-emulator-backstage',
    ]);
    await first.stop();
    const second = await startTestEmulator({
      tls: true,
      kubeconfigPath,
      controllers: false,
    });
    expect(second.caData).toBe(ca);
    await second.stop();
  });

  it('creates seed objects only when absent', async () => {
    const emulator = await startTestEmulator({
      seed: DEMO_SEED_FILE,
      controllers: false,
    });
    const { core, custom } = clientsFor(emulator);
    expect((await core.readNamespace({ name: 'argo' })).status?.phase).toBe(
      'Active',
    );
    const caches = await custom.listClusterCustomObject({ ...IMAGECACHES });
    expect(
      caches.items.map((c: { metadata: { name: string } }) => c.metadata.name),
    ).toEqual([
      'auto-create-for-eci-bp1c9h2kx0nginx7demo',
      'retired-service-a1b2c3d4',
      'team-base-alpine',
      'team-base-ubuntu',
      'team-busybox-tools',
      'team-gpu-drivers',
      'team-spark-3-5',
    ]);
    await emulator.stop();
  });
});
