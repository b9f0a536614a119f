import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Input of `eci:publish:local`. */
export const publishLocalInput = {
  name: (z: Z) =>
    z
      .string()
      .describe(
        'Name of the published directory under the configured publish root (DNS-1123 label, e.g. "ml-trainer-workflows").',
      ),
  sourcePath: (z: Z) =>
    z
      .string()
      .describe(
        'Workspace-relative directory to publish (default: the whole workspace).',
      )
      .nullish(),
  overwrite: (z: Z) =>
    z
      .boolean()
      .describe(
        'Replace a directory of the same name published by another run (default false: fail instead).',
      )
      .nullish(),
};

/** Output of `eci:publish:local`. */
export const publishLocalOutput = {
  path: (z: Z) =>
    z.string().describe('Absolute path of the published directory.'),
  files: (z: Z) =>
    z
      .array(z.string())
      .describe('Published files, relative to that directory.'),
  catalogInfoPath: (z: Z) =>
    z
      .string()
      .describe(
        'Absolute path of the published catalog-info.yaml ("" when there is none).',
      ),
};
