import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** `EciImages`: the images of a service, one per line, checked with the common image rules. */
export const EciImagesFieldSchema = makeFieldSchema({
  output: z => z.array(z.string()),
});

export type EciImagesProps = typeof EciImagesFieldSchema.TProps;
