import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * `AcrInstancePicker`: a configured ACR Enterprise Edition instance, as the value of the ACR
 * annotation for the cluster (`cri-…` in the cluster's region, `<RegionID>:cri-…` elsewhere).
 */
export const AcrInstancePickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'ACR instance as [RegionID:]cri-…: the region is omitted when the instance is in the cluster region',
      ),
  uiOptions: z =>
    z.object({
      clusterRegion: z
        .string()
        .optional()
        .describe(
          'Region of the cluster the pods run in; wins over clusterField.',
        ),
      clusterField: z
        .string()
        .optional()
        .describe('Field of the form holding the cluster name.'),
      entityRefField: z
        .string()
        .optional()
        .describe(
          "Field of the form holding an entity ref: when the cluster field is empty, the entity's cluster applies.",
        ),
    }),
});

/** Props of the `AcrInstancePicker` field component. */
export type AcrInstancePickerProps = typeof AcrInstancePickerFieldSchema.TProps;

/** `ui:options` of `AcrInstancePicker`. */
export type AcrInstancePickerUiOptions = NonNullable<
  AcrInstancePickerProps['uiSchema']['ui:options']
>;
