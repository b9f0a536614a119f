import { apiVersionOf, type ResourceType } from '../schema/ResourceType';
import type { DeleteOptions } from '../store/ObjectStore';
import { parseFieldSelector } from '../store/fieldSelector';
import { parseLabelSelector } from '../store/labelSelector';
import type { StoredObject } from '../store/types';
import { isPlainObject } from '../util/json';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { ApiError, badRequest } from './errors';
import { decodeBody, readBody, sendJson } from './http';
import { sendObject } from './resourceHandlers';

async function readDeleteOptions(
  request: ResourceRequest,
): Promise<DeleteOptions> {
  const text = await readBody(request.req);
  const body = text.trim()
    ? decodeBody(text, request.req.headers['content-type'])
    : {};
  if (!isPlainObject(body))
    throw badRequest('DeleteOptions must be a JSON object');
  const policy =
    request.query.get('propagationPolicy') ?? body.propagationPolicy;
  if (
    policy !== undefined &&
    policy !== null &&
    !['Orphan', 'Background', 'Foreground'].includes(String(policy))
  ) {
    throw badRequest(
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}"`,
    );
  }
  const dryRun =
    request.query.getAll('dryRun').length > 0 ||
    (Array.isArray(body.dryRun) && body.dryRun.length > 0);
  const orphan =
    request.query.get('orphanDependents') === 'true' ||
    body.orphanDependents === true;
  const preconditions = isPlainObject(body.preconditions)
    ? body.preconditions
    : {};
  return {
    dryRun,
    propagationPolicy: orphan
      ? 'Orphan'
      : (policy as DeleteOptions['propagationPolicy']),
    preconditions: {
      uid:
        typeof preconditions.uid === 'string' ? preconditions.uid : undefined,
      resourceVersion:
        typeof preconditions.resourceVersion === 'string'
          ? preconditions.resourceVersion
          : undefined,
    },
  };
}

// The apiserver answers deletes of these with the object; other built-ins get a Status.
function returnsDeletedObject(type: ResourceType): boolean {
  return (
    type.custom ||
    (type.group === '' &&
      (type.resource === 'pods' || type.resource === 'namespaces'))
  );
}

function successStatus(type: ResourceType, stored: StoredObject): string {
  const { metadata } = stored.object;
  const details: Record<string, string> = {
    name: metadata.name!,
    kind: type.resource,
    uid: metadata.uid!,
  };
  if (type.group) details.group = type.group;
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details,
  });
}

export async function handleDelete(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  const options = await readDeleteOptions(request);
  const result = ctx.store.delete(
    request.type,
    request.namespace,
    request.name!,
    options,
  );
  const code = result.deleted || options.dryRun ? 200 : 202;
  if (returnsDeletedObject(request.type))
    sendObject(ctx, request, code, result.stored);
  else sendJson(request.res, code, successStatus(request.type, result.stored));
}

export async function handleDeleteCollection(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  const options = await readDeleteOptions(request);
  const { type, query } = request;
  const { items } = ctx.store.list(type, {
    namespace: request.namespace,
    labelSelector: parseLabelSelector(query.get('labelSelector')),
    fieldSelector: parseFieldSelector(
      query.get('fieldSelector'),
      type.selectableFields,
    ),
  });
  const deleted: string[] = [];
  for (const item of items) {
    try {
      const result = ctx.store.delete(type, item.namespace, item.name, options);
      deleted.push(result.stored.json);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 404)) throw error;
    }
  }
  const metadata = JSON.stringify({
    resourceVersion: String(ctx.store.currentResourceVersion()),
  });
  sendJson(
    request.res,
    200,
    `{"apiVersion":"${apiVersionOf(type)}","items":[${deleted.join(
      ',',
    )}],"kind":"${type.listKind}","metadata":${metadata}}`,
  );
}
