import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { escapeCharacter } from './validation/result';

/**
 * What the header comment of a rendered file names.
 *
 * @public
 */
export interface YamlHeader {
  /** Entity ref the object belongs to. */
  entity?: string;
  /** ImageCache name and/or id. */
  cache?: string;
  /** Cache mode. */
  mode?: string;
}

/** Keys that come first, in this order, in every mapping; all other keys follow alphabetically. */
const KEY_ORDER = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'status',
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'schedules',
  'timezone',
  'workflowSpec',
  'entrypoint',
  'podMetadata',
  'templates',
  'steps',
  'template',
  'container',
  'image',
  'imagePullPolicy',
  'command',
  'args',
  'images',
  'imagePullSecrets',
  'imageCacheSize',
  'retentionDays',
];
const KEY_RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));
const STRING_MAP_KEYS = new Set(['labels', 'annotations']);
const HEADER_VALUE_MAX_LENGTH = 200;

// Unambiguous plain scalars: no indicator characters, no ": ", no " #", no leading/trailing space.
const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./@:+-]*( [A-Za-z0-9_./@:+-]+)*$/;
// Characters that some YAML readers treat as line breaks or that hide text; escaped inside double quotes.
const INVISIBLE_IN_OUTPUT =
  /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function compareKeys(a: string, b: string): number {
  const rankA = KEY_RANK.get(a);
  const rankB = KEY_RANK.get(b);
  if (rankA !== undefined || rankB !== undefined) {
    return (rankA ?? Infinity) - (rankB ?? Infinity);
  }
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function compareAlphabetically(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** True when a plain scalar reads back as the same string under both YAML 1.1 (kubectl, Go) and YAML 1.2. */
function isSafePlain(text: string): boolean {
  if (!SAFE_PLAIN.test(text) || text.includes(': ') || text.endsWith(':')) {
    return false;
  }
  // Words that some YAML version resolves to a boolean or null.
  if (
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(
      text,
    )
  ) {
    return false;
  }
  // Numbers, sexagesimals, octals and timestamps all start like this in some YAML version.
  return (
    !/^[-+.]?[0-9]/.test(text) && !/^\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text)
  );
}

function stringNode(text: string, forceQuotes: boolean): Scalar {
  const node = new Scalar(text);
  node.type = !forceQuotes && isSafePlain(text) ? 'PLAIN' : 'QUOTE_DOUBLE';
  return node;
}

function toNode(
  value: unknown,
  key: string,
  quoteValues: boolean,
  path: string,
  seen: Set<object>,
): unknown {
  if (value === null) {
    return new Scalar(null);
  }
  switch (typeof value) {
    case 'string':
      return stringNode(value, quoteValues);
    case 'boolean':
      return new Scalar(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`Cannot render the non-finite number at ${path}`);
      }
      return new Scalar(value);
    case 'object':
      break;
    default:
      throw new TypeError(
        `Cannot render a value of type ${typeof value} at ${path}`,
      );
  }
  if (value instanceof Date) {
    return stringNode(value.toISOString(), quoteValues);
  }
  const object = value as object;
  if (seen.has(object)) {
    throw new TypeError(`Cannot render the circular reference at ${path}`);
  }
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const sequence = new YAMLSeq();
      object.forEach((item, index) => {
        sequence.items.push(
          toNode(
            item === undefined ? null : item,
            '',
            false,
            `${path}[${index}]`,
            seen,
          ),
        );
      });
      return sequence;
    }
    const map = new YAMLMap();
    const isStringMap = STRING_MAP_KEYS.has(key);
    const entries = Object.entries(object)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) =>
        isStringMap ? compareAlphabetically(a, b) : compareKeys(a, b),
      );
    for (const [itemKey, item] of entries) {
      map.items.push(
        new Pair(
          stringNode(itemKey, false),
          toNode(item, itemKey, isStringMap, `${path}.${itemKey}`, seen),
        ),
      );
    }
    return map;
  } finally {
    seen.delete(object);
  }
}

/** Reduces a header value to one line of printable ASCII. */
function headerValue(text: string): string {
  const characters = Array.from(text);
  const shown = characters
    .slice(0, HEADER_VALUE_MAX_LENGTH)
    .map(char => (char === '"' || char === '\\' ? char : escapeCharacter(char)))
    .join('');
  return characters.length > HEADER_VALUE_MAX_LENGTH ? `${shown}...` : shown;
}

/**
 * Renders an object as deterministic YAML: fixed key order, double-quoted label and annotation values,
 * ambiguous strings quoted so YAML 1.1 and 1.2 readers agree, and an optional one-line-per-field header comment.
 *
 * @public
 */
export function renderYaml(object: unknown, header?: YamlHeader): string {
  const document = new Document();
  document.contents = toNode(
    object,
    '',
    false,
    '',
    new Set(),
  ) as Document['contents'];
  if (header) {
    const lines = ['Generated by the Backstage ECI image cache plugin.'];
    for (const field of ['entity', 'cache', 'mode'] as const) {
      const value = header[field];
      if (value !== undefined) {
        lines.push(`${field}: ${headerValue(String(value))}`);
      }
    }
    document.commentBefore = lines.map(line => ` ${line}`).join('\n');
  }
  const text = document.toString({ lineWidth: 0, indentSeq: true });
  // Outside double-quoted scalars the output is printable ASCII, so these only occur inside them.
  return text.replace(
    INVISIBLE_IN_OUTPUT,
    char =>
      `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
