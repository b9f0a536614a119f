import type { StatusCause } from '../api/errors';
import { isPlainObject, type JsonObject } from '../util/json';

const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function validateObjectName(
  name: string,
  labelOnly: boolean,
): StatusCause[] {
  if (labelOnly) {
    if (name.length <= 63 && DNS1123_LABEL.test(name)) return [];
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        field: 'metadata.name',
      },
    ];
  }
  if (name.length <= 253 && DNS1123_SUBDOMAIN.test(name)) return [];
  return [
    {
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      field: 'metadata.name',
    },
  ];
}

function validKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  if (prefix && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)))
    return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** apimachinery's TotalAnnotationSizeLimitB: keys plus values of all annotations. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function annotationsSize(map: JsonObject): number {
  let total = 0;
  for (const [key, value] of Object.entries(map))
    total +=
      Buffer.byteLength(key) +
      (typeof value === 'string' ? Buffer.byteLength(value) : 0);
  return total;
}

/** Checks label and annotation keys/values like apimachinery's ValidateObjectMeta. */
export function validateLabelsAndAnnotations(
  metadata: JsonObject,
): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const field of ['labels', 'annotations'] as const) {
    const map = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isPlainObject(map)) {
      causes.push({
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${typeof map}": metadata.${field} in body must be of type object`,
        field: `metadata.${field}`,
      });
      continue;
    }
    if (
      field === 'annotations' &&
      annotationsSize(map) > TOTAL_ANNOTATION_SIZE_LIMIT
    ) {
      causes.push({
        reason: 'FieldValueTooLong',
        message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
        field: 'metadata.annotations',
      });
    }
    for (const [key, value] of Object.entries(map)) {
      if (!validKey(key)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
          field: `metadata.${field}`,
        });
      }
      if (typeof value !== 'string') {
        causes.push({
          reason: 'FieldValueTypeInvalid',
          message: `Invalid value: ${JSON.stringify(value)}: must be a string`,
          field: `metadata.${field}.${key}`,
        });
      } else if (
        field === 'labels' &&
        (value.length > 63 || !LABEL_VALUE.test(value))
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
          field: `metadata.labels`,
        });
      }
    }
  }
  return causes;
}
