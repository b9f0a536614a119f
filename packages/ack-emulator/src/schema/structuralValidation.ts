import type { StatusCause } from '../api/errors';
import { isPlainObject } from '../util/json';
import type { JsonSchema } from './ResourceType';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function render(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function matchesType(value: unknown, schema: JsonSchema): boolean {
  if (value === null) return schema.nullable === true;
  if (schema['x-kubernetes-int-or-string']) {
    return (
      typeof value === 'string' ||
      (typeof value === 'number' && Number.isInteger(value))
    );
  }
  switch (schema.type) {
    case undefined:
      return true;
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/**
 * Validates a value against a CRD structural schema the way the apiserver does,
 * returning causes with the apiserver's reasons and messages.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JsonSchema,
  path: string,
): StatusCause[] {
  const causes: StatusCause[] = [];
  const field = path;
  if (!matchesType(value, schema)) {
    const actual = typeName(value);
    causes.push({
      reason: 'FieldValueTypeInvalid',
      message: `Invalid value: "${actual}": ${field} in body must be of type ${schema.type}: "${actual}"`,
      field,
    });
    return causes;
  }
  if (value === null) return causes;

  if (schema.enum && !schema.enum.some(allowed => allowed === value)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${render(
        value,
      )}: supported values: ${schema.enum.map(render).join(', ')}`,
      field,
    });
  }

  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${render(
          value,
        )}: ${field} in body should be at least ${schema.minLength} chars long`,
        field,
      });
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      causes.push({
        reason: 'FieldValueTooLong',
        message: `Too long: may not be more than ${schema.maxLength} bytes`,
        field,
      });
    }
    if (
      schema.pattern !== undefined &&
      !new RegExp(schema.pattern, 'u').test(value)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${render(
          value,
        )}: ${field} in body should match '${schema.pattern}'`,
        field,
      });
    }
  }

  if (typeof value === 'number') {
    if (
      schema.minimum !== undefined &&
      (schema.exclusiveMinimum
        ? value <= schema.minimum
        : value < schema.minimum)
    ) {
      const relation = schema.exclusiveMinimum
        ? 'greater than'
        : 'greater than or equal to';
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${value}: ${field} in body should be ${relation} ${schema.minimum}`,
        field,
      });
    }
    if (
      schema.maximum !== undefined &&
      (schema.exclusiveMaximum
        ? value >= schema.maximum
        : value > schema.maximum)
    ) {
      const relation = schema.exclusiveMaximum
        ? 'less than'
        : 'less than or equal to';
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${value}: ${field} in body should be ${relation} ${schema.maximum}`,
        field,
      });
    }
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${value.length}: ${field} in body should have at least ${schema.minItems} items`,
        field,
      });
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      causes.push({
        reason: 'FieldValueTooMany',
        message: `Too many: ${value.length}: must have at most ${schema.maxItems} items`,
        field,
      });
    }
    if (schema.items) {
      value.forEach((item, i) =>
        causes.push(
          ...validateAgainstSchema(item, schema.items!, `${path}[${i}]`),
        ),
      );
    }
  }

  if (isPlainObject(value)) {
    for (const required of schema.required ?? []) {
      if (value[required] === undefined) {
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: join(path, required),
        });
      }
    }
    const count = Object.keys(value).length;
    if (schema.minProperties !== undefined && count < schema.minProperties) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${count}: ${field} in body should have at least ${schema.minProperties} properties`,
        field,
      });
    }
    if (schema.maxProperties !== undefined && count > schema.maxProperties) {
      causes.push({
        reason: 'FieldValueTooMany',
        message: `Too many: ${count}: must have at most ${schema.maxProperties} items`,
        field,
      });
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const childSchema = schema.properties?.[key];
      if (childSchema) {
        causes.push(
          ...validateAgainstSchema(child, childSchema, join(path, key)),
        );
      } else if (isPlainObject(schema.additionalProperties)) {
        causes.push(
          ...validateAgainstSchema(
            child,
            schema.additionalProperties,
            `${path}[${key}]`,
          ),
        );
      }
    }
  }
  return causes;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
