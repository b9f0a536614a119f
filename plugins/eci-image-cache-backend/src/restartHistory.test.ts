import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from './__testUtils__/FakeCatalog';
import { startTestEciBackend, waitFor } from './__testUtils__/startTestEciBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('history across a backend restart', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('records once what happened while no backend was watching: the creation and the Ready state', async () => {
    const knex = await databases.init('SQLITE_3');
    const start = () =>
      startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [
          component('web', {
            'alibabacloud.com/eci-images': 'nginx:1.25.3',
            'alibabacloud.com/eci-image-cache': 'manual',
          }),
        ],
        features: [mockServices.database.factory({ knex })],
      });
    const entries = async () =>
      (await knex('eci_cache_history').select('action').orderBy('id')).map(row => row.action);

    const first = await start();
    await first.waitForSync();
    await first.reconcile();
    await waitFor(async () => (await entries()).includes('created'), 'the created entry');
    await first.backend.stop();
    // The backend died between creating the cache and recording it, then ECI finished it.
    await knex('eci_cache_history').delete();
    emulator.advance(10 * 60_000);

    const second = await start();
    await second.waitForSync();
    await waitFor(async () => (await entries()).length === 2, 'the backfilled entries');
    await second.reconcile();
    await second.backend.stop();
    const third = await start();
    await third.waitForSync();
    await third.reconcile();

    expect((await entries()).sort()).toEqual(['created', 'ready']);
    const state = await third.get('/entities/component/default/web');
    expect(state.body.history.map((h: { action: string }) => h.action).sort()).toEqual(['created', 'ready']);
  });
});
