import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * The cluster rejected the backend's own credentials. Answered as 502 so that it is
 * never mistaken for the caller's Backstage 401/403.
 */
export class ClusterCredentialsError extends CustomErrorBase {
  name = 'ClusterCredentialsError' as const;
  statusCode = 502;
}

interface KubernetesStatus {
  message?: string;
  reason?: string;
  details?: { causes?: Array<{ field?: string; message?: string }> };
}

function parseStatus(body: unknown): KubernetesStatus | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body ? { message: body.slice(0, 500) } : undefined;
    }
  }
  return typeof value === 'object' && value !== null
    ? (value as KubernetesStatus)
    : undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The low-level reason of a network failure (undici hides it in `cause`). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** HTTP status of a Kubernetes error (`ApiException.code`, or `statusCode` from the watch). */
export function kubernetesStatusCode(error: unknown): number | undefined {
  // DOMException (timeouts, aborts) also has a numeric `code`, which is not an HTTP status.
  if (isTimeout(error)) return undefined;
  const candidate = error as { code?: unknown; statusCode?: unknown };
  for (const value of [candidate?.code, candidate?.statusCode]) {
    if (typeof value === 'number' && value >= 100 && value <= 599) return value;
  }
  return undefined;
}

/**
 * Maps any error of a request to a cluster to a Backstage error a user can act on;
 * every message names the cluster.
 */
export function mapKubernetesError(
  error: unknown,
  cluster: string,
  action: string,
): Error {
  if (error instanceof CustomErrorBase && !(error as { code?: unknown }).code) {
    return error;
  }
  const status = kubernetesStatusCode(error);
  const prefix = `Cluster "${cluster}": ${action} failed`;
  if (status !== undefined) {
    const body = parseStatus((error as { body?: unknown }).body);
    const detail = body?.message ? `: ${body.message}` : '';
    switch (status) {
      case 400:
        return new InputError(`${prefix}${detail}`);
      case 401:
      case 403:
        return new ClusterCredentialsError(
          `${prefix}: the cluster rejected the backend's credentials (HTTP ${status}${detail}). ` +
            `Check the credentials of eciImageCache.clusters[name=${cluster}] (its authProvider and token, client certificate or kubeconfig) and that its ClusterRole allows imagecaches.eci.alibabacloud.com.`,
        );
      case 404:
        return new NotFoundError(`${prefix}${detail || ': not found'}`);
      case 409:
        return new ConflictError(`${prefix}${detail || ': conflict'}`);
      case 410:
        return new ServiceUnavailableError(
          `${prefix}: the cluster's watch history expired${detail}`,
        );
      case 422: {
        const causes = (body?.details?.causes ?? [])
          .map(cause =>
            cause.field ? `${cause.field}: ${cause.message}` : cause.message,
          )
          .filter(Boolean);
        return new InputError(
          `${prefix}: the cluster rejected the object${
            causes.length ? ` (${causes.join('; ')})` : detail
          }`,
        );
      }
      case 429:
        return new ServiceUnavailableError(
          `${prefix}: the cluster is throttling requests (HTTP 429); try again shortly`,
        );
      default:
        return new ServiceUnavailableError(
          `${prefix}: the cluster answered HTTP ${status}${detail}`,
        );
    }
  }
  if (isTimeout(error)) {
    return new ServiceUnavailableError(
      `${prefix}: the cluster did not answer in time`,
    );
  }
  const code = networkCode(error);
  if (code) {
    return new ServiceUnavailableError(
      `${prefix}: the cluster is unreachable (${code})`,
    );
  }
  const message = (error as Error)?.message ?? String(error);
  return new ServiceUnavailableError(`${prefix}: ${message}`);
}
