import { z } from 'zod';
import { FLEET_SORT_KEYS, FleetQuery, MAX_FLEET_PAGE_SIZE } from './fleetTypes';

const DEFAULT_PAGE_SIZE = 50;
const MAX_DAYS = 3650;
/** Offsets past this are refused: no fleet holds that many caches. */
const MAX_OFFSET = 1_000_000;

function wholeNumber(min: number, max: number) {
  const rule = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, rule)
    .transform(Number)
    .pipe(z.number().min(min, rule).max(max, rule));
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const rule =
    values.length === 2
      ? `must be "${values[0]}" or "${values[1]}"`
      : `must be one of ${values.join(', ')}`;
  return z.enum(values, { error: rule });
}

const flag = oneOf(['true', 'false'] as const).transform(
  value => value === 'true',
);

/**
 * A fleet query with its defaults applied, as the backend reads it.
 *
 * @public
 */
export type ParsedFleetQuery = Required<
  Pick<FleetQuery, 'limit' | 'offset' | 'sort' | 'order'>
> &
  FleetQuery;

/**
 * `GET /fleet/caches` query: strings in, typed values out; anything unknown is refused.
 *
 * @public
 */
export const fleetQuerySchema: z.ZodType<ParsedFleetQuery> = z
  .object({
    limit: wholeNumber(1, MAX_FLEET_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    offset: wholeNumber(0, MAX_OFFSET).default(0),
    sort: oneOf(FLEET_SORT_KEYS).default('cluster'),
    order: oneOf(['asc', 'desc'] as const).default('asc'),
    expiringWithinDays: wholeNumber(0, MAX_DAYS).optional(),
    failed: flag.optional(),
    orphaned: flag.optional(),
    unusedForDays: wholeNumber(0, MAX_DAYS).optional(),
    cluster: z.string().min(1).max(253).optional(),
    origin: oneOf(['managed', 'eci-auto', 'unmanaged'] as const).optional(),
  })
  .strict() as unknown as z.ZodType<ParsedFleetQuery>;
