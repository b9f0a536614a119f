import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isPlainObject, type JsonObject } from '../util/json';

/** Reads every CustomResourceDefinition from the `.yaml`/`.yml`/`.json` files of a directory. */
export function loadCrds(directory: string): JsonObject[] {
  const crds: JsonObject[] = [];
  for (const file of readdirSync(directory).sort()) {
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    for (const doc of parseAllDocuments(
      readFileSync(join(directory, file), 'utf8'),
    )) {
      const value = doc.toJS();
      if (isPlainObject(value) && value.kind === 'CustomResourceDefinition')
        crds.push(value);
    }
  }
  return crds;
}
