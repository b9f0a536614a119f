/** A cause inside a Status' details, e.g. one failed field validation. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The metav1.Status object the apiserver returns for every failure. */
export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** An error that renders as a Kubernetes Status response. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toStatus(): StatusObject {
    const status: StatusObject = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** What error messages need to know about a resource: `imagecaches` + `eci.alibabacloud.com`. */
export interface ResourceRef {
  group: string;
  resource: string;
  kind: string;
}

/** `imagecaches.eci.alibabacloud.com` or `secrets` for the core group. */
export function qualifiedResource(ref: {
  group: string;
  resource: string;
}): string {
  return ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
}

function qualifiedKind(ref: ResourceRef): string {
  return ref.group ? `${ref.kind}.${ref.group}` : ref.kind;
}

function resourceDetails(ref: ResourceRef, name: string): StatusDetails {
  const details: StatusDetails = { name, kind: ref.resource };
  if (ref.group) details.group = ref.group;
  return details;
}

export function notFound(ref: ResourceRef, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualifiedResource(ref)} "${name}" not found`,
    resourceDetails(ref, name),
  );
}

export function alreadyExists(ref: ResourceRef, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(ref)} "${name}" already exists`,
    resourceDetails(ref, name),
  );
}

export function conflict(
  ref: ResourceRef,
  name: string,
  why: string,
): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(
      ref,
    )} "${name}": ${why}`,
    resourceDetails(ref, name),
  );
}

export const MODIFIED_CONFLICT =
  'the object has been modified; please apply your changes to the latest version and try again';

export function invalid(
  ref: ResourceRef,
  name: string,
  causes: StatusCause[],
): ApiError {
  const rendered = causes.map(c =>
    c.field ? `${c.field}: ${c.message}` : `${c.message}`,
  );
  const summary =
    rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  const details: StatusDetails = { name, kind: ref.kind, causes };
  if (ref.group) details.group = ref.group;
  return new ApiError(
    422,
    'Invalid',
    `${qualifiedKind(ref)} "${name}" is invalid: ${summary}`,
    details,
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(message: string, details?: StatusDetails): ApiError {
  return new ApiError(403, 'Forbidden', message, details);
}

export function resourceNotFound(): ApiError {
  return new ApiError(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );
}

export function methodNotAllowed(): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function notAcceptable(): ApiError {
  return new ApiError(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml',
  );
}

export function unsupportedMediaType(
  contentType: string,
  accepted: string[],
): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
      ', ',
    )}`,
    {
      causes: [
        {
          reason: 'UnexpectedHeader',
          message: `unsupported media type "${contentType}"`,
          field: 'Content-Type',
        },
      ],
    },
  );
}

export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'TooManyRequests',
    'Too many requests, please try again later.',
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function internalError(message: string): ApiError {
  return new ApiError(
    500,
    'InternalError',
    `Internal error occurred: ${message}`,
    { causes: [{ message }] },
  );
}

export function requestEntityTooLarge(): ApiError {
  return new ApiError(
    413,
    'RequestEntityTooLarge',
    'Request entity too large: limit is 3145728',
  );
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return internalError(error instanceof Error ? error.message : String(error));
}
