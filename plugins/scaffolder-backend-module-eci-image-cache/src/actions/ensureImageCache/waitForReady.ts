import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';

const FAILED_PHASES = new Set(['Failed', 'UpdateFailed']);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('The task was cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }, ms);
    function cancel() {
      clearTimeout(timer);
      reject(new Error('The task was cancelled'));
    }
    signal?.addEventListener('abort', cancel, { once: true });
  });
}

function stateText(cache: ImageCacheView | undefined): string {
  if (!cache) {
    return 'not visible yet';
  }
  return `${cache.phase ?? 'no phase yet'}${
    cache.progress ? ` ${cache.progress}` : ''
  }`;
}

function failureReason(cache: ImageCacheView): string {
  const warning = [...cache.events]
    .reverse()
    .find(event => event.type === 'Warning' && event.message);
  return warning?.message ? `: ${warning.message}` : '';
}

/**
 * Polls the backend until the cache is Ready, logging every phase or progress change to the
 * task log. Fails on a Failed phase (with ECI's last warning), on timeout, and on cancellation.
 */
export async function waitForReady(options: {
  service: Pick<EciImageCacheService, 'listCaches'>;
  credentials: BackstageCredentials;
  entityRef: string;
  cluster: string;
  cacheName: string;
  timeoutMs: number;
  pollIntervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<ImageCacheView> {
  const { service, credentials, entityRef, cluster, cacheName, logger } =
    options;
  const deadline = Date.now() + options.timeoutMs;
  let lastState: string | undefined;
  let lastClusterError: string | undefined;
  for (;;) {
    const { items, errors } = await service.listCaches(
      { owner: entityRef, cluster },
      { credentials },
    );
    const cache = items.find(
      item => item.name === cacheName && item.cluster === cluster,
    );
    const state = stateText(cache);
    if (state !== lastState) {
      logger.info(`ImageCache ${cacheName} on cluster ${cluster}: ${state}`);
      lastState = state;
    }
    const clusterError = errors.find(error => error.cluster === cluster);
    if (clusterError && clusterError.message !== lastClusterError) {
      logger.warn(clusterError.message);
    }
    lastClusterError = clusterError?.message;
    if (cache?.usable) {
      return cache;
    }
    if (cache?.phase && FAILED_PHASES.has(cache.phase)) {
      throw new Error(
        `ImageCache ${cacheName} on cluster ${cluster} is ${
          cache.phase
        }${failureReason(
          cache,
        )}. The backend retries failed caches with backoff; check the images and pull secrets.`,
      );
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${Math.round(
          options.timeoutMs / 1000,
        )} s waiting for ImageCache ${cacheName} on cluster ${cluster} to become Ready (last state: ${state}). It keeps building; run the template again later, or raise timeoutSeconds.`,
      );
    }
    await sleep(
      Math.min(options.pollIntervalMs, Math.max(0, deadline - Date.now())),
      options.signal,
    );
  }
}
