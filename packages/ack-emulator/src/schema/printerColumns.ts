import { humanDuration } from '../util/humanDuration';
import type { JsonObject } from '../util/json';
import { compileJsonPath } from '../util/jsonPath';
import { parseTimestamp } from '../util/time';
import type { BuiltinColumn, PrinterColumn } from './ResourceType';

export function ageCell(timestamp: unknown, now: number): string {
  const time = parseTimestamp(timestamp);
  return time === undefined ? '<unknown>' : humanDuration(now - time);
}

/** Mirrors apiextensions-apiserver's tableconvertor: strings printed, dates as ages, numbers typed. */
function cellFor(column: PrinterColumn, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'date':
      return typeof value === 'string' ? ageCell(value, now) : null;
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    default:
      return null;
  }
}

export function columnFromPrinterColumn(column: PrinterColumn): BuiltinColumn {
  const evaluate = compileJsonPath(column.jsonPath);
  return {
    name: column.name,
    type: column.type,
    format: column.format,
    description: column.description,
    priority: column.priority ?? 0,
    cell: (object: JsonObject, now: number) =>
      cellFor(column, evaluate(object)[0], now),
  };
}

export function defaultAgeColumn(): BuiltinColumn {
  return {
    name: 'Age',
    type: 'date',
    description:
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    cell: (object, now) =>
      ageCell(
        (object.metadata as JsonObject | undefined)?.creationTimestamp,
        now,
      ),
  };
}
