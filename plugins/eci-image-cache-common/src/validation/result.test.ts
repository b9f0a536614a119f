import {
  EciValidationError,
  escapeCharacter,
  formatValue,
  problemOf,
} from './result';

describe('formatValue', () => {
  it.each([
    ['plain', 'abc', '"abc"'],
    ['number', 10, '10'],
    ['missing', undefined, '(missing)'],
    ['null', null, 'null'],
    ['object', { a: 1 }, '(a value of type object)'],
    ['list', [1], '(a list)'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['newline', 'a\nb', '"a\\nb"'],
    ['tab and CR', '\t\r', '"\\t\\r"'],
    ['Cyrillic look-alike', 'nginх', '"ngin\\u{0445}"'],
    ['full-width', 'ｃri', '"\\u{FF43}ri"'],
    ['zero-width space', 'a\u200b', '"a\\u{200B}"'],
    ['emoji', '😀', '"\\u{1F600}"'],
    ['NUL', '\u0000', '"\\u{0000}"'],
  ])('%s', (_, raw, expected) => {
    expect(formatValue(raw)).toBe(expected);
  });

  it('truncates long values and reports their length', () => {
    const text = formatValue('x'.repeat(10240));
    expect(text).toBe(`"${'x'.repeat(64)}..." (10240 characters)`);
  });

  it('only ever returns one line of printable ASCII', () => {
    for (const raw of ['\u2028', '\u0085', 'a\nb', '\u202e', '\ud800', 'é']) {
      expect(formatValue(raw)).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('escapes single characters', () => {
    expect(escapeCharacter('a')).toBe('a');
    expect(escapeCharacter('\u2028')).toBe('\\u{2028}');
  });
});

describe('problems and errors', () => {
  it('builds a message that names field, value and rule', () => {
    expect(
      problemOf('f', '10', 'minimum', 'is below the minimum 20 GiB'),
    ).toEqual({
      field: 'f',
      value: '"10"',
      rule: 'minimum',
      message: '`f`: "10" is below the minimum 20 GiB',
    });
    expect(problemOf('f', undefined, 'required', 'is required').message).toBe(
      '`f` is required',
    );
  });

  it('EciValidationError carries every problem and maps to InputError', () => {
    const problems = [
      problemOf('a', 'x', 'type', 'is wrong'),
      problemOf('b', 'y', 'type', 'is wrong too'),
    ];
    const error = new EciValidationError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.problems).toBe(problems);
    expect(error.message).toBe('`a`: "x" is wrong; `b`: "y" is wrong too');
  });
});
