import {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * The request as an anonymous caller sent it: the same IP, user agent, method and URL, without
 * the `Authorization` header and cookies. The auditor resolves its caller as unauthenticated.
 */
function withoutCredentials(request: Request): Request {
  const {
    authorization: _authorization,
    cookie: _cookie,
    ...headers
  } = request.headers;
  return Object.create(request, {
    headers: { value: headers, enumerable: true },
  });
}

/**
 * Opens an audit event of a request. Credentials the framework cannot resolve (an invalid or
 * expired token) make the auditor throw; the event then names no actor, with the request's IP
 * and user agent, rather than falling back to the plugin's own identity.
 */
export async function createRequestAuditEvent(
  auditor: AuditorService,
  request: Request,
  eventId: string,
  meta: JsonObject,
): Promise<AuditorServiceEvent> {
  const options = { eventId, severityLevel: 'medium' as const, meta };
  try {
    return await auditor.createEvent({ ...options, request });
  } catch {
    return auditor.createEvent({
      ...options,
      request: withoutCredentials(request),
      meta: { ...meta, credentials: 'invalid' },
    });
  }
}
