import { problemsOf } from '../__testUtils__/results';
import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import { validateImageCacheSize, validateRetentionDays } from './numbers';

describe('validateImageCacheSize', () => {
  it.each([
    ['20', 20],
    ['32768', 32768],
    ['100', 100],
    [20, 20],
    [32768, 32768],
  ])('accepts %p', (raw, expected) => {
    expect(validateImageCacheSize(raw)).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
  });

  it.each([
    ['10', 'minimum'],
    ['0', 'minimum'],
    ['19', 'minimum'],
    ['32769', 'maximum'],
    ['99999999999999999', 'maximum'],
    ['9'.repeat(10000), 'maximum'],
    ['20.0', 'integer'],
    ['7.5', 'integer'],
    ['2e1', 'integer'],
    ['+20', 'integer'],
    ['-20', 'integer'],
    [' 20', 'integer'],
    ['20 ', 'integer'],
    ['020', 'integer'],
    ['0x14', 'integer'],
    ['２０', 'integer'],
    ['20\n', 'integer'],
    ['', 'required'],
    [undefined, 'required'],
    [20.5, 'integer'],
    [Number.NaN, 'integer'],
    [Infinity, 'integer'],
    [true, 'type'],
    [[20], 'type'],
  ])('rejects %p (%s)', (raw, rule) => {
    const result = validateImageCacheSize(
      raw,
      'alibabacloud.com/eci-image-cache-size',
    );
    const problems = problemsOf(result);
    expect(problems).toHaveLength(1);
    expect(problems[0].rule).toBe(rule);
    expect(problems[0].field).toBe('alibabacloud.com/eci-image-cache-size');
    expect(problems[0].message).toMatch(
      /^`alibabacloud\.com\/eci-image-cache-size`(: | is required)/,
    );
  });

  it.each([
    [
      '10',
      '`alibabacloud.com/eci-image-cache-size`: "10" is below the minimum 20 GiB',
    ],
    [
      '32769',
      '`alibabacloud.com/eci-image-cache-size`: "32769" is above the maximum 32768 GiB',
    ],
    [
      10,
      '`alibabacloud.com/eci-image-cache-size`: 10 is below the minimum 20 GiB',
    ],
    [
      ' 20',
      '`alibabacloud.com/eci-image-cache-size`: " 20" is not a whole number written in plain decimal digits (no sign, spaces, exponent or leading zeros)',
    ],
    [
      20.5,
      '`alibabacloud.com/eci-image-cache-size`: 20.5 is not a whole number',
    ],
    [undefined, '`alibabacloud.com/eci-image-cache-size` is required'],
  ])('explains %p', (raw, message) => {
    const [problem] = problemsOf(
      validateImageCacheSize(raw, 'alibabacloud.com/eci-image-cache-size'),
    );
    expect(problem.message).toBe(message);
  });
});

describe('validateRetentionDays', () => {
  it.each([
    ['1', 1],
    ['7', 7],
    ['65536', 65536],
    [30, 30],
  ])('accepts %p', (raw, expected) => {
    expect(validateRetentionDays(raw)).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
  });

  it.each([
    ['0', 'minimum'],
    ['65537', 'maximum'],
    ['7.5', 'integer'],
    ['1e3', 'integer'],
    ['+7', 'integer'],
    [' 7', 'integer'],
    ['07', 'integer'],
    ['7d', 'integer'],
    [-1, 'minimum'],
    [7.5, 'integer'],
  ])('rejects %p (%s)', (raw, rule) => {
    const result = validateRetentionDays(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].rule).toBe(rule);
  });

  it('says "1 day" and "65536 days"', () => {
    const messages = ['0', '65537'].map(raw => {
      const result = validateRetentionDays(raw);
      return !result.ok && result.problems[0].message;
    });
    expect(messages).toEqual([
      expect.stringMatching(/is below the minimum 1 day$/),
      expect.stringMatching(/is above the maximum 65536 days$/),
    ]);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateRetentionDays(raw).ok).toBe(false);
    expect(validateImageCacheSize(raw).ok).toBe(false);
  });
});
