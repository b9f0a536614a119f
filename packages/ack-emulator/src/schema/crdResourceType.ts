import { isPlainObject, type JsonObject } from '../util/json';
import { ALL_VERBS, nameColumn } from './builtinResources';
import { columnFromPrinterColumn, defaultAgeColumn } from './printerColumns';
import type { JsonSchema, PrinterColumn, ResourceType } from './ResourceType';

/** Builds the served resource of an `apiextensions.k8s.io/v1` CustomResourceDefinition (its storage version). */
export function resourceTypeFromCrd(crd: JsonObject): ResourceType {
  const spec = crd.spec as JsonObject;
  const names = spec.names as JsonObject;
  const versions = (spec.versions as JsonObject[]).filter(
    v => v.served !== false,
  );
  const version = versions.find(v => v.storage === true) ?? versions[0];
  if (!version)
    throw new Error(
      `CRD ${(crd.metadata as JsonObject).name} serves no version`,
    );
  const subresources = isPlainObject(version.subresources)
    ? version.subresources
    : {};
  const printerColumns =
    (version.additionalPrinterColumns as PrinterColumn[] | undefined) ?? [];
  const schema = (version.schema as JsonObject | undefined)?.openAPIV3Schema as
    | JsonSchema
    | undefined;
  return {
    group: spec.group as string,
    version: version.name as string,
    resource: names.plural as string,
    singular: (names.singular as string) ?? String(names.kind).toLowerCase(),
    kind: names.kind as string,
    listKind: (names.listKind as string) ?? `${names.kind}List`,
    namespaced: spec.scope === 'Namespaced',
    shortNames: (names.shortNames as string[]) ?? [],
    categories: (names.categories as string[]) ?? [],
    verbs: ALL_VERBS,
    statusSubresource: isPlainObject(subresources.status),
    schema,
    custom: true,
    columns:
      printerColumns.length > 0
        ? [nameColumn, ...printerColumns.map(columnFromPrinterColumn)]
        : [nameColumn, defaultAgeColumn()],
    selectableFields: [],
  };
}
