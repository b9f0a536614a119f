/**
 * The subset of Kubernetes' generated.proto files (k8s.io/api/core/v1,
 * k8s.io/apimachinery meta/v1 and runtime) needed to decode what kubectl's
 * typed commands send: `create secret|configmap|namespace|serviceaccount`.
 * Field numbers are the upstream ones; fields not listed are skipped.
 */

/** `optional string` fields numbered from `first` in order: most references and attributes are only that. */
function stringFields(names: string[], first = 1): string {
  return names
    .map((name, i) => `  optional string ${name} = ${first + i};`)
    .join('\n');
}

/** A top-level kind: its ObjectMeta is field 1, its own fields follow. */
function kind(name: string, fields: string[]): string {
  return [
    `message ${name} {`,
    '  optional k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;',
    ...fields.map(field => `  ${field};`),
    '}',
  ].join('\n');
}

function proto(packageName: string, ...messages: string[]): string {
  return ['syntax = "proto2";', `package ${packageName};`, ...messages].join(
    '\n',
  );
}

export const K8S_PROTO = proto(
  'k8s.io.apimachinery.pkg.runtime',
  `message TypeMeta {\n${stringFields(['apiVersion', 'kind'])}\n}`,
  `message Unknown {
  optional TypeMeta typeMeta = 1;
  optional bytes raw = 2;
${stringFields(['contentEncoding', 'contentType'], 3)}
}`,
);

export const META_PROTO = proto(
  'k8s.io.apimachinery.pkg.apis.meta.v1',
  `message Time {
  optional int64 seconds = 1;
  optional int32 nanos = 2;
}`,
  `message OwnerReference {
  optional string kind = 1;
${stringFields(['name', 'uid', 'apiVersion'], 3)}
  optional bool controller = 6;
  optional bool blockOwnerDeletion = 7;
}`,
  `message FieldsV1 {
  optional bytes Raw = 1;
}`,
  `message ManagedFieldsEntry {
${stringFields(['manager', 'operation', 'apiVersion'])}
  optional Time time = 4;
  optional string fieldsType = 6;
  optional FieldsV1 fieldsV1 = 7;
  optional string subresource = 8;
}`,
  `message ObjectMeta {
${stringFields([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
])}
  optional int64 generation = 7;
  optional Time creationTimestamp = 8;
  optional Time deletionTimestamp = 9;
  optional int64 deletionGracePeriodSeconds = 10;
  map<string, string> labels = 11;
  map<string, string> annotations = 12;
  repeated OwnerReference ownerReferences = 13;
  repeated string finalizers = 14;
  repeated ManagedFieldsEntry managedFields = 17;
}`,
);

export const CORE_PROTO = proto(
  'k8s.io.api.core.v1',
  `message LocalObjectReference {\n${stringFields(['name'])}\n}`,
  `message ObjectReference {
${stringFields([
  'kind',
  'namespace',
  'name',
  'uid',
  'apiVersion',
  'resourceVersion',
  'fieldPath',
])}
}`,
  kind('Secret', [
    'map<string, bytes> data = 2',
    'optional string type = 3',
    'map<string, string> stringData = 4',
    'optional bool immutable = 5',
  ]),
  kind('ConfigMap', [
    'map<string, string> data = 2',
    'map<string, bytes> binaryData = 3',
    'optional bool immutable = 4',
  ]),
  `message NamespaceSpec {
  repeated string finalizers = 1;
}`,
  `message NamespaceStatus {\n${stringFields(['phase'])}\n}`,
  kind('Namespace', [
    'optional NamespaceSpec spec = 2',
    'optional NamespaceStatus status = 3',
  ]),
  kind('ServiceAccount', [
    'repeated ObjectReference secrets = 2',
    'repeated LocalObjectReference imagePullSecrets = 3',
    'optional bool automountServiceAccountToken = 4',
  ]),
);

export const REVIEW_PROTO = proto(
  'k8s.io.api.authorization.v1',
  `message ResourceAttributes {
${stringFields([
  'namespace',
  'verb',
  'group',
  'version',
  'resource',
  'subresource',
  'name',
])}
}`,
  `message NonResourceAttributes {\n${stringFields(['path', 'verb'])}\n}`,
  `message SelfSubjectAccessReviewSpec {
  optional ResourceAttributes resourceAttributes = 1;
  optional NonResourceAttributes nonResourceAttributes = 2;
}`,
  kind('SelfSubjectAccessReview', [
    'optional SelfSubjectAccessReviewSpec spec = 2',
  ]),
);

export const WHOAMI_PROTO = proto(
  'k8s.io.api.authentication.v1',
  kind('SelfSubjectReview', []),
);
