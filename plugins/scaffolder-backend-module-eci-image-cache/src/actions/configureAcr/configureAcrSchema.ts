import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Input of `eci:acr:configure`. */
export const configureAcrInput = {
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'Catalog entity whose ACR setting to save, e.g. "component:default/ml-trainer". Needs eci.acr.update for the task\'s initiator.',
      ),
  acrInstanceId: (z: Z) =>
    z
      .string()
      .nullable()
      .describe(
        'ACR Enterprise Edition instance for password-free pulls, "[RegionID:]cri-…" (give the region when the instance is not in the cluster\'s region); null removes the saved setting.',
      ),
};

/** Output of `eci:acr:configure`. */
export const configureAcrOutput = {
  changed: (z: Z) =>
    z
      .boolean()
      .describe(
        'Whether the saved setting changed (or, in a dry run, would change).',
      ),
  acrInstance: (z: Z) =>
    z
      .string()
      .describe(
        'The ACR instance in effect for the entity afterwards ("" for none).',
      ),
  source: (z: Z) =>
    z
      .enum(['annotation', 'settings', 'default'])
      .describe(
        'Where the effective value comes from; the catalog annotation alibabacloud.com/acr-instance-id wins over the setting.',
      ),
  acrAnnotationValue: (z: Z) =>
    z
      .string()
      .describe(
        'Value of the ACR pod annotation on the entity\'s cluster ("cri-…" or "<RegionID>:cri-…", comma-separated for several; "" for none).',
      ),
};
