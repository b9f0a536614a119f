import { entityRefProblem } from '../common/formValues';
import { FieldFrame } from '../common/FieldFrame';
import { fieldInputState } from '../common/fieldInputState';
import { fieldTexts } from '../common/fieldTexts';
import { PickerNotice } from '../common/PickerNotice';
import { EntityCacheChoices } from './EntityCacheChoices';
import { cachePickerTarget } from './pickerTarget';
import { EciImageCachePickerProps } from './schema';

/**
 * Scaffolder field `EciImageCachePicker`: lists the Ready image caches of the entity chosen in
 * another field (`ui:options.entityRefField`) on a cluster, with phase and expiry, and returns the
 * chosen cache id. Says why the list is empty.
 */
export function EciImageCachePicker(props: EciImageCachePickerProps) {
  const { schema, uiSchema, formData, onChange, required } = props;
  const { label, description } = fieldTexts(schema, uiSchema, 'Image cache');
  const target = cachePickerTarget(
    uiSchema['ui:options'],
    props.formContext?.formData,
  );
  return (
    <FieldFrame field={props} description={description}>
      {target.entity.status === 'ok' ? (
        <EntityCacheChoices
          id={props.idSchema?.$id}
          label={label}
          entity={target.entity.ref}
          cluster={target.cluster}
          value={formData || undefined}
          onChange={onChange}
          input={fieldInputState(props)}
        />
      ) : (
        <PickerNotice
          label={label}
          required={required}
          status="info"
          title={entityRefProblem(target.entity)}
        />
      )}
    </FieldFrame>
  );
}
