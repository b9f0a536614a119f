import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { parse } from 'yaml';
import type { RunningEmulator } from '../emulator/options';
import {
  IMAGECACHES,
  imageCacheBody,
  kubeConfigWithUser,
  startTestEmulator,
  statusOf,
} from '../__testUtils__/emulatorClients';

function certificateClient(
  emulator: RunningEmulator,
  certificate: { cert: string; key: string },
  token?: string,
): KubeConfig {
  return kubeConfigWithUser(emulator, {
    name: 'cert',
    certData: Buffer.from(certificate.cert).toString('base64'),
    keyData: Buffer.from(certificate.key).toString('base64'),
    token,
  });
}

async function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    error => statusOf(error),
  );
}

describe('client certificate authentication (x509, as kube-apiserver)', () => {
  let emulator: RunningEmulator;
  let stranger: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ controllers: false, tls: true });
    stranger = await startTestEmulator({ controllers: false, tls: true });
  });
  afterAll(async () => {
    await emulator.stop();
    await stranger.stop();
  });

  it('authenticates the CN as the user and applies that user’s rules', async () => {
    const kc = certificateClient(
      emulator,
      await emulator.issueClientCertificate('backstage'),
    );
    const custom = kc.makeApiClient(CustomObjectsApi);
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('by-cert'),
    });
    const list = await custom.listClusterCustomObject({ ...IMAGECACHES });
    expect(list.items.map((i: any) => i.metadata.name)).toEqual(['by-cert']);

    const denied = await failureOf(
      kc.makeApiClient(CoreV1Api).listNamespacedSecret({ namespace: 'argo' }),
    );
    expect(denied.httpCode).toBe(403);
    expect(denied.message).toContain(
      'User "backstage" cannot list resource "secrets"',
    );
  });

  it('lets the system:masters group (O) do anything, whatever the CN', async () => {
    const kc = certificateClient(
      emulator,
      await emulator.issueClientCertificate('platform-engineer', [
        'developers',
        'system:masters',
      ]),
    );
    const secrets = await kc
      .makeApiClient(CoreV1Api)
      .listNamespacedSecret({ namespace: 'default' });
    expect(secrets.items).toEqual([]);
  });

  it('gives a signed certificate of a user without rules nothing (403, not 401)', async () => {
    const kc = certificateClient(
      emulator,
      await emulator.issueClientCertificate('nobody', ['developers']),
    );
    const denied = await failureOf(
      kc
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({ ...IMAGECACHES }),
    );
    expect(denied.httpCode).toBe(403);
    expect(denied.message).toContain('User "nobody"');
  });

  it('refuses a certificate another CA signed with 401', async () => {
    const kc = certificateClient(
      emulator,
      await stranger.issueClientCertificate('backstage', ['system:masters']),
    );
    const refused = await failureOf(
      kc
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({ ...IMAGECACHES }),
    );
    expect(refused.httpCode).toBe(401);
  });

  it('still authenticates bearer tokens on the same TLS listener', async () => {
    const kc = certificateClient(
      emulator,
      await stranger.issueClientCertificate('backstage'),
      emulator.tokens.backstage,
    );
    const list = await kc
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ ...IMAGECACHES });
    expect(list.items).toHaveLength(1);
  });

  it('cannot issue client certificates without TLS', async () => {
    const plain = await startTestEmulator({ controllers: false });
    try {
      await expect(plain.issueClientCertificate('backstage')).rejects.toThrow(
        /need an emulator started with tls/,
      );
    } finally {
      await plain.stop();
    }
  });
});

const kubectlAvailable =
  spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status ===
  0;
(kubectlAvailable ? describe : describe.skip)(
  'kubectl with the client-certificate kubeconfig',
  () => {
    let emulator: RunningEmulator;
    let dir: string;
    const kubectl = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>(resolve =>
        execFile(
          'kubectl',
          [
            '--kubeconfig',
            join(dir, 'cert-kubeconfig.yaml'),
            '--cache-dir',
            join(dir, 'cache'),
            ...args,
          ],
          { timeout: 20_000 },
          (error, stdout, stderr) =>
            resolve({
              code: error ? Number((error as { code?: number }).code ?? 1) : 0,
              stdout,
              stderr,
            }),
        ),
      );

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ack-emulator-cert-'));
      emulator = await startTestEmulator({
        controllers: false,
        tls: true,
        clientCertificateKubeconfig: {
          path: join(dir, 'cert-kubeconfig.yaml'),
        },
      });
    });
    afterAll(async () => {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the kubeconfig shape of an ACK console kubeconfig', () => {
      const kubeconfig = parse(
        readFileSync(join(dir, 'cert-kubeconfig.yaml'), 'utf8'),
      );
      expect(Object.keys(kubeconfig.users[0].user).sort()).toEqual([
        'client-certificate-data',
        'client-key-data',
      ]);
      expect(kubeconfig.clusters[0].cluster).toHaveProperty(
        'certificate-authority-data',
      );
    });

    it('kubectl is allowed what backstage may do and denied the rest', async () => {
      const allowed = await kubectl('get', 'imagecaches');
      expect(allowed).toMatchObject({ code: 0 });
      expect(allowed.stderr).toContain('No resources found');
      const denied = await kubectl('get', 'secrets', '-n', 'argo');
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain(
        'User "backstage" cannot list resource "secrets"',
      );
    });
  },
);
