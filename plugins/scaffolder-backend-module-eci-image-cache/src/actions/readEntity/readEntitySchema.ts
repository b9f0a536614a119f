import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Input of `eci:catalog:read`. */
export const readEntityInput = {
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'The entity to read, e.g. "component:default/ml-trainer" (what an EntityPicker returns).',
      ),
  field: (z: Z) =>
    z
      .string()
      .describe(
        'The form field the ref comes from, named in the error when the catalog does not list it (default "entityRef").',
      )
      .nullish(),
};

/** Output of `eci:catalog:read`. */
export const readEntityOutput = {
  entity: (z: Z) =>
    z
      .record(z.unknown())
      .describe(
        'The entity as the catalog holds it (as catalog:fetch outputs it).',
      ),
};
