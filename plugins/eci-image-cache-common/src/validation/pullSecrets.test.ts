import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import {
  formatPullSecret,
  validatePullSecret,
  validatePullSecretList,
} from './pullSecrets';

const rule = (result: { ok: boolean; problems?: { rule: string }[] }) =>
  result.ok ? 'ok' : result.problems![0].rule;

describe('validatePullSecret', () => {
  it.each([
    ['default:secret1', { namespace: 'default', name: 'secret1' }],
    [
      'kube-system:acr.pull-secret',
      { namespace: 'kube-system', name: 'acr.pull-secret' },
    ],
    [
      `${'n'.repeat(63)}:${'s'.repeat(253)}`,
      { namespace: 'n'.repeat(63), name: 's'.repeat(253) },
    ],
  ])('accepts %p', (raw, expected) => {
    expect(validatePullSecret(raw)).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
    expect(formatPullSecret(expected)).toBe(raw);
  });

  it.each([
    ['secret1', 'pull-secret'],
    ['default:', 'pull-secret'],
    [':secret1', 'pull-secret'],
    ['a:b:c', 'pull-secret'],
    ['Default:secret1', 'pull-secret'],
    ['my.ns:secret1', 'pull-secret'],
    ['default:Secret', 'pull-secret'],
    ['default:secret_1', 'pull-secret'],
    [`${'n'.repeat(64)}:s`, 'pull-secret'],
    ['default: secret1', 'pull-secret'],
    ['', 'required'],
  ])('rejects %p (%s)', (raw, expected) => {
    expect(rule(validatePullSecret(raw))).toBe(expected);
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validatePullSecret(raw).ok).toBe(false);
    expect(validatePullSecret(`default:${raw}`).ok).toBe(false);
    expect(validatePullSecret(`${raw}:secret1`).ok).toBe(false);
  });
});

describe('validatePullSecretList', () => {
  it('splits a comma-separated annotation and trims spaces around entries', () => {
    expect(validatePullSecretList('default:a, kube-system:b')).toEqual({
      ok: true,
      value: [
        { namespace: 'default', name: 'a' },
        { namespace: 'kube-system', name: 'b' },
      ],
      warnings: [],
    });
  });

  it.each([
    ['default:a,,default:b', 'empty-entry'],
    ['default:a,', 'empty-entry'],
    ['default:a,default:a', 'duplicate'],
    [
      Array.from({ length: 21 }, (_, i) => `default:s${i}`).join(','),
      'max-items',
    ],
    ['default:a\n,default:b', 'pull-secret'],
    [7, 'type'],
  ])('rejects %p (%s)', (raw, expected) => {
    expect(rule(validatePullSecretList(raw))).toBe(expected);
  });

  it('accepts a list and does not trim list entries', () => {
    expect(rule(validatePullSecretList(['default:a', 'default:b']))).toBe('ok');
    expect(rule(validatePullSecretList([' default:a']))).toBe('pull-secret');
  });
});
