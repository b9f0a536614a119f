import { HOSTILE_VALUES } from '../__testUtils__/hostile';
import { hasUnsafeCharacter, validateSingleLineText } from './text';

const rule = (result: { ok: boolean; problems?: { rule: string }[] }) =>
  result.ok ? 'ok' : result.problems![0].rule;

describe('validateSingleLineText', () => {
  it.each([
    ['hello world', 'ok'],
    ['echo "a: b" # not a comment in args', 'ok'],
    ['---', 'ok'],
    ['héllo wörld 你好 😀', 'ok'],
    ['{single}', 'ok'],
    ['{{workflow.name}}', 'argo-expression'],
    ['a\nb', 'unsafe-character'],
    ['a\tb', 'unsafe-character'],
    ['a\u2028b', 'unsafe-character'],
    ['a\u0085b', 'unsafe-character'],
    ['a\u200bb', 'unsafe-character'],
    ['a\u202eb', 'unsafe-character'],
    ['\ufeffa', 'unsafe-character'],
    ['a\ud800', 'unsafe-character'],
    ['\udc00a', 'unsafe-character'],
    ['a\u007f', 'unsafe-character'],
    ['x'.repeat(101), 'max-length'],
    ['', 'required'],
  ])('%p → %s', (raw, expected) => {
    expect(
      rule(validateSingleLineText(raw, 'args[0]', { maxLength: 100 })),
    ).toBe(expected);
  });

  it('allows Argo expressions only when asked to', () => {
    expect(
      rule(
        validateSingleLineText('{{inputs.parameters.x}}', 'f', {
          maxLength: 100,
          allowArgoExpressions: true,
        }),
      ),
    ).toBe('ok');
  });

  it('keeps surrogate pairs (emoji) but not lone surrogates', () => {
    expect(hasUnsafeCharacter('😀')).toBe(false);
    expect(hasUnsafeCharacter('\ud83d')).toBe(true);
  });

  it.each(
    HOSTILE_VALUES.filter(
      ([, raw]) =>
        hasUnsafeCharacter(raw) ||
        raw.includes('{{') ||
        raw === '' ||
        raw.length > 4096,
    ),
  )('rejects hostile value: %s', (_, raw) => {
    expect(validateSingleLineText(raw, 'f', { maxLength: 4096 }).ok).toBe(
      false,
    );
  });
});
