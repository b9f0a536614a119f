import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { WorkflowPreviewResponse } from '@eci-portal/plugin-eci-image-cache-common';
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
    ...overrides,
  };
}

/** Answers the workflow preview for any query. */
export const workflowHandler = http.get(`${ENTITY_API}/workflow`, () =>
  HttpResponse.json(workflowPreview()),
);

export const acrInstancesHandler = http.get(`${API}/acr/instances`, () =>
  HttpResponse.json({
    items: [
      {
        id: 'cri-f34lmbk2rxqx41u8',
        region: 'cn-hangzhou',
        name: 'acr-en-hangzhou',
        domains: [],
      },
    ],
  }),
);
