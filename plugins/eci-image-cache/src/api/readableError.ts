import { ResponseError } from '@backstage/errors';

/**
 * A message a user can act on: the server's own message for HTTP errors (e.g. the field and rule
 * a 400 names), and a hint when the backend cannot be reached at all.
 */
export function readableError(error: unknown): string {
  if (ResponseError.is(error)) {
    const serverMessage = error.body?.error?.message?.trim();
    const status = `${error.statusCode}${
      error.statusText ? ` ${error.statusText}` : ''
    }`;
    return serverMessage
      ? `${serverMessage} (HTTP ${status})`
      : `The image cache backend answered HTTP ${status}.`;
  }
  if (error instanceof TypeError) {
    return `Cannot reach the image cache backend: ${error.message}`;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
