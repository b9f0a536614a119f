import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from '../__testUtils__/FakeCatalog';
import { configuredDatabaseIds } from '../__testUtils__/databaseIds';
import {
  startTestEciBackend,
  waitFor,
} from '../__testUtils__/startTestEciBackend';
import { readNotificationConfig } from './notificationConfig';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const IMAGES = 'alibabacloud.com/eci-images';
const MODE = 'alibabacloud.com/eci-image-cache';
const RETENTION = 'alibabacloud.com/eci-image-cache-retention-days';
const TEAM = 'group:default/platform-team';

type Replica = Awaited<ReturnType<typeof startTestEciBackend>>;

const broken = component('broken', {
  [IMAGES]: 'docker.io/library/doesnotexist:9.9',
  [MODE]: 'manual',
});

async function phaseOf(t: Replica, name: string): Promise<string[]> {
  const res = await t.get(`/entities/component/default/${name}`);
  return res.body.clusters[0].caches.map((c: { phase: string }) => c.phase);
}

/** Lets in-flight watch-triggered sends finish (they are claimed before they are sent). */
const settle = () => new Promise(resolve => setTimeout(resolve, 300));

describe.each(configuredDatabaseIds())(
  'owner notifications on %s',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });
    let emulator: RunningEmulator;

    beforeEach(async () => {
      emulator = await startEmulator({
        port: 0,
        manualClock: true,
        startTime: Date.now(),
      });
    });

    afterEach(async () => {
      await emulator.stop();
    });

    async function replicas(
      count: number,
      entities = [broken],
      extraConfig = {},
    ) {
      const knex = await databases.init(databaseId);
      const started: Replica[] = [];
      for (let i = 0; i < count; i++) {
        started.push(
          await startTestEciBackend({
            clusters: [{ name: 'hangzhou', emulator }],
            entities,
            extraConfig,
            features: [mockServices.database.factory({ knex })],
          }),
        );
      }
      for (const replica of started) await replica.waitForSync();
      return { knex, started };
    }

    it('tells the owner group once when a managed cache goes Failed: two replicas, then a restart', async () => {
      const { knex, started } = await replicas(2);
      await started[0].reconcile();
      emulator.advance(10 * MINUTE);
      for (const replica of started) {
        await waitFor(
          async () => (await phaseOf(replica, 'broken')).includes('Failed'),
          'both replicas to see the failure',
        );
      }
      const sent = () => started.flatMap(r => r.notifications.sent);
      await waitFor(() => sent().length === 1, 'the notification');
      await Promise.all(started.map(r => r.checkNotifications()));
      await settle();
      expect(sent()).toHaveLength(1);
      const [notification] = sent();
      expect(notification.recipients).toEqual({
        type: 'entity',
        entityRef: TEAM,
      });
      expect(notification.payload).toMatchObject({
        title: 'Image cache of broken failed on hangzhou',
        severity: 'high',
        topic: 'eci-image-cache',
        link: '/catalog/default/component/broken/image-cache',
      });
      expect(notification.payload.description).toMatch(
        /^ECI could not build broken-\S+ on cluster hangzhou \(.*doesnotexist/,
      );
      expect(notification.payload.scope).toMatch(
        /^eci-image-cache:failed:hangzhou\/broken-/,
      );

      for (const replica of started) await replica.backend.stop();
      const restarted = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [broken],
        features: [mockServices.database.factory({ knex })],
      });
      await restarted.waitForSync();
      await restarted.checkNotifications();
      await settle();
      expect(restarted.notifications.sent).toEqual([]);
      await restarted.backend.stop();
    });

    it('sends a notification the notifications backend refused on the next check', async () => {
      const { started } = await replicas(1);
      const [t] = started;
      t.notifications.failing = true;
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      await waitFor(
        async () => (await phaseOf(t, 'broken')).includes('Failed'),
        'the failure',
      );
      await t.checkNotifications().catch(() => {});
      await settle();
      expect(t.notifications.sent).toEqual([]);

      t.notifications.failing = false;
      await t.checkNotifications();
      expect(t.notifications.sent).toHaveLength(1);
      await t.checkNotifications();
      expect(t.notifications.sent).toHaveLength(1);
      await t.backend.stop();
    });

    it('warns about a Ready cache expiring within the window only when no refresh is planned', async () => {
      const soon = (name: string, days: string) =>
        component(name, {
          [IMAGES]: 'busybox:1.36',
          [MODE]: 'manual',
          [RETENTION]: days,
        });
      const { started } = await replicas(
        1,
        [soon('short', '3'), soon('planned', '3'), soon('long', '30')],
        { notifications: { expiryWarningDays: 7 } },
      );
      const [t] = started;
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      for (const name of ['short', 'planned', 'long']) {
        await waitFor(
          async () => (await phaseOf(t, name)).includes('Ready'),
          `${name} to be Ready`,
        );
      }
      // A refresh of "planned" is requested: its owners need no warning.
      const refresh = await t.post(
        '/entities/component/default/planned/caches',
        {
          imageCacheSize: 30,
        },
      );
      expect(refresh.body.outcome).toBe('refreshed');

      await t.checkNotifications();
      await t.checkNotifications();
      expect(t.notifications.sent.map(n => n.payload.title)).toEqual([
        'Image cache of short expires in 2 day(s)',
      ]);
      expect(t.notifications.sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: TEAM },
        payload: {
          severity: 'normal',
          link: '/catalog/default/component/short/image-cache',
        },
      });
      expect(t.notifications.sent[0].payload.description).toMatch(
        /no refresh is planned/,
      );
      await t.backend.stop();
    });
  },
);

describe('notification config', () => {
  it('defaults to on, 7 days, every 15 minutes', () => {
    expect(readNotificationConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      expiryWarningDays: 7,
      checkIntervalMs: 15 * MINUTE,
    });
  });

  it('names the key of a bad value', () => {
    expect(() =>
      readNotificationConfig(
        new ConfigReader({
          eciImageCache: { notifications: { expiryWarningDays: 1.5 } },
        }),
      ),
    ).toThrow(
      'Invalid configuration at eciImageCache.notifications.expiryWarningDays: must be an integer from 0 to 365, got 1.5',
    );
  });
});
