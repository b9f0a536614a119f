import { ApiException } from '@kubernetes/client-node';
import { mapKubernetesError } from './kubernetesErrors';

const status = (code: number, message: string, causes?: unknown[]) =>
  new ApiException(code, 'failed', JSON.stringify({ kind: 'Status', message, details: { causes } }), {});

describe('mapKubernetesError', () => {
  it.each([
    [status(404, 'imagecaches "x" not found'), 'NotFoundError', /Cluster "hz": deleting failed: imagecaches "x" not found/],
    [status(409, 'already exists'), 'ConflictError', /already exists/],
    [status(400, 'bad'), 'InputError', /bad/],
    [status(429, 'slow down'), 'ServiceUnavailableError', /throttling requests/],
    [status(500, 'etcd'), 'ServiceUnavailableError', /answered HTTP 500: etcd/],
  ])('maps %#', (error, name, message) => {
    const mapped = mapKubernetesError(error, 'hz', 'deleting');
    expect(mapped.name).toBe(name);
    expect(mapped.message).toMatch(message);
  });

  it('lists the causes of a 422', () => {
    const mapped = mapKubernetesError(
      status(422, 'invalid', [{ field: 'spec.images', message: 'Required value' }]),
      'hz',
      'creating',
    );
    expect(mapped.name).toBe('InputError');
    expect(mapped.message).toBe(
      'Cluster "hz": creating failed: the cluster rejected the object (spec.images: Required value)',
    );
  });

  it.each([401, 403])('never lets a cluster %i look like a Backstage auth error', code => {
    const mapped = mapKubernetesError(new ApiException(code, 'Unauthorized', undefined, {}), 'hz', 'listing');
    expect(mapped.name).toBe('ClusterCredentialsError');
    expect((mapped as any).statusCode).toBe(502);
    expect(mapped.message).toMatch(/rejected the backend's credentials \(HTTP \d+\)/);
  });

  it('maps timeouts and network failures to 503', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(mapKubernetesError(refused, 'hz', 'listing')).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'Cluster "hz": listing failed: the cluster is unreachable (ECONNREFUSED)',
    });
    const timeout = new DOMException('timed out', 'TimeoutError');
    expect(mapKubernetesError(timeout, 'hz', 'listing')).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'Cluster "hz": listing failed: the cluster did not answer in time',
    });
  });
});
