import { ConfigReader } from '@backstage/config';
import { readPluginConfig } from '../config/pluginConfig';
import { component } from '../__testUtils__/FakeCatalog';
import {
  effectiveConfigView,
  resolveEntityConfig,
} from './resolveEntityConfig';

const config = readPluginConfig(
  new ConfigReader({
    eciImageCache: {
      acr: { instances: [{ id: 'cri-shanghai1', region: 'cn-shanghai' }] },
      clusters: [
        {
          name: 'hz',
          url: 'https://a',
          region: 'cn-hangzhou',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'token',
          default: true,
        },
        {
          name: 'sh',
          url: 'https://b',
          region: 'cn-shanghai',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'token',
          defaultNamespace: 'workflows',
          allowedNamespaces: ['workflows', 'batch'],
        },
      ],
      lifecycle: { retentionDays: 14 },
    },
  }),
);

describe('resolveEntityConfig', () => {
  it('lets annotations win over settings, settings over defaults, and says which is which', () => {
    const entity = component('web', {
      'alibabacloud.com/eci-images': 'nginx:1.25.3',
      'alibabacloud.com/eci-image-cache-size': '40',
    });
    const resolved = resolveEntityConfig(
      entity,
      {
        imageCacheSize: 80,
        cacheMode: 'manual',
        imagePullSecrets: ['argo:a', 'argo:b'],
      },
      config,
    );
    expect(effectiveConfigView(resolved)).toEqual({
      images: { value: ['nginx:1.25.3'], source: 'annotation' },
      cacheMode: { value: 'manual', source: 'settings' },
      imageCacheSize: { value: 40, source: 'annotation' },
      retentionDays: { value: 14, source: 'default' },
      imagePullSecrets: {
        value: ['argo:a', 'argo:b'],
        source: 'settings',
      },
      acrInstance: { value: null, source: 'default' },
      cluster: { value: 'hz', source: 'default' },
      argoNamespace: { value: 'argo', source: 'default' },
    });
  });

  it('uses the defaults and the namespace allow-list of the target cluster', () => {
    const ok = resolveEntityConfig(
      component('etl', {
        'alibabacloud.com/eci-images': 'busybox:1.36',
        'alibabacloud.com/eci-cluster': 'sh',
      }),
      undefined,
      config,
    );
    expect(ok.cluster.name).toBe('sh');
    expect(effectiveConfigView(ok)?.argoNamespace).toEqual({
      value: 'workflows',
      source: 'default',
    });
    const refused = resolveEntityConfig(
      component('etl', {
        'alibabacloud.com/eci-images': 'busybox:1.36',
        'alibabacloud.com/eci-cluster': 'sh',
        'alibabacloud.com/argo-namespace': 'kube-system',
      }),
      undefined,
      config,
    );
    expect(refused.result.ok).toBe(false);
    expect(!refused.result.ok && refused.result.problems[0].rule).toBe(
      'namespace-not-allowed',
    );
  });

  it('fills in the configured region of an ACR instance named without one', () => {
    const resolved = resolveEntityConfig(
      component('etl', {
        'alibabacloud.com/eci-images': 'busybox:1.36',
        'alibabacloud.com/acr-instance-id': 'cri-shanghai1',
      }),
      undefined,
      config,
    );
    expect(effectiveConfigView(resolved)?.acrInstance).toEqual({
      value: 'cn-shanghai:cri-shanghai1',
      source: 'annotation',
    });
    const unknown = resolveEntityConfig(
      component('etl', {
        'alibabacloud.com/eci-images': 'busybox:1.36',
        'alibabacloud.com/acr-instance-id': 'cri-elsewhere',
      }),
      undefined,
      config,
    );
    expect(effectiveConfigView(unknown)?.acrInstance.value).toBe(
      'cri-elsewhere',
    );
  });

  it('names the setting, not the annotation, when a saved value is the problem', () => {
    const resolved = resolveEntityConfig(
      component('web', { 'alibabacloud.com/eci-images': 'nginx:1.25.3' }),
      { retentionDays: 0 },
      config,
    );
    expect(resolved.result.ok).toBe(false);
    expect(!resolved.result.ok && resolved.result.problems[0]).toMatchObject({
      field: 'settings.retentionDays',
      message: expect.stringMatching(
        /^`settings\.retentionDays`: "0" is below the minimum/,
      ),
    });
  });
});
