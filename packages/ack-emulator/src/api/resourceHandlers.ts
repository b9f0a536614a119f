import { recordUpdate } from '../patch/managedFields';
import { apiVersionOf, type ResourceType } from '../schema/ResourceType';
import type { FieldValidation } from '../store/ObjectStore';
import type { KubeObject, StoredObject } from '../store/types';
import { parseFieldSelector } from '../store/fieldSelector';
import { parseLabelSelector } from '../store/labelSelector';
import { isPlainObject } from '../util/json';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { badRequest, invalid, methodNotAllowed } from './errors';
import { checkListResourceVersion } from './listResourceVersion';
import { decodeObjectBody, readRawBody, sendBody } from './http';
import { streamJsonArray } from './streamJson';
import {
  parseIncludeObject,
  partialObjectJson,
  rowJson,
  tableHead,
  tableJson,
} from './table';

export function fieldManagerOf(request: ResourceRequest): string {
  const explicit = request.query.get('fieldManager');
  if (explicit) return explicit;
  const agent = request.req.headers['user-agent'] ?? '';
  return agent.split('/')[0] || 'unknown';
}

export function fieldValidationOf(request: ResourceRequest): FieldValidation {
  const value = request.query.get('fieldValidation');
  if (value === null || value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore')
    return value;
  throw badRequest(`fieldValidation parameter unsupported: ${value}`);
}

export function isDryRun(request: ResourceRequest): boolean {
  const values = request.query.getAll('dryRun');
  if (values.some(v => v !== 'All'))
    throw badRequest(`Invalid dryRun value: ${values.join(',')}`);
  return values.length > 0;
}

export function warningHeaders(warnings: string[]): Record<string, string[]> {
  return warnings.length > 0
    ? { Warning: warnings.map(w => `299 - ${JSON.stringify(w)}`) }
    : {};
}

/** Renders one object in the negotiated format (object, Table row or PartialObjectMetadata). */
export function objectBody(
  ctx: ApiContext,
  request: ResourceRequest,
  stored: StoredObject,
): string {
  switch (request.format.kind) {
    case 'table':
      return tableJson(request.type, [stored], {
        version: request.format.version,
        includeObject: parseIncludeObject(request.query.get('includeObject')),
        now: ctx.clock.now(),
        resourceVersion: stored.object.metadata.resourceVersion,
      });
    case 'partial':
      return partialObjectJson(stored, request.format.version);
    default:
      return stored.json;
  }
}

export function sendObject(
  ctx: ApiContext,
  request: ResourceRequest,
  code: number,
  stored: StoredObject,
  warnings: string[] = [],
): void {
  sendBody(
    request.res,
    code,
    objectBody(ctx, request, stored),
    request.format.kind === 'yaml',
    warningHeaders(warnings),
  );
}

/** Decodes and sanity-checks a request body against the endpoint's type and namespace. */
export async function readObjectBody(
  request: ResourceRequest,
): Promise<KubeObject> {
  const body = decodeObjectBody(
    await readRawBody(request.req),
    request.req.headers['content-type'],
  );
  return checkObjectBody(request.type, body, request.namespace);
}

export function checkObjectBody(
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
): KubeObject {
  if (!isPlainObject(body))
    throw badRequest('the request body must be a JSON object');
  const object = body as KubeObject;
  const expectedVersion = apiVersionOf(type);
  if (type.custom) {
    if (!object.kind)
      throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    if (!object.apiVersion)
      throw badRequest(
        `Object 'apiVersion' is missing in '${JSON.stringify(body)}'`,
      );
  }
  if (
    object.apiVersion !== undefined &&
    object.apiVersion !== expectedVersion
  ) {
    throw badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expectedVersion})`,
    );
  }
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${type.kind})`,
    );
  }
  object.metadata = isPlainObject(object.metadata) ? object.metadata : {};
  if (type.namespaced) {
    if (
      object.metadata.namespace &&
      namespace &&
      object.metadata.namespace !== namespace
    ) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = namespace ?? object.metadata.namespace;
  }
  return object;
}

export function handleGet(ctx: ApiContext, request: ResourceRequest): void {
  const stored = ctx.store.mustGet(
    request.type,
    request.namespace,
    request.name!,
  );
  sendObject(ctx, request, 200, stored);
}

export async function handleList(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  const { query, type, format } = request;
  const limit = query.get('limit');
  await checkListResourceVersion(ctx, query);
  const result = ctx.store.list(type, {
    namespace: request.namespace,
    labelSelector: parseLabelSelector(query.get('labelSelector')),
    fieldSelector: parseFieldSelector(
      query.get('fieldSelector'),
      type.selectableFields,
    ),
    limit: limit ? Number(limit) : undefined,
    continueToken: query.get('continue') ?? undefined,
    resourceVersion: query.get('resourceVersion') ?? undefined,
    resourceVersionMatch: query.get('resourceVersionMatch') ?? undefined,
  });
  const { items } = result;
  const resourceVersion = String(result.resourceVersion);
  const metadata = JSON.stringify(
    result.continueToken
      ? {
          resourceVersion,
          continue: result.continueToken,
          remainingItemCount: result.remainingItemCount,
        }
      : { resourceVersion },
  );
  if (format.kind === 'table') {
    const options = {
      version: format.version,
      includeObject: parseIncludeObject(query.get('includeObject')),
      now: ctx.clock.now(),
      resourceVersion,
      continueToken: result.continueToken,
    };
    await streamJsonArray(
      request.res,
      tableHead(type, options),
      items.length,
      i => rowJson(type, items[i], options),
      ']}',
    );
  } else if (format.kind === 'partial') {
    const head = `{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/${format.version}","metadata":${metadata},"items":[`;
    await streamJsonArray(
      request.res,
      head,
      items.length,
      i => partialObjectJson(items[i], format.version),
      ']}',
    );
  } else {
    const head = `{"apiVersion":"${apiVersionOf(type)}","kind":"${
      type.listKind
    }","metadata":${metadata},"items":[`;
    if (format.kind === 'yaml') {
      sendBody(
        request.res,
        200,
        `${head}${items.map(item => item.json).join(',')}]}`,
        true,
      );
      return;
    }
    // Items are spliced in from each object's cached JSON: no re-serialization per list.
    await streamJsonArray(
      request.res,
      head,
      items.length,
      i => items[i].json,
      ']}',
    );
  }
}

export async function handleCreate(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  if (request.name || request.subresource) throw methodNotAllowed();
  if (request.type.namespaced && !request.namespace) throw methodNotAllowed();
  const object = await readObjectBody(request);
  const manager = fieldManagerOf(request);
  const { stored, warnings } = ctx.store.create(request.type, object, {
    dryRun: isDryRun(request),
    fieldValidation: fieldValidationOf(request),
    mutate: (candidate, previous) =>
      recordUpdate(candidate, previous, manager, undefined, ctx.clock.now()),
  });
  sendObject(ctx, request, 201, stored, warnings);
}

export async function handleUpdate(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  const object = await readObjectBody(request);
  const name = request.name!;
  if (!object.metadata.name) object.metadata.name = name;
  if (object.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  if (request.type.custom && !object.metadata.resourceVersion) {
    ctx.store.mustGet(request.type, request.namespace, name);
    // Custom resources do not allow unconditional updates (apiextensions strategy).
    throw invalid(request.type, name, [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 0x0: must be specified for an update',
        field: 'metadata.resourceVersion',
      },
    ]);
  }
  const manager = fieldManagerOf(request);
  const { stored, warnings } = ctx.store.update(request.type, object, {
    subresource: request.subresource,
    dryRun: isDryRun(request),
    fieldValidation: fieldValidationOf(request),
    mutate: (candidate, previous) =>
      recordUpdate(
        candidate,
        previous,
        manager,
        request.subresource,
        ctx.clock.now(),
      ),
  });
  sendObject(ctx, request, 200, stored, warnings);
}
