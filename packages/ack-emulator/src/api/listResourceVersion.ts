import type { ApiContext } from './ApiContext';
import { ApiError, invalid } from './errors';

const LIST_OPTIONS = {
  group: 'meta.k8s.io',
  resource: '',
  kind: 'ListOptions',
};

/**
 * How long a list waits for a resourceVersion newer than the store's before
 * answering 504. The apiserver's watch cache waits 3 s; nothing here can
 * catch up that late, so the emulator keeps the wait short.
 */
export const TOO_LARGE_WAIT_MS = 1_000;

/** The apiserver's ListOptions validation and its wait for a future resourceVersion. */
export async function checkListResourceVersion(
  ctx: ApiContext,
  query: URLSearchParams,
): Promise<void> {
  const match = query.get('resourceVersionMatch') ?? '';
  const resourceVersion = query.get('resourceVersion') ?? '';
  if (match) {
    const cause = (message: string, reason = 'FieldValueForbidden') => [
      { reason, message, field: 'resourceVersionMatch' },
    ];
    if (match !== 'Exact' && match !== 'NotOlderThan')
      throw invalid(
        LIST_OPTIONS,
        '',
        cause(
          `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`,
          'FieldValueNotSupported',
        ),
      );
    if (query.get('continue'))
      throw invalid(
        LIST_OPTIONS,
        '',
        cause(
          'Forbidden: resourceVersionMatch is forbidden when continue is provided',
        ),
      );
    if (!resourceVersion)
      throw invalid(
        LIST_OPTIONS,
        '',
        cause(
          'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
        ),
      );
    if (match === 'Exact' && resourceVersion === '0')
      throw invalid(
        LIST_OPTIONS,
        '',
        cause(
          'Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
  }
  const requested = Number(resourceVersion);
  if (!resourceVersion || !Number.isInteger(requested) || requested <= 0)
    return;
  const deadline = Date.now() + TOO_LARGE_WAIT_MS;
  while (requested > ctx.store.currentResourceVersion()) {
    if (Date.now() >= deadline)
      throw tooLargeResourceVersion(
        requested,
        ctx.store.currentResourceVersion(),
      );
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

export function tooLargeResourceVersion(
  requested: number,
  current: number,
): ApiError {
  return new ApiError(
    504,
    'Timeout',
    `Timeout: Too large resource version: ${requested}, current: ${current}`,
    {
      causes: [
        {
          reason: 'ResourceVersionTooLarge',
          message: 'Too large resource version',
        },
      ],
      retryAfterSeconds: 1,
    },
  );
}
