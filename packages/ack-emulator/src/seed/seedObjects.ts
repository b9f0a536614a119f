import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { isPlainObject } from '../util/json';

/** Reads a multi-document YAML (or JSON) file of Kubernetes objects. */
export function readSeedFile(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map(doc => doc.toJS())
    .filter(
      (value): value is KubeObject =>
        isPlainObject(value) && typeof value.kind === 'string',
    );
}

/**
 * Creates the objects that do not exist yet (namespaces first). Status is
 * written through the status subresource, so seeds can contain e.g. Ready caches.
 * Returns the number of objects created.
 */
export function applySeed(store: ObjectStore, objects: KubeObject[]): number {
  const ordered = [...objects].sort(
    (a, b) => Number(b.kind === 'Namespace') - Number(a.kind === 'Namespace'),
  );
  let created = 0;
  for (const object of ordered) {
    const type = store.registry.byKind(String(object.apiVersion), object.kind);
    if (!type)
      throw new Error(
        `seed object ${object.apiVersion}/${object.kind} is not served by the emulator`,
      );
    const name = object.metadata?.name;
    if (name && store.get(type, object.metadata.namespace ?? 'default', name))
      continue;
    const metadata = { ...object.metadata };
    if (type.namespaced && !metadata.namespace) metadata.namespace = 'default';
    const { stored } = store.create(type, { ...object, metadata });
    created++;
    if (type.statusSubresource && object.status !== undefined) {
      store.update(
        type,
        { ...stored.object, status: object.status },
        { subresource: 'status' },
      );
    }
  }
  return created;
}
