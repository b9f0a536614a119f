import type { ResourceType } from '../schema/ResourceType';
import type { StoredObject } from '../store/types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  version: 'v1' | 'v1beta1';
  includeObject: IncludeObject;
  now: number;
  resourceVersion?: string;
  continueToken?: string;
  /** Watch events after the first omit the column definitions, like the apiserver. */
  omitColumns?: boolean;
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

export function partialMetadataJson(metadata: object, version: string): string {
  return `{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/${version}","metadata":${JSON.stringify(
    metadata,
  )}}`;
}

export function partialObjectJson(
  stored: StoredObject,
  version: string,
): string {
  return partialMetadataJson(stored.object.metadata, version);
}

export function rowJson(
  type: ResourceType,
  stored: StoredObject,
  options: TableOptions,
): string {
  const parsed = stored.object;
  const cells = type.columns.map(
    column => column.cell(parsed, options.now) ?? null,
  );
  let object = '';
  if (options.includeObject === 'Object') object = `,"object":${stored.json}`;
  else if (options.includeObject === 'Metadata')
    object = `,"object":${partialMetadataJson(
      parsed.metadata,
      options.version,
    )}`;
  return `{"cells":${JSON.stringify(cells)}${object}}`;
}

function columnsJson(type: ResourceType): string {
  return JSON.stringify(
    type.columns.map(c => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description ?? '',
      priority: c.priority ?? 0,
    })),
  );
}

/** Everything of a Table document before its rows. */
export function tableHead(type: ResourceType, options: TableOptions): string {
  const metadata: Record<string, string> = {};
  if (options.resourceVersion)
    metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  const columns = options.omitColumns
    ? ''
    : `"columnDefinitions":${columnsJson(type)},`;
  return `{"kind":"Table","apiVersion":"meta.k8s.io/${
    options.version
  }","metadata":${JSON.stringify(metadata)},${columns}"rows":[`;
}

/** Renders a meta.k8s.io Table (server-side printing) for a single object or a watch event. */
export function tableJson(
  type: ResourceType,
  items: StoredObject[],
  options: TableOptions,
): string {
  return `${tableHead(type, options)}${items
    .map(item => rowJson(type, item, options))
    .join(',')}]}`;
}
