import { cloneJson, isPlainObject, type JsonObject } from '../util/json';

// Most built-in list merge keys are `name` (containers, env, volumes, imagePullSecrets...).
const MERGE_KEY = 'name';

function mergeableList(list: unknown[]): list is JsonObject[] {
  return (
    list.length > 0 &&
    list.every(
      item => isPlainObject(item) && typeof item[MERGE_KEY] === 'string',
    )
  );
}

function mergeLists(target: unknown, patch: unknown[]): unknown[] {
  if (
    !Array.isArray(target) ||
    !mergeableList(patch) ||
    !(target.length === 0 || mergeableList(target))
  ) {
    return patch
      .filter(item => !(isPlainObject(item) && item.$patch === 'delete'))
      .map(stripDirectives);
  }
  const result: JsonObject[] = (target as JsonObject[]).map(item => ({
    ...item,
  }));
  for (const item of patch) {
    const index = result.findIndex(
      existing => existing[MERGE_KEY] === item[MERGE_KEY],
    );
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = applyStrategicMergePatch(
        result[index],
        item,
      ) as JsonObject;
    } else {
      result.push(stripDirectives(item) as JsonObject);
    }
  }
  return result;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!key.startsWith('$')) result[key] = stripDirectives(child);
  }
  return result;
}

/**
 * A strategic merge patch approximated as a JSON merge patch that honours
 * `$patch: replace|delete`, drops `$setElementOrder`/`$retainKeys` directives
 * and merges lists of objects keyed by `name`.
 */
export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const result: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const remove = Array.isArray(value) ? value : [];
      if (Array.isArray(result[field]))
        result[field] = (result[field] as unknown[]).filter(
          v => !remove.includes(v),
        );
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeLists(result[key], value);
    else if (isPlainObject(value)) {
      const merged = applyStrategicMergePatch(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else result[key] = value;
  }
  return result;
}
