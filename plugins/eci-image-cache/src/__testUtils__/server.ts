import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import {
  AcrInstanceInfo,
  ClusterInfo,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API, ENTITY_API } from './renderTab';

/** An msw server for one test file, reset after each test. */
export function setupTestServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** A Backstage error body, as the backend's error middleware sends it. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

export function workflowPreview(
  overrides: Partial<WorkflowPreviewResponse> = {},
): WorkflowPreviewResponse {
  return {
    yaml: [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Workflow',
      'metadata:',
      '  generateName: ml-trainer-',
      'spec:',
      '  podMetadata:',
      '    annotations:',
      '      k8s.aliyun.com/eci-image-snapshot-id: "imc-2ze0abc123def456"',
      '',
    ].join('\n'),
    cacheId: 'imc-2ze0abc123def456',
    acrAnnotation: 'cri-f34lmbk2rxqx41u8',
    notes: ['Pinned to the Ready cache imc-2ze0abc123def456.'],
    cluster: 'ack-hangzhou',
    cacheMode: 'pinned',
    prediction: {
      verdict: 'warm',
      reason:
        'Workflows pin Ready cache ml-trainer-3f9a1c2b7d (imc-2ze0abc123def456).',
    },
    ...overrides,
  };
}

/** Answers the workflow preview for any query. */
export const workflowHandler = http.get(`${ENTITY_API}/workflow`, () =>
  HttpResponse.json(workflowPreview()),
);

/** The ACR instance of the cluster's region, as `GET /acr/instances` lists it. */
export const HANGZHOU_INSTANCE: AcrInstanceInfo = {
  id: 'cri-f34lmbk2rxqx41u8',
  region: 'cn-hangzhou',
  name: 'acr-en-hangzhou',
  domains: [],
};

/** An ACR instance in another region than the clusters' default. */
export const SHANGHAI_INSTANCE: AcrInstanceInfo = {
  id: 'cri-shanghai7k2m9x4p',
  region: 'cn-shanghai',
  name: 'acr-en-shanghai',
  domains: [],
};

/** Answers `GET /acr/instances` with the given instances (default: the Hangzhou one). */
export function acrInstancesResponse(
  items: AcrInstanceInfo[] = [HANGZHOU_INSTANCE],
) {
  return http.get(`${API}/acr/instances`, () => HttpResponse.json({ items }));
}

export const acrInstancesHandler = acrInstancesResponse();

/** A configured cluster as `GET /clusters` lists it. */
export function clusterInfo(overrides: Partial<ClusterInfo> = {}): ClusterInfo {
  return {
    name: 'ack-hangzhou',
    region: 'cn-hangzhou',
    default: true,
    defaultNamespace: 'argo',
    sync: { state: 'synced', since: '2026-11-28T08:00:00Z' },
    imageCacheCount: 1,
    ...overrides,
  };
}

/** Answers `GET /clusters`: ack-hangzhou (default) and ack-shanghai. */
export const clustersHandler = http.get(`${API}/clusters`, () =>
  HttpResponse.json({
    items: [
      clusterInfo(),
      clusterInfo({
        name: 'ack-shanghai',
        region: 'cn-shanghai',
        default: false,
      }),
    ],
  }),
);
