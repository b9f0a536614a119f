import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  InputError,
  NotFoundError,
  toError,
} from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import express, {
  ErrorRequestHandler,
  Request,
  RequestHandler,
  Response,
} from 'express';
import { createRequestAuditEvent } from './auditEvents';

/** Largest accepted request body, after decompression. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body was larger than {@link MAX_BODY_BYTES} (compressed or not). */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** What the audit of a request needs, kept in `res.locals` by {@link guardRequest}. */
interface RequestAudit {
  eventId: string;
  meta: JsonObject;
  /** The route recorded its own event (success or failure). */
  recorded: boolean;
}

/** Event id of refusals of routes that record no event of their own (reads, unknown routes). */
export const REFUSED_REQUEST_EVENT = 'request-refused';

export function requestAuditOf(res: Response): RequestAudit {
  return res.locals.eciRequestAudit as RequestAudit;
}

function auditMetaOf(request: Request): JsonObject {
  const { kind, namespace, name, cluster, cacheName } = request.params;
  return {
    ...(kind ? { entityRef: `${kind}:${namespace}/${name}` } : {}),
    ...(cluster ? { cluster } : {}),
    ...(cacheName ? { cacheName } : {}),
  };
}

const parseJson = express.json({ limit: MAX_BODY_BYTES });

/**
 * Body-parser errors carry the raw body and the parser's message (which quotes it); callers get
 * a short error naming the rule instead.
 */
function bodyError(error: unknown): Error {
  const { type, status } = error as { type?: string; status?: number };
  if (type === 'entity.too.large') {
    return new PayloadTooLargeError(
      `The request body is larger than ${
        MAX_BODY_BYTES / 1024
      } KB (after decompression)`,
    );
  }
  if (type === 'entity.parse.failed') {
    return new InputError(
      'The request body is not valid JSON (an object is expected)',
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new InputError(
      'The request body has an unsupported encoding (UTF-8 JSON, optionally gzip or deflate)',
    );
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new InputError('The request body could not be read');
  }
  return toError(error);
}

/**
 * The middleware in front of every route, in this order: remember the route's audit event,
 * authenticate (a user or a service), then parse the body. Nothing reads a body of a caller that is not authenticated.
 */
export function guardRequest(options: {
  httpAuth: HttpAuthService;
  eventId?: string;
  // `any` params: each route's handler keeps the parameters Express infers from its path.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
}): RequestHandler<any> {
  const remember: RequestHandler = (req, res, next) => {
    const audit: RequestAudit = {
      eventId: options.eventId ?? REFUSED_REQUEST_EVENT,
      meta: auditMetaOf(req),
      recorded: false,
    };
    res.locals.eciRequestAudit = audit;
    next();
  };
  const authenticate: RequestHandler = (req, _res, next) => {
    options.httpAuth
      .credentials(req, { allow: ['user', 'service'] })
      .then(() => next(), next);
  };
  const body: RequestHandler = (req, res, next) =>
    parseJson(req, res, error => next(error ? bodyError(error) : undefined));
  return (req, res, next) => {
    const request = req as unknown as Request;
    remember(request, res, () =>
      authenticate(request, res, error =>
        error ? next(error) : body(request, res, next),
      ),
    );
  };
}

/** Unknown routes: a Backstage JSON 404 (after authentication, so routes cannot be probed). */
export const routeNotFound: RequestHandler = req => {
  throw new NotFoundError(
    `${req.method} ${req.baseUrl}${req.path} is not a route of the ECI image cache API`,
  );
};

function statusOf(error: Error): number {
  const { statusCode, status } = error as {
    statusCode?: unknown;
    status?: unknown;
  };
  const explicit = statusCode ?? status;
  if (typeof explicit === 'number') {
    return explicit;
  }
  const byName: Record<string, number> = {
    InputError: 400,
    AuthenticationError: 401,
    NotAllowedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
  };
  return byName[error.name] ?? 500;
}

/**
 * Audits every refusal (4xx) that its route did not record itself: authentication (401),
 * body parsing (400, 413), queries (400), permissions (403), unknown routes (404).
 */
export function auditRefusals(auditor: AuditorService): ErrorRequestHandler {
  return async (rawError, req, res, next) => {
    const error = toError(rawError);
    const audit = requestAuditOf(res);
    const status = statusOf(error);
    try {
      if (audit && !audit.recorded && status >= 400 && status < 500) {
        audit.recorded = true;
        const event = await createRequestAuditEvent(
          auditor,
          req,
          audit.eventId,
          { ...audit.meta, status },
        );
        await event.fail({ error });
      }
    } finally {
      next(error);
    }
  };
}
