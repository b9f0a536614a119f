import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect } from 'react';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { FieldFrame } from '../common/FieldFrame';
import { fieldInputState } from '../common/fieldInputState';
import { fieldTexts } from '../common/fieldTexts';
import { loadNotice } from '../common/loadNotice';
import { PickerNotice } from '../common/PickerNotice';
import { useAsyncValue } from '../common/useAsyncValue';
import { AcrInstanceChoices } from './AcrInstanceChoices';
import { acrChoice, instanceOf } from './acrChoices';
import { acrRegionSource } from './acrPickerTarget';
import { AcrInstancePickerProps } from './schema';
import { useClusterRegion } from './useClusterRegion';

/**
 * Scaffolder field `AcrInstancePicker`: the configured ACR Enterprise Edition instances with their
 * regions. Returns the annotation value for the cluster (`cri-…` in the cluster's region,
 * `<RegionID>:cri-…` elsewhere, by the common package's rule) and shows it with the reason.
 */
export function AcrInstancePicker(props: AcrInstancePickerProps) {
  const { schema, uiSchema, formData, onChange, required } = props;
  const { label, description } = fieldTexts(schema, uiSchema, 'ACR instance');
  const api = useApi(eciImageCacheApiRef);
  const instances = useAsyncValue('acr-instances', () =>
    api.listAcrInstances(),
  );
  const region = useClusterRegion(
    acrRegionSource(uiSchema['ui:options'], props.formContext?.formData),
  );

  // The value depends on the cluster's region: follow it when the cluster changes.
  const selected = instanceOf(formData, instances.value?.items ?? []);
  const value =
    selected && region ? acrChoice(selected, region.target).value : undefined;
  useEffect(() => {
    if (value !== undefined && value !== formData) {
      onChange(value);
    }
  }, [value, formData, onChange]);

  const items = instances.value?.items ?? [];
  let content = loadNotice(instances, { label, required }, 'ACR instances');
  if (content) {
    // Loading, or failed: the notice says which.
  } else if (items.length === 0) {
    content = (
      <PickerNotice
        label={label}
        required={required}
        status="info"
        title="No ACR Enterprise Edition instance is configured."
        description="Admins list them under eciImageCache.acr.instances in app-config.yaml."
      />
    );
  } else {
    content = (
      <AcrInstanceChoices
        id={props.idSchema?.$id}
        label={label}
        instances={items}
        region={region}
        value={formData || undefined}
        onChange={onChange}
        input={fieldInputState(props)}
      />
    );
  }

  return (
    <FieldFrame field={props} description={description}>
      {content}
    </FieldFrame>
  );
}
