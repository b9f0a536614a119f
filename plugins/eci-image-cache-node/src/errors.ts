import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';

const ERRORS_BY_NAME: Record<string, new (message: string, cause?: Error) => Error> = {
  InputError,
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ConflictError,
  NotImplementedError,
  ServiceUnavailableError,
};

const ERRORS_BY_STATUS: Record<number, string> = {
  400: 'InputError',
  401: 'AuthenticationError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  501: 'NotImplementedError',
  503: 'ServiceUnavailableError',
};

/**
 * Turns a failed response of the backend plugin into the matching `@backstage/errors`
 * class with the server's message; the ResponseError is kept as `cause`.
 */
export async function errorFromResponse(response: Response): Promise<Error> {
  const responseError = await ResponseError.fromResponse(response);
  const name =
    responseError.cause?.name && ERRORS_BY_NAME[responseError.cause.name]
      ? responseError.cause.name
      : ERRORS_BY_STATUS[response.status];
  const ErrorClass = name ? ERRORS_BY_NAME[name] : undefined;
  if (!ErrorClass) {
    return responseError;
  }
  return new ErrorClass(responseError.cause?.message || responseError.message, responseError);
}
