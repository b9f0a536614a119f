import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** Default of `entityRefField`: the template field holding the service. */
export const DEFAULT_ENTITY_REF_FIELD = 'service';

/**
 * `EciImageCachePicker`: the `imc-…` id of a Ready image cache of the entity chosen in another
 * field of the form.
 */
export const EciImageCachePickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('Image cache id, imc-…'),
  uiOptions: z =>
    z.object({
      entityRefField: z
        .string()
        .optional()
        .describe(
          `Field of the form holding the entity ref whose caches are listed (default "${DEFAULT_ENTITY_REF_FIELD}").`,
        ),
      cluster: z
        .string()
        .optional()
        .describe('Cluster whose caches are listed; wins over clusterField.'),
      clusterField: z
        .string()
        .optional()
        .describe(
          "Field of the form holding the cluster name; when it is empty, the entity's cluster.",
        ),
    }),
});

/** Props of the `EciImageCachePicker` field component. */
export type EciImageCachePickerProps =
  typeof EciImageCachePickerFieldSchema.TProps;

/** `ui:options` of `EciImageCachePicker`. */
export type EciImageCachePickerUiOptions = NonNullable<
  EciImageCachePickerProps['uiSchema']['ui:options']
>;
