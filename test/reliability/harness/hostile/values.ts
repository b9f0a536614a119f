import fc from 'fast-check';

/**
 * Hostile values, each built so that no rule of the product can accept it: wrong JSON types,
 * out-of-range numbers, huge strings, look-alike letters, YAML/annotation injection and path
 * traversal. Valid-looking random strings are never generated.
 */

/** Strings with a character that is never valid in an identifier, a path or a YAML scalar. */
const INJECTED = [
  '\n',
  '\r\n',
  ': ',
  '\nevil: true',
  '\n---\nkind: Secret\n',
  '{{workflow.name}}',
  ' #comment',
  '\u0000',
  '\t',
  '\u2028',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
];

/** The injected sequences free text (container commands and args) must refuse as well. */
const UNSAFE_IN_FREE_TEXT = [
  '\n',
  '\r\n',
  '\nevil: true',
  '\n---\nkind: Secret\n',
  '{{workflow.name}}',
  '\u0000',
  '\t',
  '\u2028',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
];

/** Letters that look like ASCII but are not: Cyrillic а/о/е/с, full-width, NBSP, Unicode hyphen. */
const LOOKALIKE: Array<[RegExp, string]> = [
  [/a/, '\u0430'],
  [/o/, '\u043e'],
  [/e/, '\u0435'],
  [/c/, '\u0441'],
  [/-/, '\u2010'],
];

export const TRAVERSALS = [
  '..',
  '.',
  '../escape',
  '../../etc/passwd',
  'a/../../escape',
  '/etc/passwd',
  '/tmp/escape',
  '..\\..\\escape',
  'C:\\escape',
  '%2e%2e%2fescape',
  '....//escape',
  '~/escape',
];

/** `base` with an injected sequence at the start, the middle or the end. */
export function injected(base: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...INJECTED), fc.nat({ max: base.length }))
    .map(([bad, at]) => `${base.slice(0, at)}${bad}${base.slice(at)}`);
}

/** `base` with one letter replaced by a look-alike (or a full-width copy of the whole). */
export function lookalike(base: string): fc.Arbitrary<string> {
  const options = LOOKALIKE.filter(([pattern]) => pattern.test(base)).map(
    ([pattern, replacement]) => base.replace(pattern, replacement),
  );
  const fullWidth = Array.from(base, ch =>
    ch >= '!' && ch <= '~'
      ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
      : ch,
  ).join('');
  return fc.constantFrom(fullWidth, ...options);
}

/**
 * Longer than any limit of the product (images 512, names 253, query values 512). At most
 * `max` characters: URLs stay below Node's 16 KB header limit, which answers 431 before any
 * route runs.
 */
export function huge(base: string, max = 20_000): fc.Arbitrary<string> {
  return fc
    .integer({ min: 600, max })
    .map(length =>
      base
        .repeat(Math.ceil(length / Math.max(base.length, 1)))
        .slice(0, length),
    );
}

/**
 * Hostile free text (a command or argument may hold any printable text, look-alikes, `: ` and
 * paths included): line breaks, control and invisible characters, Argo expressions, or more
 * than the 4,096 characters of an entry.
 */
export function hostileFreeText(base: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...UNSAFE_IN_FREE_TEXT),
        fc.nat({ max: base.length }),
      )
      .map(([bad, at]) => `${base.slice(0, at)}${bad}${base.slice(at)}`),
    fc
      .integer({ min: 4_097, max: 20_000 })
      .map(length =>
        base.repeat(Math.ceil(length / base.length)).slice(0, length),
      ),
  );
}

/** A hostile string derived from a valid value of the field (`inUrl`: at most 4,000 characters). */
export function hostileText(base: string, inUrl = false): fc.Arbitrary<string> {
  return fc.oneof(
    injected(base),
    lookalike(base),
    huge(base, inUrl ? 4_000 : 20_000),
    fc.constantFrom(...TRAVERSALS),
    fc.constant(''),
    fc.constant(` ${base}`),
  );
}

/** JSON values of any type but `correct`. */
export function wrongType(
  correct: 'string' | 'number' | 'boolean' | 'array',
): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    number: fc.integer(),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.integer(), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), {
      maxKeys: 2,
    }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([type]) => type !== correct)
      .map(([, arbitrary]) => arbitrary),
  );
}

/** Numbers outside [min, max], or not whole. */
export function outOfRange(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -1_000_000_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }),
    fc
      .double({ min, max, noNaN: true, noDefaultInfinity: true })
      .filter(value => !Number.isInteger(value)),
    fc.constantFrom(1e300, -0.5, min - 0.5, max + 0.5),
  );
}

/** A hostile string for a field, or a wrong type. */
export function hostileString(base: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileText(base) },
    { weight: 1, arbitrary: wrongType('string') },
  );
}

/** A hostile string list for a list field: a hostile entry, a wrong entry type, or not a list. */
export function hostileList(base: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileText(base).map(value => [value]) },
    {
      weight: 1,
      arbitrary: fc.tuple(wrongType('string')).map(([value]) => [value]),
    },
    { weight: 1, arbitrary: wrongType('array') },
  );
}

/** A hostile whole number. */
export function hostileNumber(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: outOfRange(min, max) },
    { weight: 1, arbitrary: wrongType('number') },
  );
}
