import { ApiError } from '../api/errors';
import type { KubeObject } from '../store/types';
import { cloneJson, deepEqual } from '../util/json';
import { formatTimestamp } from '../util/time';
import { deleteAt, describePath, leafFields, setAt, valueAt } from './fieldSet';
import { readEntries, writeEntries } from './managedFields';

export interface ApplyRequest {
  manager: string;
  force: boolean;
  subresource?: 'status';
  now: number;
}

/**
 * Server-side apply with field ownership: fields this manager applied before
 * and no longer applies are removed, and changing a field another manager owns
 * is a 409 conflict unless `force` is set.
 */
export function serverSideApply(
  live: KubeObject | undefined,
  applied: KubeObject,
  request: ApplyRequest,
): KubeObject {
  const appliedFields = leafFields(applied, request.subresource);
  const time = formatTimestamp(request.now);
  if (!live) {
    const created = cloneJson(applied);
    writeEntries(created, [
      {
        manager: request.manager,
        operation: 'Apply',
        apiVersion: applied.apiVersion,
        time,
        subresource: request.subresource,
        fields: appliedFields,
      },
    ]);
    return created;
  }

  const entries = readEntries(live);
  const sameScope = (subresource?: string) =>
    (subresource === 'status') === (request.subresource === 'status');
  const others = entries.filter(
    e =>
      sameScope(e.subresource) &&
      !(e.manager === request.manager && e.operation === 'Apply'),
  );
  const conflicts: { manager: string; apiVersion: string; path: string }[] = [];
  for (const path of appliedFields) {
    if (deepEqual(valueAt(live, path), valueAt(applied, path))) continue;
    for (const entry of others) {
      if (entry.manager !== request.manager && entry.fields.has(path)) {
        conflicts.push({
          manager: entry.manager,
          apiVersion: entry.apiVersion,
          path,
        });
      }
    }
  }
  if (conflicts.length > 0 && !request.force) throw applyConflict(conflicts);

  const result = cloneJson(live);
  const own = entries.find(
    e =>
      e.manager === request.manager &&
      e.operation === 'Apply' &&
      sameScope(e.subresource),
  );
  for (const path of own?.fields ?? []) {
    if (appliedFields.has(path)) continue;
    if (!others.some(e => e.fields.has(path))) deleteAt(result, path);
  }
  for (const path of appliedFields)
    setAt(result, path, cloneJson(valueAt(applied, path)));
  for (const entry of others) {
    for (const path of appliedFields) {
      if (
        request.force ||
        !deepEqual(valueAt(live, path), valueAt(applied, path))
      )
        entry.fields.delete(path);
    }
  }
  const remaining = entries.filter(e => e !== own);
  remaining.push({
    manager: request.manager,
    operation: 'Apply',
    apiVersion: applied.apiVersion,
    time,
    subresource: request.subresource,
    fields: appliedFields,
  });
  writeEntries(result, remaining);
  if (applied.metadata.resourceVersion)
    result.metadata.resourceVersion = applied.metadata.resourceVersion;
  return result;
}

function applyConflict(
  conflicts: { manager: string; apiVersion: string; path: string }[],
): ApiError {
  const causes = conflicts.map(c => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
    field: describePath(c.path),
  }));
  const message =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: ${causes[0].message}: ${causes[0].field}`
      : `Apply failed with ${conflicts.length} conflicts: ${causes
          .map(c => `${c.message}: ${c.field}`)
          .join('\n')}`;
  return new ApiError(409, 'Conflict', message, { causes });
}
