import { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { FakeEciImageCache } from '../__testUtils__/fakeEciImageCache';
import { createConfigureAcrAction } from './configureAcr/createConfigureAcrAction';
import { createEnsureImageCacheAction } from './ensureImageCache/createEnsureImageCacheAction';

function recordingAuditor() {
  const events: Array<{
    eventId: string;
    meta?: unknown;
    outcome?: string;
    error?: string;
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async (options: AuditorServiceCreateEventOptions) => {
      const event: (typeof events)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async ({ error }: { error: Error }) => {
          event.outcome = 'fail';
          event.error = error.name;
        },
      };
    },
  });
  return { auditor, events };
}

describe('audit events of the mutating actions', () => {
  const entity = {
    entityRef: 'component:default/web',
    images: ['nginx:1.25.3'],
    cacheMode: 'manual' as const,
  };

  it('records refusals of a caller without permission, and successes', async () => {
    const backend = new FakeEciImageCache([
      {
        ...entity,
        permissions: { create: false, delete: false, updateAcr: false },
      },
    ]);
    const { auditor, events } = recordingAuditor();
    const ensure = createEnsureImageCacheAction({
      eciImageCache: backend,
      auditor,
    });
    const configure = createConfigureAcrAction({
      eciImageCache: backend,
      auditor,
    });
    const credentials = mockCredentials.user('user:default/guest');
    await expect(
      ensure.handler(
        createMockActionContext({
          input: { entityRef: entity.entityRef },
          credentials,
        }),
      ),
    ).rejects.toThrow(/may not create image caches/);
    await expect(
      configure.handler(
        createMockActionContext({
          input: { entityRef: entity.entityRef, acrInstanceId: 'cri-abc' },
          credentials,
        }),
      ),
    ).rejects.toThrow(/may not change the ACR settings/);

    backend.entities.get(entity.entityRef)!.permissions = {
      create: true,
      delete: true,
      updateAcr: true,
    };
    await ensure.handler(
      createMockActionContext({
        input: { entityRef: entity.entityRef },
        credentials,
      }),
    );

    expect(events).toEqual([
      {
        eventId: 'imagecache-ensure',
        meta: {
          taskId: 'task-1',
          stepId: 'step-1',
          dryRun: false,
          initiator: 'user:default/guest',
          entityRef: 'component:default/web',
        },
        outcome: 'fail',
        error: 'NotAllowedError',
      },
      expect.objectContaining({
        eventId: 'acr-configure',
        outcome: 'fail',
        error: 'NotAllowedError',
      }),
      expect.objectContaining({
        eventId: 'imagecache-ensure',
        outcome: 'success',
      }),
    ]);
  });

  it('records bad input too', async () => {
    const { auditor, events } = recordingAuditor();
    const ensure = createEnsureImageCacheAction({
      eciImageCache: new FakeEciImageCache([]),
      auditor,
    });
    await expect(
      ensure.handler(
        createMockActionContext({ input: { entityRef: 'not a ref' } }),
      ),
    ).rejects.toThrow(/entityRef/);
    expect(events.map(e => [e.eventId, e.outcome, e.error])).toEqual([
      ['imagecache-ensure', 'fail', 'InputError'],
    ]);
  });
});
