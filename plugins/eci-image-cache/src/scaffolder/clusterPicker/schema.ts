import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** `EciClusterPicker`: a cluster configured in the backend, by name. */
export const EciClusterPickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('Configured cluster name'),
});

export type EciClusterPickerProps = typeof EciClusterPickerFieldSchema.TProps;
