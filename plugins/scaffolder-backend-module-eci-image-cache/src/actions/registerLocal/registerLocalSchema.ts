import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Longest wait for the catalog to list the published entity. */
export const MAX_REGISTER_TIMEOUT_SECONDS = 300;
export const DEFAULT_REGISTER_TIMEOUT_SECONDS = 60;

/** Input of `eci:catalog:register-local`. */
export const registerLocalInput = {
  catalogInfoPath: (z: Z) =>
    z
      .string()
      .describe(
        'The published catalog-info.yaml, relative to the publish root (the `catalogInfoPath` output of eci:publish:local).',
      ),
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'The entity that file describes, e.g. "component:default/checkout"; the action waits until the catalog lists it.',
      ),
  timeoutSeconds: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(MAX_REGISTER_TIMEOUT_SECONDS)
      .describe(
        `How long to wait for the catalog, in seconds (default ${DEFAULT_REGISTER_TIMEOUT_SECONDS}).`,
      )
      .nullish(),
};

/** Output of `eci:catalog:register-local`. */
export const registerLocalOutput = {
  entityRef: (z: Z) =>
    z.string().describe('The registered entity, as the catalog names it.'),
  locations: (z: Z) =>
    z
      .array(z.string())
      .describe(
        'The catalog file locations that cover the published file, refreshed to read it.',
      ),
};
