import { AlertedCache, cacheAlert, CacheAlertInput } from './cacheAlert';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function cache(overrides: Partial<AlertedCache> = {}): AlertedCache {
  return {
    name: 'web-rev0',
    phase: 'Ready',
    expireDateTime: new Date(NOW.getTime() + 3 * DAY).toISOString(),
    deleting: false,
    creationTimestamp: '2026-05-04T12:00:00Z',
    ...overrides,
  };
}

function alert(overrides: Partial<CacheAlertInput> = {}) {
  return cacheAlert({
    cache: cache(),
    siblings: [],
    expiryWarningDays: 7,
    now: NOW,
    ...overrides,
  });
}

describe('cacheAlert', () => {
  it('alerts on a Failed cache, whatever its expiry', () => {
    expect(alert({ cache: cache({ phase: 'Failed' }) })).toEqual({
      kind: 'failed',
    });
    expect(
      alert({ cache: cache({ phase: 'Failed', expireDateTime: null }) }),
    ).toEqual({ kind: 'failed' });
  });

  it('says nothing about caches being deleted, still building or UpdateFailed (ECI keeps serving the old snapshot)', () => {
    expect(alert({ cache: cache({ phase: 'Failed', deleting: true }) })).toBe(
      undefined,
    );
    for (const phase of ['Preparing', 'Creating', 'Updating', 'UpdateFailed']) {
      expect(alert({ cache: cache({ phase }) })).toBe(undefined);
    }
  });

  it('alerts on a Ready cache expiring within the window, with the whole days left', () => {
    expect(alert()).toEqual({
      kind: 'expiring',
      daysLeft: 3,
      expireDateTime: cache().expireDateTime,
    });
    const edge = new Date(NOW.getTime() + 7 * DAY).toISOString();
    expect(alert({ cache: cache({ expireDateTime: edge }) })).toMatchObject({
      kind: 'expiring',
      daysLeft: 7,
    });
  });

  it('says nothing beyond the window, after expiry, without an expiry, or with warnings off', () => {
    const later = new Date(NOW.getTime() + 7 * DAY + 1).toISOString();
    expect(alert({ cache: cache({ expireDateTime: later }) })).toBe(undefined);
    expect(alert({ cache: cache({ expireDateTime: NOW.toISOString() }) })).toBe(
      undefined,
    );
    expect(alert({ cache: cache({ expireDateTime: null }) })).toBe(undefined);
    expect(alert({ cache: cache({ expireDateTime: 'soon' }) })).toBe(undefined);
    expect(alert({ expiryWarningDays: 0 })).toBe(undefined);
  });

  it('says nothing when a newer cache that has not failed will take over', () => {
    const newer = cache({
      name: 'web-rev1',
      phase: 'Creating',
      creationTimestamp: '2026-05-31T12:00:00Z',
    });
    expect(alert({ siblings: [newer] })).toBe(undefined);
    // A failed, deleting or older sibling is no refresh.
    expect(alert({ siblings: [{ ...newer, phase: 'Failed' }] })).toMatchObject({
      kind: 'expiring',
    });
    expect(alert({ siblings: [{ ...newer, deleting: true }] })).toMatchObject({
      kind: 'expiring',
    });
    expect(
      alert({
        siblings: [{ ...newer, creationTimestamp: '2026-05-01T00:00:00Z' }],
      }),
    ).toMatchObject({ kind: 'expiring' });
  });

  it('says nothing when a refresh of another cache was requested after this one was created', () => {
    expect(
      alert({
        requested: {
          cacheName: 'web-rev1',
          requestedAt: '2026-06-01T11:00:00Z',
        },
      }),
    ).toBe(undefined);
    // The request that built this cache, or an older one, plans nothing.
    expect(
      alert({
        requested: {
          cacheName: 'web-rev0',
          requestedAt: '2026-06-01T11:00:00Z',
        },
      }),
    ).toMatchObject({ kind: 'expiring' });
    expect(
      alert({
        requested: {
          cacheName: 'web-rev1',
          requestedAt: '2026-05-01T00:00:00Z',
        },
      }),
    ).toMatchObject({ kind: 'expiring' });
  });
});
