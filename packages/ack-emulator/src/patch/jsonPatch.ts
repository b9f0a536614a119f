import { ApiError, badRequest } from '../api/errors';
import { cloneJson, deepEqual, isPlainObject } from '../util/json';

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw unprocessable(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: unknown,
  tokens: string[],
  pointer: string,
): { parent: unknown; key: string } {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isPlainObject(current)) current = current[token];
    else current = undefined;
    if (current === undefined)
      throw unprocessable(`doc is missing path: "${pointer}": missing value`);
  }
  return { parent: current, key: tokens[tokens.length - 1] };
}

function getAt(doc: unknown, pointer: string): unknown {
  let current = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isPlainObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}

function removeAt(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) {
      throw unprocessable(
        `unable to remove nonexistent key: ${key}: missing value`,
      );
    }
    return parent.splice(index, 1)[0];
  }
  if (isPlainObject(parent) && key in parent) {
    const value = parent[key];
    delete parent[key];
    return value;
  }
  throw unprocessable(
    `unable to remove nonexistent key: ${key}: missing value`,
  );
}

function addAt(
  doc: unknown,
  pointer: string,
  value: unknown,
  replace: boolean,
): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (
      !Number.isInteger(index) ||
      index < 0 ||
      index > parent.length ||
      (replace && index >= parent.length)
    ) {
      throw unprocessable(
        `unable to access invalid index: ${key}: invalid index referenced`,
      );
    }
    if (replace) parent[index] = value;
    else parent.splice(index, 0, value);
  } else if (isPlainObject(parent)) {
    if (replace && !(key in parent))
      throw unprocessable(
        `replace operation does not apply: doc is missing key: ${pointer}: missing value`,
      );
    parent[key] = value;
  } else {
    throw unprocessable(`doc is missing path: "${pointer}": missing value`);
  }
  return doc;
}

/** RFC 6902 JSON patch (`application/json-patch+json`). */
export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch))
    throw badRequest(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  let doc = cloneJson(target);
  for (const raw of patch as Operation[]) {
    if (
      !isPlainObject(raw) ||
      typeof raw.op !== 'string' ||
      typeof raw.path !== 'string'
    ) {
      throw badRequest('invalid JSON patch operation');
    }
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, cloneJson(raw.value), false);
        break;
      case 'replace':
        doc = addAt(doc, raw.path, cloneJson(raw.value), true);
        break;
      case 'remove':
        removeAt(doc, raw.path);
        break;
      case 'move': {
        const value = removeAt(doc, raw.from ?? '');
        doc = addAt(doc, raw.path, value, false);
        break;
      }
      case 'copy':
        doc = addAt(
          doc,
          raw.path,
          cloneJson(getAt(doc, raw.from ?? '')),
          false,
        );
        break;
      case 'test':
        if (!deepEqual(getAt(doc, raw.path), raw.value))
          throw unprocessable(`testing value ${raw.path} failed: test failed`);
        break;
      default:
        throw badRequest(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}
