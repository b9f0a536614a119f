import type { JsonObject } from '../util/json';

/** A CRD-style printer column (`additionalPrinterColumns`). */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** An OpenAPI v3 schema node as used by CRD `openAPIV3Schema` (structural subset). */
export interface JsonSchema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-list-type'?: string;
  [extension: string]: unknown;
}

/** A table column computed in code for built-in kinds. */
export interface BuiltinColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  cell(object: JsonObject, now: number): unknown;
}

/** Everything the API layer needs to serve one resource (one group/version/plural). */
export interface ResourceType {
  group: string;
  version: string;
  /** Plural, lowercase: the REST path segment. */
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Whether a `status` subresource exists (main writes then ignore status). */
  statusSubresource: boolean;
  /** CRD-backed types are validated and pruned against this schema. */
  schema?: JsonSchema;
  /** Custom resources need apiVersion/kind in bodies; built-ins default them. */
  custom: boolean;
  /** Printer columns after NAME (CRD additionalPrinterColumns or built-in ones). */
  columns: BuiltinColumn[];
  /** Field selector labels beyond metadata.name/metadata.namespace. */
  selectableFields: string[];
}

export function apiVersionOf(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function resourceKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}
