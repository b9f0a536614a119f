import {
  entityState,
  PYTHON_IMAGE,
  TRAINER_IMAGE,
} from '../__testUtils__/fixtures';
import { checkCacheForm, initialCacheForm } from './cacheForm';

const config = entityState().config!;

describe('cache form', () => {
  it('is prefilled from the effective configuration and sends no overrides unchanged', () => {
    const values = initialCacheForm(config, 'ack-hangzhou');
    expect(values).toEqual({
      cluster: 'ack-hangzhou',
      images: `${TRAINER_IMAGE}\n${PYTHON_IMAGE}`,
      imageCacheSize: '40',
      retentionDays: '7',
      imagePullSecrets: '',
      enableReuse: true,
    });
    expect(checkCacheForm(values, config)).toEqual({
      errors: {},
      warnings: [],
      request: {},
    });
  });

  it('sends only the changed fields', () => {
    const values = {
      ...initialCacheForm(config, 'ack-hangzhou'),
      imageCacheSize: '60',
      imagePullSecrets: 'default:secret1, argo:regcred',
      enableReuse: false,
    };
    expect(checkCacheForm(values, config).request).toEqual({
      imageCacheSize: 60,
      imagePullSecrets: ['default:secret1', 'argo:regcred'],
      enableReuse: false,
    });
  });

  it('reports the common package rules per field and sends nothing', () => {
    const values = {
      ...initialCacheForm(config, 'ack-hangzhou'),
      imageCacheSize: '10',
      retentionDays: '0',
      imagePullSecrets: 'secret1',
      images: '',
    };
    const checked = checkCacheForm(values, config);
    expect(checked.request).toBeUndefined();
    expect(checked.errors.imageCacheSize).toEqual([
      '`Size`: "10" is below the minimum 20 GiB',
    ]);
    expect(checked.errors.retentionDays?.[0]).toMatch(
      /below the minimum 1 day/,
    );
    expect(checked.errors.imagePullSecrets?.[0]).toMatch(/namespace:name/);
    expect(checked.errors.images?.[0]).toMatch(/at least 1 image/);
  });

  it('passes floating-tag warnings on', () => {
    const values = {
      ...initialCacheForm(config, 'ack-hangzhou'),
      images: 'docker/whalesay',
    };
    const checked = checkCacheForm(values, config);
    expect(checked.request).toEqual({ images: ['docker/whalesay'] });
    expect(checked.warnings[0].rule).toBe('floating-tag');
  });
});
