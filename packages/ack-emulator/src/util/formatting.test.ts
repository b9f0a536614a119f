import { goDuration } from './goDuration';
import { humanDuration } from './humanDuration';
import { evaluateJsonPath } from './jsonPath';
import { parseByteSize } from './byteSize';

describe('formatting helpers', () => {
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [216_000, '3m36s'],
    [600_000, '10m'],
    [4 * 3_600_000 + 60_000, '4h1m'],
    [20 * 3_600_000, '20h'],
    [3 * 86_400_000 + 3_600_000, '3d1h'],
    [30 * 86_400_000, '30d'],
  ])('humanDuration(%i) = %s like kubectl', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('formats pull durations like Go', () => {
    expect(goDuration(260)).toBe('260ms');
    expect(goDuration(12_850)).toBe('12.85s');
    expect(goDuration(101_200)).toBe('1m41.2s');
  });

  it('evaluates printer-column JSONPaths', () => {
    const object = {
      status: {
        phase: 'Ready',
        conditions: [
          { type: 'A', status: 'False' },
          { type: 'Ready', status: 'True' },
        ],
      },
      spec: { items: [1, 2] },
    };
    expect(evaluateJsonPath(object, '.status.phase')).toEqual(['Ready']);
    expect(evaluateJsonPath(object, '.spec.items[1]')).toEqual([2]);
    expect(
      evaluateJsonPath(object, '.status.conditions[?(@.type=="Ready")].status'),
    ).toEqual(['True']);
    expect(evaluateJsonPath(object, '.status.missing')).toEqual([]);
  });

  it('parses image sizes', () => {
    expect(parseByteSize('247Mi')).toBe(247 * 1024 ** 2);
    expect(parseByteSize('7.6Gi')).toBe(Math.round(7.6 * 1024 ** 3));
    expect(parseByteSize(1000)).toBe(1000);
    expect(() => parseByteSize('big')).toThrow('invalid byte size');
  });
});
