import { AcrInstanceConfig } from '../acr';
import { diagnoseRunFailure } from './diagnoseRunFailure';

const SHANGHAI: AcrInstanceConfig = {
  id: 'cri-shanghai7k2m9x4p',
  region: 'cn-shanghai',
  domains: ['acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com'],
};
const IMAGE =
  'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/ml/trainer:2.1';
const REFUSED = `Failed to pull image "${IMAGE}": rpc error: code = Unknown desc = failed to resolve reference: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`;
const context = { clusterRegion: 'cn-hangzhou', acrInstances: [SHANGHAI] };

describe('diagnoseRunFailure', () => {
  it('names the instance, region and exact annotation when ACR refused a pull without password-free config', () => {
    const diagnosis = diagnoseRunFailure(
      { reason: 'ErrImagePull', message: REFUSED, image: IMAGE },
      { ...context, podAnnotations: {} },
    );
    expect(diagnosis.kind).toBe('acr-password-free-not-configured');
    expect(diagnosis.summary).toContain('cri-shanghai7k2m9x4p (cn-shanghai)');
    expect(diagnosis.fix).toContain(
      'k8s.aliyun.com/acr-instance-ids: "cn-shanghai:cri-shanghai7k2m9x4p"',
    );
  });

  it('omits the region prefix when the instance is in the cluster region', () => {
    const diagnosis = diagnoseRunFailure(
      {
        reason: 'ErrImagePull',
        message: 'unauthorized: authentication required',
        image: IMAGE,
      },
      { ...context, clusterRegion: 'cn-shanghai' },
    );
    expect(diagnosis.fix).toContain(
      'k8s.aliyun.com/acr-instance-ids: "cri-shanghai7k2m9x4p"',
    );
  });

  it('spots a pod that names the instance without its region', () => {
    const diagnosis = diagnoseRunFailure(
      { reason: 'ErrImagePull', message: REFUSED, image: IMAGE },
      {
        ...context,
        podAnnotations: {
          'k8s.aliyun.com/acr-instance-ids': 'cri-shanghai7k2m9x4p',
        },
      },
    );
    expect(diagnosis.kind).toBe('acr-wrong-region');
    expect(diagnosis.fix).toContain('"cn-shanghai:cri-shanghai7k2m9x4p"');
  });

  it('recognises an unconfigured ACR default domain', () => {
    const image = 'acme-registry-vpc.cn-beijing.cr.aliyuncs.com/a/b:1';
    const diagnosis = diagnoseRunFailure(
      { reason: 'ErrImagePull', message: 'no basic auth credentials', image },
      context,
    );
    expect(diagnosis.kind).toBe('acr-password-free-not-configured');
    expect(diagnosis.fix).toContain('eciImageCache.acr.instances');
  });

  it('advises a pull secret for other registries', () => {
    expect(
      diagnoseRunFailure(
        {
          reason: 'ErrImagePull',
          message: 'unauthorized',
          image: 'ghcr.io/a/b:1',
        },
        context,
      ).kind,
    ).toBe('registry-unauthorized');
  });

  it.each([
    [
      'ImageCacheNotFound',
      'The specified image cache imc-x1 does not exist.',
      'pinned-cache-not-found',
    ],
    [
      'ProviderFailed',
      'The production for specified image cache imc-x1 is not yet complete.',
      'pinned-cache-not-complete',
    ],
    [
      'Unauthorized',
      'No permission granted to eci service account for acr.',
      'eci-permission',
    ],
    [
      'ErrImagePull',
      'failed to resolve reference "docker.io/a/b:9": docker.io/a/b:9: not found',
      'image-not-found',
    ],
    [
      'ErrImagePull',
      'dial tcp 1.2.3.4:443: i/o timeout',
      'registry-unreachable',
    ],
    ['ProviderFailed', 'something else', 'other'],
  ])('%s "%s" → %s', (reason, message, kind) => {
    expect(diagnoseRunFailure({ reason, message }, context).kind).toBe(kind);
  });
});
