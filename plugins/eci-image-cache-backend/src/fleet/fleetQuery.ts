import {
  FLEET_SORT_KEYS,
  FleetQuery,
  MAX_FLEET_PAGE_SIZE,
} from '@eci-portal/plugin-eci-image-cache-common';
import { z } from 'zod';

const DEFAULT_PAGE_SIZE = 50;
const MAX_DAYS = 3650;
/** Offsets past this are refused: no fleet holds that many caches. */
const MAX_OFFSET = 1_000_000;

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be a whole number from ${min} to ${max}`)
        .max(max, `must be a whole number from ${min} to ${max}`),
    );
}

const flag = z
  .enum(['true', 'false'], {
    errorMap: () => ({ message: 'must be "true" or "false"' }),
  })
  .transform(value => value === 'true');

/** `GET /fleet/caches` query: strings in, typed values out; anything unknown is refused. */
export const fleetQuerySchema = z
  .object({
    limit: wholeNumber(1, MAX_FLEET_PAGE_SIZE).default(`${DEFAULT_PAGE_SIZE}`),
    offset: wholeNumber(0, MAX_OFFSET).default('0'),
    sort: z
      .enum(FLEET_SORT_KEYS, {
        errorMap: () => ({
          message: `must be one of ${FLEET_SORT_KEYS.join(', ')}`,
        }),
      })
      .default('cluster'),
    order: z
      .enum(['asc', 'desc'], {
        errorMap: () => ({ message: 'must be "asc" or "desc"' }),
      })
      .default('asc'),
    expiringWithinDays: wholeNumber(0, MAX_DAYS).optional(),
    failed: flag.optional(),
    orphaned: flag.optional(),
    unusedForDays: wholeNumber(0, MAX_DAYS).optional(),
    cluster: z.string().min(1).max(253).optional(),
    origin: z
      .enum(['managed', 'eci-auto', 'unmanaged'], {
        errorMap: () => ({
          message: 'must be one of managed, eci-auto, unmanaged',
        }),
      })
      .optional(),
  })
  .strict();

export type ParsedFleetQuery = Required<
  Pick<FleetQuery, 'limit' | 'offset' | 'sort' | 'order'>
> &
  FleetQuery;

/** The schema typed by what it gives, for `parse` (it accepts the query's strings). */
export const parsedFleetQuerySchema =
  fleetQuerySchema as unknown as z.ZodType<ParsedFleetQuery>;
