import { ConfigReader } from '@backstage/config';
import { readPluginConfig } from './pluginConfig';

const CLUSTER = {
  name: 'hangzhou',
  url: 'https://10.0.0.1:6443',
  region: 'cn-hangzhou',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'secret-token',
};

function read(eciImageCache: unknown) {
  return readPluginConfig(new ConfigReader({ eciImageCache } as any));
}

describe('readPluginConfig', () => {
  it('applies the documented defaults', () => {
    const config = read({ clusters: [CLUSTER] });
    expect(config.defaultCluster.name).toBe('hangzhou');
    expect(config.clusters[0]).toMatchObject({
      defaultNamespace: 'argo',
      isDefault: true,
      authProvider: 'serviceAccount',
      connection: {
        endpoint: { server: 'https://10.0.0.1:6443', skipTLSVerify: false },
        user: { token: 'secret-token' },
      },
    });
    expect(config.lifecycle).toEqual({
      retentionDays: 30,
      previousCachesKept: 1,
      orphanGracePeriodMs: 24 * 3600_000,
      retryInitialBackoffMs: 60_000,
      retryMaxBackoffMs: 3600_000,
      reconcileIntervalMs: 30_000,
      catalogChangeIntervalMs: 250,
      maxWritesPerMinute: 120,
    });
    expect(config.requestTimeoutMs).toBe(10_000);
    expect(config.entityCacheTtlMs).toBe(5_000);
    expect(config.acrInstances).toEqual([]);
  });

  it('reads durations as objects or ISO strings, the default cluster and ACR instances', () => {
    const config = read({
      clusters: [
        CLUSTER,
        { ...CLUSTER, name: 'shanghai', region: 'cn-shanghai', default: true },
      ],
      acr: {
        instances: [
          {
            id: 'cri-abc',
            region: 'cn-hangzhou',
            domains: ['Reg.Example.com'],
          },
        ],
      },
      lifecycle: {
        orphanGracePeriod: 'PT2H',
        retryBackoff: { initial: { seconds: 30 }, max: { minutes: 10 } },
        reconcileInterval: { seconds: 5 },
        catalogChangeInterval: { milliseconds: 400 },
        maxWritesPerMinute: 60,
        previousCachesKept: 0,
      },
    });
    expect(config.defaultCluster.name).toBe('shanghai');
    expect(config.clusters[0].isDefault).toBe(false);
    expect(config.acrInstances).toEqual([
      { id: 'cri-abc', region: 'cn-hangzhou', domains: ['reg.example.com'] },
    ]);
    expect(config.lifecycle).toMatchObject({
      orphanGracePeriodMs: 7_200_000,
      retryInitialBackoffMs: 30_000,
      retryMaxBackoffMs: 600_000,
      reconcileIntervalMs: 5_000,
      catalogChangeIntervalMs: 400,
      maxWritesPerMinute: 60,
      previousCachesKept: 0,
    });
  });

  it.each([
    [
      'no clusters',
      {},
      /eciImageCache\.clusters: must list at least one cluster/,
    ],
    [
      'a missing url',
      { clusters: [{ ...CLUSTER, url: undefined }] },
      /eciImageCache\.clusters\[0\]\.url/,
    ],
    [
      'a non-http url',
      { clusters: [{ ...CLUSTER, url: 'ftp://x' }] },
      /eciImageCache\.clusters\[0\]\.url: must be an http\(s\) URL/,
    ],
    [
      'plain http without skipTLSVerify',
      { clusters: [{ ...CLUSTER, url: 'http://127.0.0.1:6443' }] },
      /clusters\[0\]\.url: a plain http:\/\/ URL .* skipTLSVerify: true/,
    ],
    [
      'a bad region',
      { clusters: [{ ...CLUSTER, region: 'Hangzhou' }] },
      /clusters\[0\]\.region: .*region id/,
    ],
    [
      'an unsupported auth provider',
      { clusters: [{ ...CLUSTER, authProvider: 'aws' }] },
      /clusters\[0\]\.authProvider: "aws" is not supported; use one of "serviceAccount", "clientCertificate", "inCluster", "kubeconfig"/,
    ],
    [
      'serviceAccount without a token',
      { clusters: [{ ...CLUSTER, serviceAccountToken: undefined }] },
      /clusters\[0\]\.serviceAccountToken: is required with authProvider "serviceAccount" .*"inCluster"/,
    ],
    [
      'clientCertificate without its key',
      {
        clusters: [
          {
            ...CLUSTER,
            authProvider: 'clientCertificate',
            clientCertificateData: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
          },
        ],
      },
      /clusters\[0\]\.clientKeyData: is required with authProvider "clientCertificate" \(the kubeconfig's client-key-data\)/,
    ],
    [
      'clientCertificate data that is not base64 PEM',
      {
        clusters: [
          {
            ...CLUSTER,
            authProvider: 'clientCertificate',
            clientCertificateData: 'not-a-certificate',
            clientKeyData: 'not-a-key',
          },
        ],
      },
      /clusters\[0\]\.clientCertificateData: must be the base64 of a PEM block/,
    ],
    [
      'kubeconfig without a path',
      { clusters: [{ ...CLUSTER, authProvider: 'kubeconfig' }] },
      /clusters\[0\]\.kubeconfigPath: is required with authProvider "kubeconfig"/,
    ],
    [
      'kubeconfig with a file that does not exist',
      {
        clusters: [
          {
            ...CLUSTER,
            authProvider: 'kubeconfig',
            kubeconfigPath: '/nonexistent/kubeconfig.yaml',
          },
        ],
      },
      /clusters\[0\]\.kubeconfigPath: cannot read a kubeconfig from \/nonexistent\/kubeconfig\.yaml/,
    ],
    [
      'duplicate names',
      { clusters: [CLUSTER, CLUSTER] },
      /clusters\[1\]\.name: duplicate cluster name "hangzhou"/,
    ],
    [
      'two default clusters',
      {
        clusters: [
          { ...CLUSTER, default: true },
          { ...CLUSTER, name: 'b', default: true },
        ],
      },
      /only one cluster may set "default: true"/,
    ],
    [
      'a default namespace outside the allow-list',
      { clusters: [{ ...CLUSTER, allowedNamespaces: ['team-a'] }] },
      /defaultNamespace: "argo" is not in .*allowedNamespaces/,
    ],
    [
      'a bad ACR instance id',
      {
        clusters: [CLUSTER],
        acr: { instances: [{ id: 'acr-1', region: 'cn-hangzhou' }] },
      },
      /acr\.instances\[0\].*cri-/,
    ],
    [
      'retentionDays 0',
      { clusters: [CLUSTER], lifecycle: { retentionDays: 0 } },
      /lifecycle\.retentionDays/,
    ],
    [
      'too many writes per minute',
      { clusters: [CLUSTER], lifecycle: { maxWritesPerMinute: 500 } },
      /lifecycle\.maxWritesPerMinute: must be an integer from 1 to 200/,
    ],
    [
      'an unreadable duration',
      { clusters: [CLUSTER], lifecycle: { orphanGracePeriod: 'soon' } },
      /lifecycle\.orphanGracePeriod/,
    ],
    [
      'a max backoff below the initial one',
      {
        clusters: [CLUSTER],
        lifecycle: { retryBackoff: { initial: { hours: 2 } } },
      },
      /retryBackoff\.max: must not be shorter/,
    ],
    [
      'a catalog change interval below 100 ms',
      {
        clusters: [CLUSTER],
        lifecycle: { catalogChangeInterval: { milliseconds: 10 } },
      },
      /lifecycle\.catalogChangeInterval: must be at least 100 milliseconds/,
    ],
  ])('rejects %s, naming the key', (_, eciImageCache, message) => {
    expect(() => read(eciImageCache)).toThrow(message);
  });

  it('says the key is missing when the plugin is not configured', () => {
    expect(() => readPluginConfig(new ConfigReader({}))).toThrow(
      /Invalid configuration at eciImageCache: is missing/,
    );
  });
});
