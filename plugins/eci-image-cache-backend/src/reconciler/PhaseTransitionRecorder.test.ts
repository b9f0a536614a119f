import { buildImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { observeImageCache } from '../cluster/ObservedImageCache';
import { firstSightingEntries, transitionEntry } from './PhaseTransitionRecorder';

const NOW = new Date('2026-01-10T00:00:00Z');
const built = buildImageCache({ entityRef: 'component:default/web', images: ['nginx:1.25.3'] });

function observed(status: Record<string, unknown> | undefined, managed = true) {
  const metadata = managed ? { ...built.metadata, uid: 'u1' } : { name: 'foreign', uid: 'u2' };
  return observeImageCache('hz', { ...built, metadata, status } as any);
}

describe('transitionEntry', () => {
  it('records Ready and Failed transitions of managed caches with a dedupe key', () => {
    expect(
      transitionEntry(observed({ phase: 'Creating' }), observed({ phase: 'Ready', imageCacheId: 'imc-1' }), NOW),
    ).toMatchObject({
      entityRef: 'component:default/web',
      action: 'ready',
      imageCacheId: 'imc-1',
      message: 'Ready as imc-1',
      dedupeKey: 'hz/u1/ready',
    });
    expect(
      transitionEntry(
        observed({ phase: 'Creating' }),
        observed({ phase: 'Failed', events: [{ type: 'Warning', reason: 'ImagePullFailed', message: 'not found' }] }),
        NOW,
      ),
    ).toMatchObject({ action: 'failed', message: 'Failed: ImagePullFailed: not found' });
  });

  it('tells an expiry from another deletion', () => {
    expect(
      transitionEntry(observed({ phase: 'Ready', expireDateTime: '2026-01-09T00:00:00Z' }), undefined, NOW),
    ).toMatchObject({ action: 'expired', dedupeKey: 'hz/u1/deleted' });
    expect(
      transitionEntry(observed({ phase: 'Ready', expireDateTime: '2026-02-09T00:00:00Z' }), undefined, NOW),
    ).toMatchObject({ action: 'deleted' });
  });

  it('ignores first sightings, unchanged phases and unmanaged caches', () => {
    expect(transitionEntry(undefined, observed({ phase: 'Ready' }), NOW)).toBeUndefined();
    expect(transitionEntry(observed({ phase: 'Ready' }), observed({ phase: 'Ready' }), NOW)).toBeUndefined();
    expect(
      transitionEntry(observed({ phase: 'Creating' }, false), observed({ phase: 'Ready' }, false), NOW),
    ).toBeUndefined();
  });
});

describe('firstSightingEntries', () => {
  it('backfills the creation and the Ready state of a managed cache seen for the first time', () => {
    const entries = firstSightingEntries(
      observed({ phase: 'Ready', imageCacheId: 'imc-1', lastUpdatedTime: '2026-01-09T00:00:00Z' }),
      NOW,
    );
    expect(entries).toEqual([
      expect.objectContaining({ action: 'created', dedupeKey: 'hz/u1/created', entityRef: 'component:default/web' }),
      expect.objectContaining({
        action: 'ready',
        dedupeKey: 'hz/u1/ready',
        imageCacheId: 'imc-1',
        occurredAt: new Date('2026-01-09T00:00:00Z'),
      }),
    ]);
  });

  it('backfills a failure, never dates an entry in the future, and ignores caches that are not ours', () => {
    expect(
      firstSightingEntries(observed({ phase: 'Failed', lastUpdatedTime: '2030-01-01T00:00:00Z' }), NOW).map(
        entry => [entry.action, entry.occurredAt],
      ),
    ).toEqual([
      ['created', NOW],
      ['failed', NOW],
    ]);
    expect(firstSightingEntries(observed({ phase: 'Preparing' }), NOW).map(e => e.action)).toEqual(['created']);
    expect(firstSightingEntries(observed({ phase: 'Ready' }, false), NOW)).toEqual([]);
  });
});
