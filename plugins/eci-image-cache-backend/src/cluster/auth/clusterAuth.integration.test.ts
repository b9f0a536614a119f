import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { readPluginConfig } from '../../config/pluginConfig';
import { ClusterRegistry } from '../ClusterRegistry';
import { builtInAuthStrategies } from './builtInStrategies';
import { InClusterStrategy } from './InClusterStrategy';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Over HTTPS, each strategy lists and then watches ImageCaches of the emulator through the real client. */
describe('cluster authentication strategies against the emulator over HTTPS', () => {
  let emulator: RunningEmulator;
  let stranger: RunningEmulator;
  let dir: string;
  const registries: ClusterRegistry[] = [];
  let watched = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eci-cluster-auth-'));
    emulator = await startEmulator({
      port: 0,
      tls: true,
      controllers: false,
      manualClock: true,
      kubeconfigPath: join(dir, 'kubeconfig.yaml'),
      clientCertificateKubeconfig: { path: join(dir, 'ack-console.yaml') },
    });
    stranger = await startEmulator({ port: 0, tls: true, controllers: false });
    await createAsAdmin('seeded');
  });
  afterEach(async () => {
    await Promise.all(registries.splice(0).map(r => r.stop()));
  });
  afterAll(async () => {
    await emulator.stop();
    await stranger.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function createAsAdmin(name: string) {
    const kc = new KubeConfig();
    kc.loadFromString(emulator.kubeconfig('admin'));
    await kc.makeApiClient(CustomObjectsApi).createClusterCustomObject({
      group: 'eci.alibabacloud.com',
      version: 'v1',
      plural: 'imagecaches',
      body: {
        apiVersion: 'eci.alibabacloud.com/v1',
        kind: 'ImageCache',
        metadata: { name },
        spec: { images: ['nginx:1.27'] },
      },
    });
  }

  function connect(
    entry: Record<string, unknown>,
    strategies = builtInAuthStrategies(),
  ) {
    const config = readPluginConfig(
      new ConfigReader({
        eciImageCache: {
          clusters: [{ name: 'hz', region: 'cn-hangzhou', ...entry }],
        },
      }),
      strategies,
    );
    const registry = new ClusterRegistry(config, mockServices.logger.mock(), {
      initialBackoffMs: 50,
    });
    registries.push(registry);
    registry.start();
    return registry.get('hz');
  }

  async function expectListAndWatch(
    entry: Record<string, unknown>,
    strategies?: ReturnType<typeof builtInAuthStrategies>,
  ) {
    const { informer } = connect(entry, strategies);
    await waitFor(() => informer.state.state !== 'syncing');
    expect(informer.state).toMatchObject({ state: 'synced' });
    expect(informer.index.get('seeded')).toBeDefined();
    watched += 1;
    const name = `watched-${watched}`;
    await createAsAdmin(name);
    await waitFor(() => informer.index.get(name) !== undefined);
  }

  const ca = () => base64(emulator.caData!);

  it('serviceAccount: a bearer token from config', async () => {
    await expectListAndWatch({
      url: emulator.url,
      authProvider: 'serviceAccount',
      serviceAccountToken: emulator.tokens.backstage,
      caData: ca(),
    });
  });

  it('clientCertificate: a certificate the cluster CA signed is accepted', async () => {
    const certificate = await emulator.issueClientCertificate('backstage');
    await expectListAndWatch({
      url: emulator.url,
      authProvider: 'clientCertificate',
      clientCertificateData: base64(certificate.cert),
      clientKeyData: base64(certificate.key),
      caData: ca(),
    });
  });

  it('clientCertificate: a certificate another CA signed is refused with the cluster error', async () => {
    const certificate = await stranger.issueClientCertificate('backstage', [
      'system:masters',
    ]);
    const { api } = connect({
      url: emulator.url,
      authProvider: 'clientCertificate',
      clientCertificateData: base64(certificate.cert),
      clientKeyData: base64(certificate.key),
      caData: ca(),
    });
    await expect(api.list({ limit: 10 })).rejects.toMatchObject({
      name: 'ClusterCredentialsError',
      message: expect.stringMatching(
        /Cluster "hz": listing ImageCaches failed: the cluster rejected the backend's credentials \(HTTP 401/,
      ),
    });
  });

  it('inCluster: the token and CA mounted in the pod, the server from the service environment', async () => {
    const mounted = join(dir, 'serviceaccount');
    rmSync(mounted, { recursive: true, force: true });
    mkdirSync(mounted);
    writeFileSync(join(mounted, 'token'), emulator.tokens.backstage);
    writeFileSync(join(mounted, 'ca.crt'), emulator.caData!);
    const strategies = builtInAuthStrategies();
    strategies.set(
      'inCluster',
      new InClusterStrategy({
        directory: mounted,
        env: {
          KUBERNETES_SERVICE_HOST: '127.0.0.1',
          KUBERNETES_SERVICE_PORT: String(emulator.port),
        },
      }),
    );
    await expectListAndWatch({ authProvider: 'inCluster' }, strategies);
  });

  it('kubeconfig: a context of a token kubeconfig', async () => {
    await expectListAndWatch({
      authProvider: 'kubeconfig',
      kubeconfigPath: join(dir, 'kubeconfig.yaml'),
      kubeconfigContext: 'ack-emulator-backstage',
    });
  });

  it('kubeconfig: the current context of an ACK-console-style client-certificate kubeconfig', async () => {
    await expectListAndWatch({
      authProvider: 'kubeconfig',
      kubeconfigPath: join(dir, 'ack-console.yaml'),
    });
  });
});

describe('cluster authentication strategies: startup errors naming the field', () => {
  const read = (
    entry: Record<string, unknown>,
    strategies = builtInAuthStrategies(),
  ) =>
    readPluginConfig(
      new ConfigReader({
        eciImageCache: {
          clusters: [{ name: 'hz', region: 'cn-hangzhou', ...entry }],
        },
      }),
      strategies,
    );

  it('rejects a key that does not belong to the certificate', async () => {
    const emulator = await startEmulator({
      port: 0,
      tls: true,
      controllers: false,
    });
    try {
      const a = await emulator.issueClientCertificate('backstage');
      const b = await emulator.issueClientCertificate('backstage');
      expect(() =>
        read({
          url: emulator.url,
          authProvider: 'clientCertificate',
          clientCertificateData: base64(a.cert),
          clientKeyData: b.key,
        }),
      ).toThrow(
        /clusters\[0\]\.clientKeyData: is not a usable private key for clientCertificateData: it is not the key of the certificate of "CN=backstage"/,
      );
    } finally {
      await emulator.stop();
    }
  });

  it('rejects a kubeconfig context the file does not have, listing the ones it has', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eci-kubeconfig-'));
    try {
      writeFileSync(
        join(dir, 'config'),
        'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: dev, context: {cluster: c, user: u}}]\ncurrent-context: dev\n',
      );
      expect(() =>
        read({
          authProvider: 'kubeconfig',
          kubeconfigPath: join(dir, 'config'),
          kubeconfigContext: 'prod',
        }),
      ).toThrow(
        /clusters\[0\]\.kubeconfigContext: context "prod" is not in .* \(contexts: dev\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects inCluster outside a pod', () => {
    const strategies = builtInAuthStrategies();
    strategies.set(
      'inCluster',
      new InClusterStrategy({
        directory: '/nonexistent/serviceaccount',
        env: {},
      }),
    );
    expect(() => read({ authProvider: 'inCluster' }, strategies)).toThrow(
      /clusters\[0\]\.authProvider: "inCluster" needs the pod's service account token at \/nonexistent\/serviceaccount\/token/,
    );
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
