import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import { decideAcr } from '@eci-portal/plugin-eci-image-cache-common';
import {
  ACR_INSTANCES,
  FakeEciImageCache,
  FakeEntity,
} from '../../__testUtils__/fakeEciImageCache';
import { createConfigureAcrAction } from './createConfigureAcrAction';

const REF = 'component:default/etl-runner';

function setup(entity: Partial<FakeEntity> = {}) {
  const backend = new FakeEciImageCache([
    {
      entityRef: REF,
      images: [
        'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1',
      ],
      cacheMode: 'manual',
      settings: { imageCacheSize: 40, retentionDays: 7 },
      ...entity,
    },
  ]);
  const action = createConfigureAcrAction({ eciImageCache: backend });
  const run = async (
    input: JsonObject,
    options: Omit<Parameters<typeof createMockActionContext>[0], 'input'> = {},
  ) => {
    const ctx = createMockActionContext({ input, ...options });
    await action.handler(ctx);
    return ctx;
  };
  return { backend, run };
}

describe('eci:acr:configure', () => {
  it('saves the instance next to the other settings, as the initiator', async () => {
    const { run, backend } = setup();
    const ctx = await run(
      { entityRef: REF, acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p' },
      { credentials: mockCredentials.user('user:default/owner') },
    );
    expect(backend.callsOf('saveSettings')).toEqual([
      {
        method: 'saveSettings',
        args: [
          REF,
          {
            imageCacheSize: 40,
            retentionDays: 7,
            acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p',
          },
        ],
        user: 'user:default/owner',
      },
    ]);
    expect(ctx.outputs).toEqual({
      changed: true,
      acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p',
      source: 'settings',
      acrAnnotationValue: 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
  });

  it('does not write when the setting is already in place (idempotent)', async () => {
    const { run, backend } = setup({
      settings: { acrInstance: 'cri-f34lmbk2rxqx41u8' },
    });
    const ctx = await run({
      entityRef: REF,
      acrInstanceId: 'cri-f34lmbk2rxqx41u8',
    });
    expect(backend.callsOf('saveSettings')).toEqual([]);
    expect(ctx.outputs.changed).toBe(false);
  });

  it('removes the setting with null and keeps the others', async () => {
    const { run, backend } = setup({
      settings: { acrInstance: 'cri-f34lmbk2rxqx41u8', imageCacheSize: 40 },
    });
    const ctx = await run({ entityRef: REF, acrInstanceId: null });
    expect(backend.callsOf('saveSettings')[0].args[1]).toEqual({
      imageCacheSize: 40,
    });
    expect(ctx.outputs).toMatchObject({
      changed: true,
      acrInstance: '',
      source: 'default',
    });
  });

  it('predicts the result in a dry run without saving', async () => {
    const { run, backend } = setup();
    const ctx = await run(
      { entityRef: REF, acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p' },
      { isDryRun: true },
    );
    expect(backend.callsOf('saveSettings')).toEqual([]);
    expect(ctx.outputs).toEqual({
      changed: true,
      acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p',
      source: 'settings',
      acrAnnotationValue: 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
  });

  it('predicts in a dry run what the backend writes: the configured region of a region-less id elsewhere (common decideAcr)', async () => {
    const { run, backend } = setup();
    const ctx = await run(
      { entityRef: REF, acrInstanceId: 'cri-shanghai7k2m9x4p' },
      { isDryRun: true },
    );
    expect(backend.callsOf('saveSettings')).toEqual([]);
    const state = await backend.getEntityState(REF, {
      credentials: mockCredentials.user(),
    });
    const target = state.clusters.find(view => view.target)!;
    const common = decideAcr({
      cluster: target,
      instance: 'cri-shanghai7k2m9x4p',
      source: 'settings',
      images: state.config!.images.value,
      configured: ACR_INSTANCES.map(({ id, region, domains }) => ({
        id,
        region,
        domains,
      })),
    });
    expect(common.annotationValue).toMatch(/^cn-shanghai:cri-shanghai7k2m9x4p/);
    expect(ctx.outputs.acrAnnotationValue).toBe(common.annotationValue);
  });

  it('refuses a region contradicting the configured instance, naming the field, dry run or not', async () => {
    for (const isDryRun of [true, false]) {
      const { run, backend } = setup();
      await expect(
        run(
          { entityRef: REF, acrInstanceId: 'cn-beijing:cri-f34lmbk2rxqx41u8' },
          { isDryRun },
        ),
      ).rejects.toThrow(
        /`acrInstanceId`: "cn-beijing:cri-f34lmbk2rxqx41u8" names region cn-beijing, but the configured instance cri-f34lmbk2rxqx41u8 is in cn-hangzhou/,
      );
      expect(backend.callsOf('saveSettings')).toEqual([]);
    }
  });

  it('warns that a catalog annotation wins over the setting', async () => {
    const { run } = setup({
      acrInstance: 'cri-f34lmbk2rxqx41u8',
      acrFromAnnotation: true,
    });
    const ctx = await run({
      entityRef: REF,
      acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'sets alibabacloud.com/acr-instance-id to cri-f34lmbk2rxqx41u8 in the catalog',
      ),
    );
    expect(ctx.outputs).toMatchObject({
      acrInstance: 'cri-f34lmbk2rxqx41u8',
      source: 'annotation',
    });
  });

  it('refuses callers without eci.acr.update', async () => {
    const { run, backend } = setup({
      permissions: { create: true, delete: true, updateAcr: false },
    });
    await expect(
      run(
        { entityRef: REF, acrInstanceId: 'cri-f34lmbk2rxqx41u8' },
        { credentials: mockCredentials.user('user:default/guest') },
      ),
    ).rejects.toThrow(
      /user:default\/guest may not change the ACR settings of component:default\/etl-runner \(eci\.acr\.update\)/,
    );
    expect(backend.callsOf('saveSettings')).toEqual([]);
  });

  it.each<[string, JsonObject, RegExp]>([
    [
      'a bad instance id',
      { entityRef: REF, acrInstanceId: 'acr-123' },
      /`acrInstanceId`: "acr-123"/,
    ],
    [
      'a bad region',
      { entityRef: REF, acrInstanceId: 'Hangzhou:cri-abc' },
      /`acrInstanceId`: "Hangzhou:cri-abc"/,
    ],
    ['an empty id', { entityRef: REF, acrInstanceId: '' }, /`acrInstanceId`/],
    ['a missing id', { entityRef: REF }, /`acrInstanceId`: Required/],
    [
      'a malformed entity ref',
      { entityRef: 'x', acrInstanceId: 'cri-abc' },
      /`entityRef`: "x"/,
    ],
  ])(
    'rejects %s, naming the field, without saving',
    async (_, input, message) => {
      const { run, backend } = setup();
      await expect(run(input)).rejects.toThrow(message);
      expect(backend.callsOf('saveSettings')).toEqual([]);
    },
  );
});
