import { isPlainObject, type JsonObject } from '../util/json';

/** A set of leaf field paths, each path encoded as a JSON array of keys. */
export type FieldSet = Set<string>;

const IGNORED_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
  'generateName',
]);

function collect(value: unknown, path: string[], out: FieldSet): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) collect(child, [...path, key], out);
    }
  } else {
    // Lists are atomic (the CRD default for lists without x-kubernetes-list-type).
    out.add(JSON.stringify(path));
  }
}

/** Leaf paths of an object that field managers can own, for the main resource or the status subresource. */
export function leafFields(
  object: JsonObject,
  subresource?: 'status',
): FieldSet {
  const out: FieldSet = new Set();
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || key === 'apiVersion' || key === 'kind') continue;
    if ((key === 'status') !== (subresource === 'status')) continue;
    if (key === 'metadata' && isPlainObject(value)) {
      for (const [metaKey, metaValue] of Object.entries(value)) {
        if (!IGNORED_METADATA.has(metaKey) && metaValue !== undefined)
          collect(metaValue, ['metadata', metaKey], out);
      }
    } else {
      collect(value, [key], out);
    }
  }
  return out;
}

export function valueAt(object: unknown, encodedPath: string): unknown {
  let current = object;
  for (const key of JSON.parse(encodedPath) as string[]) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function setAt(
  object: JsonObject,
  encodedPath: string,
  value: unknown,
): void {
  const path = JSON.parse(encodedPath) as string[];
  let current = object;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key] as JsonObject;
  }
  current[path[path.length - 1]] = value;
}

export function deleteAt(object: JsonObject, encodedPath: string): void {
  const path = JSON.parse(encodedPath) as string[];
  const parents: JsonObject[] = [object];
  let current = object;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(current[key])) return;
    current = current[key] as JsonObject;
    parents.push(current);
  }
  delete current[path[path.length - 1]];
  // Remove maps the deletion left empty, like the apiserver's field removal.
  for (let i = parents.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]).length > 0) break;
    delete parents[i - 1][path[i - 1]];
  }
}

/** Renders a field set in the `FieldsV1` format (`{"f:spec":{".":{},"f:images":{}}}`). */
export function toFieldsV1(fields: FieldSet): JsonObject {
  const root: JsonObject = {};
  for (const encoded of [...fields].sort()) {
    let node = root;
    const path = JSON.parse(encoded) as string[];
    path.forEach((key, i) => {
      const name = `f:${key}`;
      if (!isPlainObject(node[name])) node[name] = {};
      node = node[name] as JsonObject;
      if (i < path.length - 1) node['.'] = {};
    });
  }
  return root;
}

export function fromFieldsV1(fieldsV1: unknown): FieldSet {
  const out: FieldSet = new Set();
  const walk = (node: unknown, path: string[]) => {
    if (!isPlainObject(node)) return;
    const children = Object.keys(node).filter(k => k.startsWith('f:'));
    if (children.length === 0 && path.length > 0) out.add(JSON.stringify(path));
    for (const key of children) walk(node[key], [...path, key.slice(2)]);
  };
  walk(fieldsV1, []);
  return out;
}

/** Human-readable path for conflict messages: `.spec.retentionDays`. */
export function describePath(encodedPath: string): string {
  return (JSON.parse(encodedPath) as string[]).map(k => `.${k}`).join('');
}
