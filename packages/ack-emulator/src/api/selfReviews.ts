import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorizer } from '../auth/authorizer';
import type { ApiUser } from '../auth/tokenFile';
import { isPlainObject, type JsonObject } from '../util/json';
import { badRequest, methodNotAllowed } from './errors';
import { decodeObjectBody, readRawBody, sendJson } from './http';

const REVIEWS: Record<string, string> = {
  '/apis/authentication.k8s.io/v1/selfsubjectreviews': 'whoami',
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews': 'can-i',
};

export function isSelfReviewPath(path: string): boolean {
  return path in REVIEWS;
}

function groupsOf(user: ApiUser): string[] {
  return [...(user.groups ?? []), 'system:authenticated'];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * `kubectl auth whoami` and `kubectl auth can-i`: any authenticated user may
 * ask who they are and what they may do; the answer comes from the same
 * authorizer that guards every request.
 */
export async function handleSelfReview(
  authorizer: Authorizer,
  req: IncomingMessage,
  res: ServerResponse,
  user: ApiUser,
  path: string,
): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const body = decodeObjectBody(
    await readRawBody(req),
    req.headers['content-type'],
  );
  if (!isPlainObject(body))
    throw badRequest('the request body must be a JSON object');
  if (REVIEWS[path] === 'whoami') {
    sendJson(
      res,
      201,
      JSON.stringify({
        kind: 'SelfSubjectReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        status: { userInfo: { username: user.name, groups: groupsOf(user) } },
      }),
    );
    return;
  }
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const resource = isPlainObject(spec.resourceAttributes)
    ? spec.resourceAttributes
    : undefined;
  const nonResource = isPlainObject(spec.nonResourceAttributes)
    ? spec.nonResourceAttributes
    : undefined;
  if (!resource === !nonResource)
    throw badRequest(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  const allowed = resource
    ? authorizer.allowsResource(user, {
        verb: text(resource.verb),
        group: text(resource.group),
        resource: text(resource.resource),
        subresource: text(resource.subresource) || undefined,
        namespace: text(resource.namespace) || undefined,
        name: text(resource.name) || undefined,
      })
    : authorizer.allowsPath(
        user,
        text(nonResource!.verb),
        text(nonResource!.path),
      );
  const status: JsonObject = { allowed };
  if (!allowed) status.reason = '';
  sendJson(
    res,
    201,
    JSON.stringify({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status,
    }),
  );
}
