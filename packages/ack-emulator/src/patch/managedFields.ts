import { deepEqual, type JsonObject } from '../util/json';
import { formatTimestamp } from '../util/time';
import type { KubeObject } from '../store/types';
import {
  fromFieldsV1,
  leafFields,
  toFieldsV1,
  valueAt,
  type FieldSet,
} from './fieldSet';

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  fields: FieldSet;
}

export function readEntries(object: KubeObject | undefined): ManagerEntry[] {
  return (object?.metadata.managedFields ?? []).map(entry => ({
    manager: String(entry.manager ?? ''),
    operation: entry.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: String(entry.apiVersion ?? ''),
    time: String(entry.time ?? ''),
    subresource:
      typeof entry.subresource === 'string' ? entry.subresource : undefined,
    fields: fromFieldsV1(entry.fieldsV1),
  }));
}

export function writeEntries(
  object: KubeObject,
  entries: ManagerEntry[],
): void {
  const rendered: JsonObject[] = entries
    .filter(e => e.fields.size > 0)
    .map(e => {
      const entry: JsonObject = {
        manager: e.manager,
        operation: e.operation,
        apiVersion: e.apiVersion,
        time: e.time,
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1(e.fields),
      };
      if (e.subresource) entry.subresource = e.subresource;
      return entry;
    });
  if (rendered.length > 0) object.metadata.managedFields = rendered;
  else delete object.metadata.managedFields;
}

/**
 * Records a non-apply write: the writer takes ownership of every field it
 * changed, and removed fields are dropped from all managers.
 */
export function recordUpdate(
  candidate: KubeObject,
  previous: KubeObject | undefined,
  manager: string,
  subresource: 'status' | undefined,
  now: number,
): void {
  const after = leafFields(candidate, subresource);
  const before = previous
    ? leafFields(previous, subresource)
    : new Set<string>();
  const changed = new Set<string>();
  for (const path of after) {
    if (
      !previous ||
      !deepEqual(valueAt(candidate, path), valueAt(previous, path))
    )
      changed.add(path);
  }
  const entries = readEntries(previous);
  for (const entry of entries) {
    if ((entry.subresource === 'status') !== (subresource === 'status'))
      continue;
    for (const path of entry.fields) {
      if (changed.has(path) || (before.has(path) && !after.has(path)))
        entry.fields.delete(path);
    }
  }
  if (changed.size > 0) {
    let own = entries.find(
      e =>
        e.manager === manager &&
        e.operation === 'Update' &&
        e.subresource === subresource,
    );
    if (!own) {
      own = {
        manager,
        operation: 'Update',
        apiVersion: candidate.apiVersion,
        time: '',
        subresource,
        fields: new Set(),
      };
      entries.push(own);
    }
    own.time = formatTimestamp(now);
    for (const path of changed) own.fields.add(path);
  }
  writeEntries(candidate, entries);
}
