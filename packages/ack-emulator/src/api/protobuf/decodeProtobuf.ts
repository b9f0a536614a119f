import { parse, Root, type Type } from 'protobufjs';
import { formatTimestamp } from '../../util/time';
import { isPlainObject, type JsonObject } from '../../util/json';
import { badRequest } from '../errors';
import {
  CORE_PROTO,
  K8S_PROTO,
  META_PROTO,
  REVIEW_PROTO,
  WHOAMI_PROTO,
} from './k8sTypes.proto';

/** `k8s\0`: the prefix of every Kubernetes protobuf body. */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

function buildRoot(): Root {
  const root = new Root();
  parse(K8S_PROTO, root, { keepCase: true });
  parse(META_PROTO, root, { keepCase: true });
  parse(CORE_PROTO, root, { keepCase: true });
  parse(REVIEW_PROTO, root, { keepCase: true });
  parse(WHOAMI_PROTO, root, { keepCase: true });
  root.resolveAll();
  return root;
}

let root: Root | undefined;
function types(): Root {
  root ??= buildRoot();
  return root;
}

/** The protobuf message of each kind kubectl sends as protobuf, by apiVersion/kind. */
const MESSAGES: Record<string, string> = {
  'v1/Secret': 'k8s.io.api.core.v1.Secret',
  'v1/ConfigMap': 'k8s.io.api.core.v1.ConfigMap',
  'v1/Namespace': 'k8s.io.api.core.v1.Namespace',
  'v1/ServiceAccount': 'k8s.io.api.core.v1.ServiceAccount',
  'authorization.k8s.io/v1/SelfSubjectAccessReview':
    'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
  'authentication.k8s.io/v1/SelfSubjectReview':
    'k8s.io.api.authentication.v1.SelfSubjectReview',
};

function timeToString(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return formatTimestamp(Number(value.seconds ?? 0) * 1000);
}

const MAP_FIELDS = new Set([
  'labels',
  'annotations',
  'data',
  'stringData',
  'binaryData',
  'fieldsV1',
]);

function isZeroTime(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    'seconds' in value &&
    !Number(value.seconds) &&
    !Number(value.nanos)
  );
}

/**
 * Go marshals every non-pointer scalar, so empty strings, zero numbers and
 * zero times arrive where JSON's `omitempty` would have left the field out.
 * Maps (labels, data) keep their values: an empty string is a value there.
 */
function dropZeroScalars(object: JsonObject): void {
  for (const [key, value] of Object.entries(object)) {
    if (value === '' || value === 0 || isZeroTime(value)) delete object[key];
    else if (Array.isArray(value))
      value.filter(isPlainObject).forEach(dropZeroScalars);
    else if (isPlainObject(value) && !MAP_FIELDS.has(key))
      dropZeroScalars(value);
  }
}

/** metav1 types whose JSON form is not their protobuf form. */
function normalizeMetadata(metadata: JsonObject): void {
  for (const field of ['creationTimestamp', 'deletionTimestamp'])
    if (field in metadata) metadata[field] = timeToString(metadata[field]);
  if (Array.isArray(metadata.managedFields)) {
    for (const entry of metadata.managedFields.filter(isPlainObject)) {
      if ('time' in entry) entry.time = timeToString(entry.time);
      const fields = entry.fieldsV1;
      if (isPlainObject(fields) && typeof fields.Raw === 'string')
        entry.fieldsV1 = JSON.parse(
          Buffer.from(fields.Raw, 'base64').toString('utf8'),
        );
    }
  }
}

/**
 * Decodes a Kubernetes protobuf body (magic + runtime.Unknown wrapping the
 * object's own message) into the object's JSON form.
 */
export function decodeKubernetesProtobuf(body: Buffer): JsonObject {
  if (body.length < MAGIC.length || !body.subarray(0, 4).equals(MAGIC))
    throw badRequest(
      'provided object is not a valid Kubernetes protobuf message: missing the "k8s\\x00" prefix',
    );
  let envelope: JsonObject;
  try {
    const unknown = types().lookupType(
      'k8s.io.apimachinery.pkg.runtime.Unknown',
    );
    envelope = unknown.toObject(unknown.decode(body.subarray(4))) as JsonObject;
  } catch (error) {
    throw badRequest(
      `error decoding protobuf request body: ${(error as Error).message}`,
    );
  }
  const typeMeta = isPlainObject(envelope.typeMeta) ? envelope.typeMeta : {};
  const apiVersion = String(typeMeta.apiVersion ?? '');
  const kind = String(typeMeta.kind ?? '');
  const messageName = MESSAGES[`${apiVersion}/${kind}`];
  if (!messageName)
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in the protobuf decoder of this server; send JSON instead`,
    );
  let message: Type;
  let object: JsonObject;
  try {
    message = types().lookupType(messageName);
    object = message.toObject(
      message.decode(
        (envelope.raw as Uint8Array | undefined) ?? new Uint8Array(),
      ),
      { longs: Number, bytes: String },
    ) as JsonObject;
  } catch (error) {
    throw badRequest(
      `error decoding protobuf ${kind}: ${(error as Error).message}`,
    );
  }
  dropZeroScalars(object);
  if (isPlainObject(object.metadata)) normalizeMetadata(object.metadata);
  return { apiVersion, kind, ...object };
}
