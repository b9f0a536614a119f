import { recordUpdate } from '../patch/managedFields';
import { applyJsonPatch } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import { serverSideApply } from '../patch/serverSideApply';
import { applyStrategicMergePatch } from '../patch/strategicMergePatch';
import type { ResourceType } from '../schema/ResourceType';
import type { KubeObject } from '../store/types';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { badRequest, notFound, unsupportedMediaType } from './errors';
import { decodeBody, mediaType, readBody } from './http';
import {
  checkObjectBody,
  fieldManagerOf,
  fieldValidationOf,
  isDryRun,
  sendObject,
} from './resourceHandlers';

const APPLY = 'application/apply-patch+yaml';
const STRATEGIC = 'application/strategic-merge-patch+json';
const JSON_AND_MERGE = [
  'application/json-patch+json',
  'application/merge-patch+json',
];

/** Custom resources have no patch strategies in Go structs, so the apiserver refuses strategic merge for them. */
function patchTypesOf(type: ResourceType): string[] {
  return type.custom
    ? [...JSON_AND_MERGE, APPLY]
    : [...JSON_AND_MERGE, STRATEGIC, APPLY];
}

function requireSameName(object: KubeObject, name: string): void {
  if (object.metadata.name !== undefined && object.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  object.metadata.name = name;
}

/** PATCH: JSON patch, merge patch, strategic merge (built-in kinds only) and server-side apply. */
export async function handlePatch(
  ctx: ApiContext,
  request: ResourceRequest,
): Promise<void> {
  const { type, namespace, query } = request;
  const name = request.name!;
  const contentType = mediaType(request.req.headers['content-type']);
  const patchTypes = patchTypesOf(type);
  if (!patchTypes.includes(contentType))
    throw unsupportedMediaType(contentType, patchTypes);
  const patch = decodeBody(await readBody(request.req), contentType);
  const live = ctx.store.get(type, namespace, name);
  const common = {
    dryRun: isDryRun(request),
    fieldValidation: fieldValidationOf(request),
    subresource: request.subresource,
  };

  if (contentType === APPLY) {
    const manager = query.get('fieldManager');
    if (!manager)
      throw badRequest(
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
    const applied = checkObjectBody(
      { ...type, custom: true },
      patch,
      namespace,
    );
    requireSameName(applied, name);
    const result = serverSideApply(live?.object, applied, {
      manager,
      force: query.get('force') === 'true',
      subresource: request.subresource,
      now: ctx.clock.now(),
    });
    if (!live) {
      if (request.subresource) throw notFound(type, name);
      const { stored, warnings } = ctx.store.create(type, result, common);
      sendObject(ctx, request, 201, stored, warnings);
    } else {
      const { stored, warnings } = ctx.store.update(type, result, common);
      sendObject(ctx, request, 200, stored, warnings);
    }
    return;
  }

  if (!live) throw notFound(type, name);
  let patched: unknown;
  if (contentType === 'application/json-patch+json')
    patched = applyJsonPatch(live.object, patch);
  else if (contentType === 'application/merge-patch+json')
    patched = applyMergePatch(live.object, patch);
  else patched = applyStrategicMergePatch(live.object, patch);
  const object = checkObjectBody(type, patched, namespace);
  requireSameName(object, name);
  const manager = fieldManagerOf(request);
  const { stored, warnings } = ctx.store.update(type, object, {
    ...common,
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
