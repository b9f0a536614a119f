import Ajv2020 from 'ajv/dist/2020';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const ARGO_SCHEMA_PATH = path.join(
  ROOT,
  'test/fixtures/argo-workflows-v4.1.2.schema.json',
);
const CRD_PATH = path.join(
  ROOT,
  'packages/ack-emulator/crds/eci.alibabacloud.com_imagecaches.yaml',
);

type JsonObject = Record<string, unknown>;

/**
 * Kubernetes prunes fields its structural schemas do not declare, and Argo's controller rejects
 * unknown fields, so the strict variant forbids undeclared properties wherever a schema lists them.
 */
function forbidUndeclaredProperties(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(forbidUndeclaredProperties);
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === 'properties' || key === 'definitions'
        ? Object.fromEntries(
            Object.entries(value as JsonObject).map(([name, schema]) => [
              name,
              forbidUndeclaredProperties(schema),
            ]),
          )
        : forbidUndeclaredProperties(value);
  }
  if (
    typeof copy.properties === 'object' &&
    copy.additionalProperties === undefined &&
    copy['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    copy.additionalProperties = false;
  }
  return copy;
}

function collectExtensionKeywords(
  node: unknown,
  found: Set<string>,
): Set<string> {
  if (Array.isArray(node)) {
    node.forEach(item => collectExtensionKeywords(item, found));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) {
        found.add(key);
      }
      collectExtensionKeywords(value, found);
    }
  }
  return found;
}

function argoAjv(schema: JsonObject): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
  });
  addFormats(ajv);
  // Formats of the Kubernetes OpenAPI that ajv-formats does not know.
  ajv.addFormat('uint64', /^[0-9]+$/);
  ajv.addVocabulary(Array.from(collectExtensionKeywords(schema, new Set())));
  ajv.addSchema(schema, 'argo');
  return ajv;
}

const argoSchema = JSON.parse(
  fs.readFileSync(ARGO_SCHEMA_PATH, 'utf8'),
) as JsonObject;
const argo = argoAjv(argoSchema);
const strictArgo = argoAjv(
  forbidUndeclaredProperties(argoSchema) as JsonObject,
);

const compiledArgo = new Map<string, ValidateFunction>();
function argoValidator(kind: string, strict: boolean): ValidateFunction {
  const key = `${strict}:${kind}`;
  let validate = compiledArgo.get(key);
  if (!validate) {
    const ajv = strict ? strictArgo : argo;
    validate = ajv.compile({
      $ref: `argo#/definitions/io.argoproj.workflow.v1alpha1.${kind}`,
    });
    compiledArgo.set(key, validate);
  }
  return validate;
}

const crd = parse(fs.readFileSync(CRD_PATH, 'utf8'));
const imageCacheSchema = crd.spec.versions[0].schema
  .openAPIV3Schema as JsonObject;
function crdAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(
    Array.from(collectExtensionKeywords(imageCacheSchema, new Set())),
  );
  // ImageCache metadata is a plain object in the CRD; check it against the Kubernetes ObjectMeta too.
  return ajv;
}
const validateImageCacheSchema = crdAjv().compile(imageCacheSchema);
const validateImageCacheStrict = crdAjv().compile(
  forbidUndeclaredProperties(imageCacheSchema) as JsonObject,
);
const validateObjectMeta = strictArgo.compile({
  $ref: 'argo#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
});

function describe(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors?.slice(0, 5), null, 2);
}

/** Returns the schema errors of an Argo object (Workflow, WorkflowTemplate or CronWorkflow), or '' when it validates, leniently and strictly. */
export function argoSchemaErrors(object: { kind: string }): string {
  for (const strict of [false, true]) {
    const validate = argoValidator(object.kind, strict);
    const data: unknown = object;
    if (!validate(data)) {
      return `${strict ? 'strict ' : ''}${object.kind}: ${describe(validate)}`;
    }
  }
  return '';
}

/** Returns the schema errors of an ImageCache against the CRD (and its metadata against ObjectMeta), or ''. */
export function imageCacheSchemaErrors(object: { metadata?: unknown }): string {
  const data: unknown = object;
  for (const validate of [validateImageCacheSchema, validateImageCacheStrict]) {
    if (!validate(data)) {
      return `ImageCache: ${describe(validate)}`;
    }
  }
  if (!validateObjectMeta(object.metadata)) {
    return `ImageCache metadata: ${describe(validateObjectMeta)}`;
  }
  return '';
}

const LABEL_KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kubernetes API-server rules for metadata that JSON schemas do not express; returns the broken ones. */
export function kubernetesMetadataErrors(metadata: {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}): string[] {
  const errors: string[] = [];
  const keyOk = (key: string) => {
    const [prefix, name] = key.includes('/')
      ? key.split('/')
      : [undefined, key];
    return (
      key.split('/').length <= 2 &&
      (prefix === undefined ||
        (prefix.length <= 253 && SUBDOMAIN.test(prefix))) &&
      name.length <= 63 &&
      LABEL_KEY_NAME.test(name)
    );
  };
  if (
    metadata.name !== undefined &&
    (metadata.name.length > 253 || !SUBDOMAIN.test(metadata.name))
  ) {
    errors.push(`name ${metadata.name}`);
  }
  if (
    metadata.generateName !== undefined &&
    !SUBDOMAIN.test(`${metadata.generateName}abcde`)
  ) {
    errors.push(`generateName ${metadata.generateName}`);
  }
  for (const [key, value] of Object.entries(metadata.labels ?? {})) {
    if (!keyOk(key)) errors.push(`label key ${key}`);
    if (value.length > 63 || !LABEL_VALUE.test(value))
      errors.push(`label value ${value}`);
  }
  for (const key of Object.keys(metadata.annotations ?? {})) {
    if (!keyOk(key)) errors.push(`annotation key ${key}`);
  }
  return errors;
}
