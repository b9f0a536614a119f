import { previewAcrInput } from './acrPreview';

const configured = [
  {
    id: 'cri-shanghai7k2m9x4p',
    region: 'cn-shanghai',
    name: null,
    domains: [],
  },
];

describe('previewAcrInput', () => {
  it('omits the region of an instance in the cluster region', () => {
    expect(
      previewAcrInput('cn-hangzhou:cri-abc123', 'cn-hangzhou', []),
    ).toEqual({
      errors: [],
      annotationValue: 'cri-abc123',
      explanation:
        "The instance is in the cluster's region cn-hangzhou, so the region is omitted.",
    });
  });

  it('keeps the region of an instance in another region', () => {
    expect(
      previewAcrInput(
        'cn-shanghai:cri-shanghai7k2m9x4p',
        'cn-hangzhou',
        configured,
      ).annotationValue,
    ).toBe('cn-shanghai:cri-shanghai7k2m9x4p');
  });

  it('warns when a configured instance lives elsewhere than written', () => {
    expect(
      previewAcrInput('cri-shanghai7k2m9x4p', 'cn-hangzhou', configured)
        .regionMismatch,
    ).toBe(
      'The configured instance cri-shanghai7k2m9x4p is in cn-shanghai; write "cn-shanghai:cri-shanghai7k2m9x4p".',
    );
  });

  it('returns the common rule text for invalid input', () => {
    expect(
      previewAcrInput('hangzhou/cri-1', 'cn-hangzhou', []).errors[0],
    ).toMatch(/is not "\[RegionID:\]InstanceID"/);
  });

  it('accepts an empty field (no instance)', () => {
    expect(previewAcrInput('  ', 'cn-hangzhou', [])).toEqual({ errors: [] });
  });
});
