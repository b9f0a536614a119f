import { invalid, valid, ValidationResult } from './result';

/** Plain decimal digits without sign, spaces, exponent or leading zeros. */
const DECIMAL_INTEGER = /^(0|[1-9][0-9]*)$/;

/** Smallest ImageCache size in GiB accepted by ECI. @public */
export const MIN_IMAGE_CACHE_SIZE_GIB = 20;
/** Largest ImageCache size in GiB accepted by ECI. @public */
export const MAX_IMAGE_CACHE_SIZE_GIB = 32768;
/** ImageCache size in GiB that ECI uses when none is given. @public */
export const DEFAULT_IMAGE_CACHE_SIZE_GIB = 20;
/** Smallest ImageCache retention in days accepted by ECI. @public */
export const MIN_RETENTION_DAYS = 1;
/** Largest ImageCache retention in days accepted by ECI. @public */
export const MAX_RETENTION_DAYS = 65536;

interface IntegerRange {
  min: number;
  max: number;
  unit: string;
}

/** `1 day`, `7 days`, `20 GiB`. */
function quantity(count: number, unit: string): string {
  return `${count} ${count === 1 ? unit.replace(/s$/, '') : unit}`;
}

/**
 * Accepts a safe integer, or a string of plain decimal digits (annotation values are strings).
 * `7.5`, `1e3`, `+7`, ` 7`, `0x10` and `07` are rejected: each has a reading in some YAML or JS parser
 * that differs from the decimal one, so a user could not be sure which number they asked for.
 */
function validateIntegerInRange(
  raw: unknown,
  field: string,
  range: IntegerRange,
): ValidationResult<number> {
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) {
      return invalid(field, raw, 'integer', 'is not a whole number');
    }
    value = raw;
  } else if (typeof raw === 'string') {
    if (raw === '') {
      return invalid(field, raw, 'required', 'is required');
    }
    if (!DECIMAL_INTEGER.test(raw)) {
      return invalid(
        field,
        raw,
        'integer',
        'is not a whole number written in plain decimal digits (no sign, spaces, exponent or leading zeros)',
      );
    }
    // Longer digit strings are far above every maximum and beyond exact doubles.
    value = raw.length > 15 ? Infinity : Number(raw);
  } else if (raw === undefined || raw === null) {
    return invalid(field, undefined, 'required', 'is required');
  } else {
    return invalid(field, raw, 'type', 'must be a whole number');
  }
  if (value < range.min) {
    return invalid(
      field,
      raw,
      'minimum',
      `is below the minimum ${quantity(range.min, range.unit)}`,
    );
  }
  if (value > range.max) {
    return invalid(
      field,
      raw,
      'maximum',
      `is above the maximum ${quantity(range.max, range.unit)}`,
    );
  }
  return valid(value);
}

/**
 * Validates an ImageCache size: a whole number of GiB from 20 to 32768.
 *
 * @public
 */
export function validateImageCacheSize(
  raw: unknown,
  field: string = 'imageCacheSize',
): ValidationResult<number> {
  return validateIntegerInRange(raw, field, {
    min: MIN_IMAGE_CACHE_SIZE_GIB,
    max: MAX_IMAGE_CACHE_SIZE_GIB,
    unit: 'GiB',
  });
}

/**
 * Validates an ImageCache retention: a whole number of days from 1 to 65536.
 *
 * @public
 */
export function validateRetentionDays(
  raw: unknown,
  field: string = 'retentionDays',
): ValidationResult<number> {
  return validateIntegerInRange(raw, field, {
    min: MIN_RETENTION_DAYS,
    max: MAX_RETENTION_DAYS,
    unit: 'days',
  });
}
