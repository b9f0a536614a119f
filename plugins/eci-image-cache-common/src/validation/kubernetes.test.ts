import { problemsOf } from '../__testUtils__/results';
import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import {
  toDnsLabel,
  validateDnsLabel,
  validateDnsSubdomain,
  validateImageCacheName,
  validateLabels,
  validateLabelValue,
  validateNamespace,
  validateQualifiedName,
} from './kubernetes';

const rule = (result: { ok: boolean; problems?: { rule: string }[] }) =>
  result.ok ? 'ok' : result.problems![0].rule;

describe('validateDnsLabel / validateNamespace', () => {
  it.each([
    ['argo', 'ok'],
    ['a', 'ok'],
    ['team-1', 'ok'],
    ['1team', 'ok'],
    ['a'.repeat(63), 'ok'],
    ['a'.repeat(64), 'max-length'],
    ['Argo', 'dns1123-label'],
    ['-argo', 'dns1123-label'],
    ['argo-', 'dns1123-label'],
    ['ar_go', 'dns1123-label'],
    ['ar.go', 'dns1123-label'],
    ['', 'required'],
    [undefined, 'required'],
    [5, 'type'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateDnsLabel(raw, 'namespace'))).toBe(expected);
    expect(rule(validateNamespace(raw))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateNamespace(raw).ok).toBe(false);
    expect(validateDnsSubdomain(raw, 'name').ok).toBe(false);
    expect(validateImageCacheName(raw).ok).toBe(false);
  });

  it('honours a smaller maximum length', () => {
    expect(rule(validateDnsLabel('a'.repeat(53), 'f', 52))).toBe('max-length');
  });
});

describe('validateDnsSubdomain / validateImageCacheName', () => {
  it.each([
    ['imagecache-helloworld', 'ok'],
    ['a.b.c', 'ok'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}`, 'ok'],
    ['x'.repeat(253), 'ok'],
    ['x'.repeat(254), 'max-length'],
    ['a..b', 'dns1123-subdomain'],
    ['.a', 'dns1123-subdomain'],
    ['a.', 'dns1123-subdomain'],
    ['A.b', 'dns1123-subdomain'],
    ['a_b', 'dns1123-subdomain'],
    ['a/b', 'dns1123-subdomain'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateDnsSubdomain(raw, 'name'))).toBe(expected);
    expect(rule(validateImageCacheName(raw))).toBe(expected);
  });
});

describe('validateLabelValue', () => {
  it.each([
    ['', 'ok'],
    ['backstage-eci-image-cache', 'ok'],
    ['A_b.c-9', 'ok'],
    ['x'.repeat(63), 'ok'],
    ['x'.repeat(64), 'max-length'],
    ['-a', 'label-value'],
    ['a-', 'label-value'],
    ['a b', 'label-value'],
    ['a/b', 'label-value'],
    ['a:b', 'label-value'],
    [7, 'type'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateLabelValue(raw, 'label'))).toBe(expected);
  });

  it.each(HOSTILE_VALUES.filter(([, raw]) => raw !== ''))(
    'rejects hostile value: %s',
    (_, raw) => {
      expect(validateLabelValue(raw, 'label').ok).toBe(false);
    },
  );
});

describe('validateQualifiedName', () => {
  it.each([
    ['app.kubernetes.io/managed-by', 'ok'],
    ['backstage.io/kubernetes-id', 'ok'],
    ['simple', 'ok'],
    ['Simple_Name.1', 'ok'],
    ['a/b/c', 'qualified-name'],
    ['/name', 'qualified-name'],
    ['prefix/', 'qualified-name'],
    ['Upper.Case/name', 'qualified-name'],
    [`p/${'n'.repeat(64)}`, 'qualified-name'],
    ['', 'required'],
  ])('%p → %s', (raw, expected) => {
    expect(rule(validateQualifiedName(raw, 'key'))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateQualifiedName(raw, 'key').ok).toBe(false);
  });
});

describe('validateLabels', () => {
  it('accepts valid labels and undefined', () => {
    expect(
      validateLabels({ 'backstage.io/kubernetes-id': 'checkout' }),
    ).toEqual({
      ok: true,
      value: { 'backstage.io/kubernetes-id': 'checkout' },
      warnings: [],
    });
    expect(validateLabels(undefined)).toEqual({
      ok: true,
      value: {},
      warnings: [],
    });
  });

  it('reports bad keys and values, quoting the key safely in the field', () => {
    const problems = problemsOf(
      validateLabels({ 'bad key\n': 'x', good: 'bad value' }),
    );
    expect(problems.map(p => [p.field, p.rule])).toEqual([
      ['labels key', 'qualified-name'],
      ['labels["good"]', 'label-value'],
    ]);
    expect(problems[0].value).toBe('"bad key\\n"');
  });

  it('rejects non-maps', () => {
    expect(rule(validateLabels('a=b'))).toBe('type');
    expect(rule(validateLabels(['a']))).toBe('type');
  });
});

describe('toDnsLabel', () => {
  it.each([
    ['Checkout_Service.v2', 63, 'checkout-service-v2'],
    ['--a--b--', 63, 'a-b'],
    ['ÄÖÜ', 63, 'x'],
    ['abc-def', 4, 'abc'],
    ['a'.repeat(100), 52, 'a'.repeat(52)],
  ])('%p (max %p) → %p', (input, max, expected) => {
    expect(toDnsLabel(input, max)).toBe(expected);
    expect(validateDnsLabel(toDnsLabel(input, max), 'x').ok).toBe(true);
  });
});
