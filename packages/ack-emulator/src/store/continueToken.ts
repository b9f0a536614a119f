import { badRequest } from '../api/errors';

export interface ContinuePosition {
  /** The snapshot resourceVersion the first page was served at. */
  rv: number;
  /** The storage key of the last item returned. */
  start: string;
}

export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: position.rv,
      start: position.start,
    }),
  ).toString('base64url');
}

export function decodeContinue(token: string): ContinuePosition {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      parsed.v === 'meta.k8s.io/v1' &&
      Number.isInteger(parsed.rv) &&
      typeof parsed.start === 'string'
    ) {
      return { rv: parsed.rv, start: parsed.start };
    }
  } catch {
    // fall through to the apiserver's error
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}
