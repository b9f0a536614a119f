import { badRequest } from '../api/errors';
import { getPath, type JsonObject } from '../util/json';

interface FieldRequirement {
  path: string[];
  negate: boolean;
  value: string;
}

export interface FieldSelector {
  matches(object: JsonObject): boolean;
  /** Checks only the metadata.name/metadata.namespace requirements. */
  matchesMeta(namespace: string | undefined, name: string): boolean;
  /** Whether any requirement needs the parsed object (fields beyond name/namespace). */
  readonly needsObject: boolean;
  readonly empty: boolean;
  /** Set when the selector pins `metadata.name=<x>`, letting lists skip the scan. */
  readonly name?: string;
  readonly namespace?: string;
}

function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (text[i] === ',') {
      parts.push(current);
      current = '';
    } else {
      current += text[i];
    }
  }
  parts.push(current);
  return parts.filter(p => p.length > 0);
}

function fieldValue(object: JsonObject, path: string[]): string {
  const value = getPath(object, path);
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Parses `fieldSelector`; `allowed` lists the field labels the resource supports beyond metadata.name/namespace. */
export function parseFieldSelector(
  selector: string | undefined | null,
  allowed: string[],
): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const part of selector ? splitUnescaped(selector) : []) {
    const match = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(part.trim());
    if (!match)
      throw badRequest(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    const field = match[1];
    if (
      field !== 'metadata.name' &&
      field !== 'metadata.namespace' &&
      !allowed.includes(field)
    ) {
      throw badRequest(`field label not supported: ${field}`);
    }
    requirements.push({
      // An event's `source` field label selects on source.component.
      path: field === 'source' ? ['source', 'component'] : field.split('.'),
      negate: match[2] === '!=',
      value: match[3],
    });
  }
  const pinned = (field: string) =>
    requirements.find(r => !r.negate && r.path.join('.') === field)?.value;
  const isMeta = (r: FieldRequirement) =>
    r.path.length === 2 &&
    r.path[0] === 'metadata' &&
    (r.path[1] === 'name' || r.path[1] === 'namespace');
  const meta = requirements.filter(isMeta);
  return {
    empty: requirements.length === 0,
    needsObject: requirements.some(r => !isMeta(r)),
    matchesMeta: (namespace, name) =>
      meta.every(
        r =>
          ((r.path[1] === 'name' ? name : namespace ?? '') === r.value) !==
          r.negate,
      ),
    name: pinned('metadata.name'),
    namespace: pinned('metadata.namespace'),
    matches: object =>
      requirements.every(
        r => (fieldValue(object, r.path) === r.value) !== r.negate,
      ),
  };
}
