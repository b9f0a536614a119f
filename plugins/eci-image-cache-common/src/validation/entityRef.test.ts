import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import { validateEntityRef } from './entityRef';

describe('validateEntityRef', () => {
  it.each([
    ['component:default/checkout', 'component:default/checkout'],
    ['Component:Default/Checkout', 'component:default/checkout'],
    ['component:checkout', 'component:default/checkout'],
    ['resource:team-a/db_main.v2', 'resource:team-a/db_main.v2'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(validateEntityRef(raw)).toEqual({
      ok: true,
      value: expected,
      warnings: [],
    });
  });

  it.each([
    'checkout',
    'component:',
    'component:default/',
    'component:a/b/c',
    'component:default/check out',
    'component:default/-checkout',
    `component:default/${'x'.repeat(64)}`,
    '1component:default/x',
  ])('rejects %p', raw => {
    const result = validateEntityRef(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].rule).toBe('entity-ref');
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(validateEntityRef(raw).ok).toBe(false);
    expect(validateEntityRef(`component:default/${raw}`).ok).toBe(false);
  });
});
