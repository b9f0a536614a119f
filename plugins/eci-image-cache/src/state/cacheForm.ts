import {
  CreateCacheRequest,
  EffectiveEntityConfig,
  ValidationProblem,
  diffImageSets,
  formatPullSecret,
  validateImageCacheSize,
  validateImageList,
  validatePullSecretList,
  validateRetentionDays,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The create/refresh dialog's fields, as typed. */
export interface CacheFormValues {
  cluster: string;
  /** One image per line (commas work too). */
  images: string;
  imageCacheSize: string;
  /** Empty: the configured default. */
  retentionDays: string;
  /** Comma-separated `namespace:name`; empty for none. */
  imagePullSecrets: string;
  enableReuse: boolean;
}

/** Messages per field; a field without an entry is valid. */
export type CacheFormErrors = Partial<Record<keyof CacheFormValues, string[]>>;

/** The checked form: errors per field, warnings (e.g. floating tags) and the request to send. */
export interface CheckedCacheForm {
  errors: CacheFormErrors;
  warnings: ValidationProblem[];
  /** Only the fields that differ from the effective configuration; absent when there are errors. */
  request?: CreateCacheRequest;
}

function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map(entry => entry.trim())
    .filter(entry => entry !== '');
}

function messages(problems: ValidationProblem[]): string[] {
  return problems.map(problem => problem.message);
}

/** The dialog prefilled from the entity's effective configuration (annotations, settings, defaults). */
export function initialCacheForm(
  config: EffectiveEntityConfig,
  cluster: string,
): CacheFormValues {
  return {
    cluster,
    images: config.images.value.join('\n'),
    imageCacheSize: String(config.imageCacheSize.value),
    retentionDays:
      config.retentionDays.value === null
        ? ''
        : String(config.retentionDays.value),
    imagePullSecrets: config.imagePullSecrets.value.join(', '),
    enableReuse: true,
  };
}

/** Validates every field with the common package's rules and builds the request. */
export function checkCacheForm(
  values: CacheFormValues,
  config: EffectiveEntityConfig,
): CheckedCacheForm {
  const errors: CacheFormErrors = {};
  const warnings: ValidationProblem[] = [];
  const request: CreateCacheRequest = {};

  const images = validateImageList(splitList(values.images), 'Images');
  warnings.push(...images.warnings);
  if (!images.ok) {
    errors.images = messages(images.problems);
  } else {
    const written = images.value.map(image => image.original);
    if (!diffImageSets(config.images.value, written).matches) {
      request.images = written;
    }
  }

  const size = validateImageCacheSize(values.imageCacheSize.trim(), 'Size');
  if (!size.ok) {
    errors.imageCacheSize = messages(size.problems);
  } else if (size.value !== config.imageCacheSize.value) {
    request.imageCacheSize = size.value;
  }

  const retentionText = values.retentionDays.trim();
  if (retentionText !== '') {
    const retention = validateRetentionDays(retentionText, 'Retention');
    if (!retention.ok) {
      errors.retentionDays = messages(retention.problems);
    } else if (retention.value !== config.retentionDays.value) {
      request.retentionDays = retention.value;
    }
  }

  const secretEntries = splitList(values.imagePullSecrets);
  const secrets = validatePullSecretList(secretEntries, 'Pull secrets');
  if (!secrets.ok) {
    errors.imagePullSecrets = messages(secrets.problems);
  } else {
    const written = secrets.value.map(formatPullSecret);
    if (written.join(',') !== config.imagePullSecrets.value.join(',')) {
      request.imagePullSecrets = written;
    }
  }

  if (values.cluster !== config.cluster.value) {
    request.cluster = values.cluster;
  }
  if (!values.enableReuse) {
    request.enableReuse = false;
  }

  return Object.keys(errors).length > 0
    ? { errors, warnings }
    : { errors, warnings, request };
}
