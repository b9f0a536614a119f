import { CatalogChangeFeed } from './CatalogChangeFeed';
import { CatalogEntities } from './CatalogEntities';

function feedOver(listing: { current: Record<string, string> }) {
  const entities = {
    listEtagsWithImages: async () => new Map(Object.entries(listing.current)),
  } as unknown as CatalogEntities;
  return new CatalogChangeFeed(entities);
}

describe('CatalogChangeFeed', () => {
  it('takes a baseline, then reports added, changed and gone entities once', async () => {
    const listing = { current: { a: '1', b: '1', c: '1' } as Record<string, string> };
    const feed = feedOver(listing);
    expect(await feed.changes()).toEqual([]);

    listing.current = { a: '1', b: '2', d: '1' };
    expect((await feed.changes()).sort()).toEqual(['b', 'c', 'd']);
    expect(await feed.changes()).toEqual([]);
  });

  it('returns requeued entities on the next look', async () => {
    const listing = { current: { a: '1' } as Record<string, string> };
    const feed = feedOver(listing);
    await feed.changes();
    listing.current = { a: '2' };
    feed.requeue(await feed.changes());
    expect(await feed.changes()).toEqual(['a']);
    expect(await feed.changes()).toEqual([]);
  });
});
