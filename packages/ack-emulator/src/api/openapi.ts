import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../schema/ResourceRegistry';
import type { ResourceType } from '../schema/ResourceType';
import { cloneJson, isPlainObject, type JsonObject } from '../util/json';
import { CORE_DEFINITIONS, CORE_KIND_SCHEMAS } from './coreOpenApiSchemas';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function schemaName(type: ResourceType, kind = type.kind): string {
  if (!type.group) return `io.k8s.api.core.v1.${kind}`;
  if (type.group === 'apiextensions.k8s.io')
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${type.version}.${kind}`;
  return `${type.group.split('.').reverse().join('.')}.${type.version}.${kind}`;
}

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** Operation ids like the apiserver's: listEciAlibabacloudComV1ImageCache. */
function operationId(action: string, type: ResourceType, suffix = ''): string {
  const group = type.group
    .split('.')
    .filter(part => part !== 'k8s' && part !== 'io')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  const version = type.version.charAt(0).toUpperCase() + type.version.slice(1);
  const scope =
    type.namespaced && action !== 'listForAllNamespaces' ? 'Namespaced' : '';
  const verb = action === 'listForAllNamespaces' ? 'list' : action;
  const tail = action === 'listForAllNamespaces' ? 'ForAllNamespaces' : '';
  return `${verb}${group || 'Core'}${version}${scope}${
    type.kind
  }${suffix}${tail}`;
}

const queryParam = (
  name: string,
  description: string,
  schema: JsonObject = { type: 'string', uniqueItems: true },
) => ({
  name,
  in: 'query',
  description,
  schema,
});

const WRITE_PARAMS = [
  queryParam(
    'dryRun',
    'When present, indicates that modifications should not be persisted.',
  ),
  queryParam(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  queryParam(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn (default), Strict.',
  ),
];
const LIST_PARAMS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
].map(name => queryParam(name, `${name} query parameter`));

function jsonContent(schemaRef: string) {
  const schema = ref(schemaRef);
  return { 'application/json': { schema }, 'application/yaml': { schema } };
}

function operation(
  type: ResourceType,
  action: string,
  k8sAction: string,
  responseSchema: string,
  extra: JsonObject = {},
): JsonObject {
  return {
    tags: [
      type.group ? `${type.group}_${type.version}` : `core_${type.version}`,
    ],
    operationId: operationId(
      action,
      type,
      extra.operationSuffix as string | undefined,
    ),
    responses: {
      '200': { description: 'OK', content: jsonContent(responseSchema) },
      '401': { description: 'Unauthorized' },
    },
    'x-kubernetes-action': k8sAction,
    'x-kubernetes-group-version-kind': {
      group: type.group,
      version: type.version,
      kind: type.kind,
    },
    ...Object.fromEntries(
      Object.entries(extra).filter(([key]) => key !== 'operationSuffix'),
    ),
  };
}

function patchOperation(type: ResourceType, suffix = ''): JsonObject {
  const patchTypes = [
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/apply-patch+yaml',
  ];
  if (!type.custom) patchTypes.push('application/strategic-merge-patch+json');
  return operation(type, 'patch', 'patch', schemaName(type), {
    operationSuffix: suffix,
    parameters: [
      ...WRITE_PARAMS,
      queryParam('force', 'Force is going to "force" Apply requests.', {
        type: 'boolean',
        uniqueItems: true,
      }),
    ],
    requestBody: {
      content: Object.fromEntries(
        patchTypes.map(t => [t, { schema: ref(`${META}.Patch`) }]),
      ),
      required: true,
    },
  });
}

function writeBody(type: ResourceType): JsonObject {
  return {
    content: { '*/*': { schema: ref(schemaName(type)) } },
    required: true,
  };
}

function pathsFor(type: ResourceType): Record<string, JsonObject> {
  const base = `/${gvPath(type.group, type.version)}`;
  const collection = type.namespaced
    ? `${base}/namespaces/{namespace}/${type.resource}`
    : `${base}/${type.resource}`;
  const item = `${collection}/{name}`;
  const listSchemaName = schemaName(type, type.listKind);
  const readOnly = !type.verbs.includes('create');
  const paths: Record<string, JsonObject> = {};
  paths[collection] = {
    get: operation(type, 'list', 'list', listSchemaName, {
      parameters: LIST_PARAMS,
    }),
    ...(readOnly
      ? {}
      : {
          post: operation(type, 'create', 'post', schemaName(type), {
            parameters: WRITE_PARAMS,
            requestBody: writeBody(type),
          }),
          delete: operation(
            type,
            'deleteCollection',
            'deletecollection',
            `${META}.Status`,
            { parameters: LIST_PARAMS },
          ),
        }),
  };
  paths[item] = {
    get: operation(type, 'read', 'get', schemaName(type)),
    ...(readOnly
      ? {}
      : {
          put: operation(type, 'replace', 'put', schemaName(type), {
            parameters: WRITE_PARAMS,
            requestBody: writeBody(type),
          }),
          patch: patchOperation(type),
          delete: operation(type, 'delete', 'delete', `${META}.Status`),
        }),
  };
  if (type.statusSubresource && !readOnly) {
    paths[`${item}/status`] = {
      get: operation(type, 'read', 'get', schemaName(type), {
        operationSuffix: 'Status',
      }),
      put: operation(type, 'replace', 'put', schemaName(type), {
        operationSuffix: 'Status',
        parameters: WRITE_PARAMS,
        requestBody: writeBody(type),
      }),
      patch: patchOperation(type, 'Status'),
    };
  }
  if (type.namespaced) {
    paths[`${base}/${type.resource}`] = {
      get: operation(type, 'listForAllNamespaces', 'list', listSchemaName, {
        parameters: LIST_PARAMS,
      }),
    };
  }
  return paths;
}

function objectSchema(type: ResourceType): JsonObject {
  const schema = cloneJson(
    CORE_KIND_SCHEMAS[schemaName(type)] ??
      ((type.schema ?? { type: 'object' }) as JsonObject),
  ) as JsonObject;
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  properties.apiVersion = {
    type: 'string',
    description:
      'APIVersion defines the versioned schema of this representation of an object.',
  };
  properties.kind = {
    type: 'string',
    description:
      'Kind is a string value representing the REST resource this object represents.',
  };
  properties.metadata = {
    allOf: [ref(`${META}.ObjectMeta`)],
    description: "Standard object's metadata.",
  };
  schema.properties = properties;
  schema['x-kubernetes-group-version-kind'] = [
    { group: type.group, kind: type.kind, version: type.version },
  ];
  return schema;
}

function listSchema(type: ResourceType): JsonObject {
  return {
    type: 'object',
    description: `${type.listKind} is a list of ${type.kind}`,
    required: ['items'],
    properties: {
      apiVersion: { type: 'string' },
      items: { type: 'array', items: { allOf: [ref(schemaName(type))] } },
      kind: { type: 'string' },
      metadata: { allOf: [ref(`${META}.ListMeta`)] },
    },
    'x-kubernetes-group-version-kind': [
      { group: type.group, kind: type.listKind, version: type.version },
    ],
  };
}

const stringMap = {
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
};

const SHARED_SCHEMAS: Record<string, JsonObject> = {
  [`${META}.ObjectMeta`]: {
    type: 'object',
    description:
      'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    properties: {
      annotations: {
        ...stringMap,
        description:
          'Annotations is an unstructured key value map stored with a resource.',
      },
      creationTimestamp: {
        type: 'string',
        format: 'date-time',
        description:
          'CreationTimestamp is a timestamp representing the server time when this object was created.',
      },
      deletionTimestamp: {
        type: 'string',
        format: 'date-time',
        description:
          'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
      },
      finalizers: {
        type: 'array',
        items: { type: 'string', default: '' },
        description:
          'Must be empty before the object is deleted from the registry.',
      },
      generateName: {
        type: 'string',
        description:
          'GenerateName is an optional prefix, used by the server, to generate a unique name.',
      },
      generation: {
        type: 'integer',
        format: 'int64',
        description:
          'A sequence number representing a specific generation of the desired state.',
      },
      labels: {
        ...stringMap,
        description:
          'Map of string keys and values that can be used to organize and categorize objects.',
      },
      name: {
        type: 'string',
        description: 'Name must be unique within a namespace.',
      },
      namespace: {
        type: 'string',
        description:
          'Namespace defines the space within which each name must be unique.',
      },
      resourceVersion: {
        type: 'string',
        description:
          'An opaque value that represents the internal version of this object.',
      },
      uid: {
        type: 'string',
        description:
          'UID is the unique in time and space value for this object.',
      },
    },
  },
  [`${META}.ListMeta`]: {
    type: 'object',
    description:
      'ListMeta describes metadata that synthetic resources must have.',
    properties: {
      continue: { type: 'string' },
      remainingItemCount: { type: 'integer', format: 'int64' },
      resourceVersion: { type: 'string' },
    },
  },
  [`${META}.Status`]: {
    type: 'object',
    description:
      'Status is a return value for calls that do not return other objects.',
    properties: {
      apiVersion: { type: 'string' },
      code: { type: 'integer', format: 'int32' },
      details: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      kind: { type: 'string' },
      message: { type: 'string' },
      reason: { type: 'string' },
      status: { type: 'string' },
    },
    'x-kubernetes-group-version-kind': [
      { group: '', kind: 'Status', version: 'v1' },
    ],
  },
  [`${META}.Patch`]: {
    type: 'object',
    description:
      'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
  },
};

/** The OpenAPI v3 document of one group/version, as served at /openapi/v3/<apis/g/v>. */
export function openApiV3Document(
  registry: ResourceRegistry,
  group: string,
  version: string,
): JsonObject | undefined {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const paths: Record<string, JsonObject> = {};
  const schemas: Record<string, JsonObject> = {
    ...SHARED_SCHEMAS,
    ...(group ? {} : CORE_DEFINITIONS),
  };
  for (const type of types) {
    Object.assign(paths, pathsFor(type));
    schemas[schemaName(type)] = objectSchema(type);
    schemas[schemaName(type, type.listKind)] = listSchema(type);
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.1-ack-emulator' },
    paths,
    components: { schemas },
  };
}

/** Caches serialized per-group documents and their hashes (documents never change at runtime). */
export class OpenApiV3 {
  private readonly documents = new Map<
    string,
    { json: string; hash: string }
  >();

  constructor(private readonly registry: ResourceRegistry) {
    const groupVersions = [{ group: '', version: 'v1' }];
    for (const group of registry.groups())
      for (const version of group.versions)
        groupVersions.push({ group: group.name, version });
    for (const { group, version } of groupVersions) {
      const document = openApiV3Document(this.registry, group, version);
      if (!document) continue;
      const json = JSON.stringify(document);
      const hash = createHash('sha512')
        .update(json)
        .digest('hex')
        .slice(0, 128)
        .toUpperCase();
      this.documents.set(gvPath(group, version), { json, hash });
    }
  }

  rootJson(): string {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [path, { hash }] of this.documents)
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    return JSON.stringify({ paths });
  }

  documentJson(path: string): string | undefined {
    return this.documents.get(path)?.json;
  }
}
