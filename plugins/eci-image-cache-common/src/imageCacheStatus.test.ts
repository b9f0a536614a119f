import {
  daysUntilExpiry,
  imageCacheMatchesImages,
  parseProgressPercent,
} from './imageCacheStatus';
import { IMAGE_CACHE_PHASES } from './imageCacheTypes';

describe('parseProgressPercent', () => {
  it.each([
    ['100%', 100],
    ['0%', 0],
    ['45%', 45],
    ['12.5%', 12.5],
    [' 80% ', 80],
    ['80', 80],
    ['101%', undefined],
    ['-1%', undefined],
    ['1e2%', undefined],
    ['%', undefined],
    ['', undefined],
    ['abc', undefined],
    [undefined, undefined],
    [50, undefined],
  ])('%p → %p', (raw, expected) => {
    expect(parseProgressPercent(raw)).toBe(expected);
  });
});

describe('daysUntilExpiry', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  it.each([
    ['2026-01-17T12:00:00Z', 7],
    ['2026-01-17T11:59:59Z', 6],
    ['2026-01-10T12:00:01Z', 0],
    ['2026-01-10T11:59:59Z', -1],
    ['2026-01-01T12:00:00Z', -9],
    ['not a date', undefined],
    [undefined, undefined],
  ])('%p → %p', (expires, expected) => {
    expect(daysUntilExpiry(expires, now)).toBe(expected);
  });

  it('returns undefined for an invalid now', () => {
    expect(
      daysUntilExpiry('2026-01-17T12:00:00Z', new Date('x')),
    ).toBeUndefined();
  });
});

describe('imageCacheMatchesImages', () => {
  it('compares normalised, exact name:tag sets', () => {
    const cache = { spec: { images: ['nginx', 'redis:7'] } };
    expect(
      imageCacheMatchesImages(cache, [
        'redis:7',
        'docker.io/library/nginx:latest',
      ]),
    ).toBe(true);
    expect(imageCacheMatchesImages(cache, ['redis:7'])).toBe(false);
    expect(imageCacheMatchesImages(cache, ['redis:7.0', 'nginx'])).toBe(false);
  });
});

describe('phases', () => {
  it('knows the documented phases', () => {
    expect(IMAGE_CACHE_PHASES).toEqual([
      'Preparing',
      'Creating',
      'Ready',
      'Failed',
      'Updating',
      'UpdateFailed',
    ]);
  });
});
