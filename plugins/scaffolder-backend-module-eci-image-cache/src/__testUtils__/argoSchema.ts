import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';

const ARGO_SCHEMA_PATH = path.resolve(
  __dirname,
  '../../../../test/fixtures/argo-workflows-v4.1.2.schema.json',
);

type JsonObject = Record<string, unknown>;

/** Argo's controller rejects unknown fields: forbid properties a schema does not declare. */
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

const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: string): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(ARGO_SCHEMA_PATH, 'utf8'));
    const ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      validateFormats: false,
    });
    ajv.addSchema(forbidUndeclaredProperties(schema) as JsonObject, 'argo');
    validate = ajv.compile({
      $ref: `argo#/definitions/io.argoproj.workflow.v1alpha1.${kind}`,
    });
    validators.set(kind, validate);
  }
  return validate;
}

/** The Argo v4.1.2 JSON schema errors of a Workflow, WorkflowTemplate or CronWorkflow ([] when valid). */
export function argoSchemaErrors(object: { kind: string }): unknown[] {
  const validate = validatorFor(object.kind);
  return validate(object) ? [] : validate.errors ?? [];
}
