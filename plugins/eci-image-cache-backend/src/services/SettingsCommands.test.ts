import { normalizeSettings, permissionsForChange } from './SettingsCommands';

describe('settings', () => {
  it('normalises valid settings with common validators', () => {
    expect(
      normalizeSettings({
        acrInstance: 'cn-shanghai:cri-abc1',
        cacheMode: 'manual',
        imageCacheSize: 40,
        retentionDays: 7,
        imagePullSecrets: ['default:pull'],
      }),
    ).toEqual({
      acrInstance: 'cn-shanghai:cri-abc1',
      cacheMode: 'manual',
      imageCacheSize: 40,
      retentionDays: 7,
      imagePullSecrets: ['default:pull'],
    });
  });

  it('needs eci.acr.update for the ACR instance and eci.imagecache.create for cache settings', () => {
    const names = (before: object, after: object) =>
      permissionsForChange(before, after).map(p => p.name);
    expect(names({}, { acrInstance: 'cri-a' })).toEqual(['eci.acr.update']);
    expect(
      names(
        { acrInstance: 'cri-a' },
        { acrInstance: 'cri-a', retentionDays: 3 },
      ),
    ).toEqual(['eci.imagecache.create']);
    expect(names({ cacheMode: 'manual' }, { acrInstance: 'cri-a' })).toEqual([
      'eci.acr.update',
      'eci.imagecache.create',
    ]);
    expect(names({}, {})).toEqual(['eci.imagecache.create']);
  });
});
