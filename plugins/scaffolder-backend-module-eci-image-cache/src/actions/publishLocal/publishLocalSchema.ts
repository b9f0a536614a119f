import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Input of `eci:publish:local`. */
export const publishLocalInput = {
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'The catalog entity the published files belong to (e.g. the service of a generated workflow). When it exists, the initiator needs eci.imagecache.create on it, like the Image Cache tab.',
      ),
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
    z
      .string()
      .describe(
        'The published directory, relative to the publish root (no server path).',
      ),
  files: (z: Z) =>
    z
      .array(z.string())
      .describe('Published files, relative to that directory.'),
  catalogInfoPath: (z: Z) =>
    z
      .string()
      .describe(
        'The published catalog-info.yaml, relative to the publish root ("" when there is none).',
      ),
};
