import type { RunningEmulator } from '../emulator/options';
import {
  clientsFor,
  expectStatus,
  IMAGECACHES,
  imageCacheBody,
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';

describe('validation against the CRD schema', () => {
  let emulator: RunningEmulator;
  let custom: ReturnType<typeof clientsFor>['custom'];

  beforeEach(async () => {
    emulator = await startTestEmulator({ controllers: false });
    ({ custom } = clientsFor(emulator));
  });
  afterEach(() => emulator.stop());

  it('reports a missing required field with the apiserver message and cause', async () => {
    const status = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody('x', {}),
      }),
    );
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'ImageCache.eci.alibabacloud.com "x" is invalid: spec.images: Required value',
      details: {
        name: 'x',
        group: 'eci.alibabacloud.com',
        kind: 'ImageCache',
        causes: [
          {
            reason: 'FieldValueRequired',
            message: 'Required value',
            field: 'spec.images',
          },
        ],
      },
    });
  });

  it('reports minItems and type errors together', async () => {
    const status = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody('x', { images: [], imageCacheSize: '20' }),
      }),
    );
    expect(status.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: 0: spec.images in body should have at least 1 items',
        field: 'spec.images',
      },
      {
        reason: 'FieldValueTypeInvalid',
        message:
          'Invalid value: "string": spec.imageCacheSize in body must be of type integer: "string"',
        field: 'spec.imageCacheSize',
      },
    ]);
    expect(status.message).toBe(
      'ImageCache.eci.alibabacloud.com "x" is invalid: [spec.images: Invalid value: 0: spec.images in body should have at least 1 items, spec.imageCacheSize: Invalid value: "string": spec.imageCacheSize in body must be of type integer: "string"]',
    );
  });

  it('requires spec and a valid object name', async () => {
    const noSpec = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: {
          apiVersion: 'eci.alibabacloud.com/v1',
          kind: 'ImageCache',
          metadata: { name: 'x' },
        },
      }),
    );
    expect(noSpec.details?.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'spec',
      },
    ]);
    const badName = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody('Bad_Name'),
      }),
    );
    expect(badName.details?.causes?.[0]).toMatchObject({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
    });
  });

  it('rejects bodies without kind like the apiserver', async () => {
    const status = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: {
          apiVersion: 'eci.alibabacloud.com/v1',
          metadata: { name: 'x' },
          spec: { images: ['a'] },
        },
      }),
    );
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(status.message).toMatch(/^Object 'Kind' is missing in/);
  });

  it('prunes unknown fields with a warning, or rejects them with fieldValidation=Strict', async () => {
    const body = imageCacheBody('x', { images: ['nginx'], unknownField: true });
    const warned = await rawRequest(
      emulator,
      'POST',
      '/apis/eci.alibabacloud.com/v1/imagecaches',
      { body },
    );
    expect(warned.status).toBe(201);
    expect(warned.json.spec).toEqual({ images: ['nginx'] });
    expect(warned.headers.get('warning')).toBe(
      '299 - "unknown field \\"spec.unknownField\\""',
    );

    const strict = await rawRequest(
      emulator,
      'POST',
      '/apis/eci.alibabacloud.com/v1/imagecaches?fieldValidation=Strict',
      {
        body: imageCacheBody('y', { images: ['nginx'], unknownField: true }),
      },
    );
    expect(strict.status).toBe(400);
    expect(strict.json.message).toBe(
      'ImageCache in version "v1" cannot be handled as a ImageCache: strict decoding error: unknown field "spec.unknownField"',
    );
  });

  it('keeps fields under x-kubernetes-preserve-unknown-fields (Argo workflow specs)', async () => {
    const workflow = await custom.createNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'workflowtemplates',
      namespace: 'default',
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'WorkflowTemplate',
        metadata: { name: 'tpl' },
        spec: {
          entrypoint: 'main',
          templates: [{ name: 'main', container: { image: 'busybox' } }],
        },
      },
    });
    expect(workflow.spec.templates[0].container.image).toBe('busybox');
  });
});
