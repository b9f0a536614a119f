import { useApi } from '@backstage/frontend-plugin-api';
import { Radio, RadioGroup } from '@backstage/ui';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { FieldFrame } from '../common/FieldFrame';
import { fieldInputState } from '../common/fieldInputState';
import { fieldTexts } from '../common/fieldTexts';
import { loadNotice } from '../common/loadNotice';
import { useAsyncValue } from '../common/useAsyncValue';
import { EciClusterPickerProps } from './schema';

/** Value of the "None" option of an optional picker. */
const NONE = '';

/**
 * Scaffolder field `EciClusterPicker`: the clusters the backend is configured with, with their
 * regions; "None" (optional fields) leaves the choice to the service or the default cluster.
 */
export function EciClusterPicker(props: EciClusterPickerProps) {
  const { schema, uiSchema, formData, onChange, required } = props;
  const { label, description } = fieldTexts(schema, uiSchema, 'Cluster');
  const api = useApi(eciImageCacheApiRef);
  const clusters = useAsyncValue('clusters', () => api.listClusters());

  const content = loadNotice(clusters, { label, required }, 'clusters') ?? (
    <RadioGroup
      id={props.idSchema?.$id}
      label={label}
      {...fieldInputState(props)}
      value={formData ?? (required ? null : NONE)}
      onChange={name => onChange(name === NONE ? undefined : name)}
    >
      {(clusters.value?.items ?? []).map(cluster => (
        <Radio key={cluster.name} value={cluster.name}>
          {cluster.name} ({cluster.region}
          {cluster.default ? ', default' : ''})
        </Radio>
      ))}
      {required ? null : <Radio value={NONE}>None</Radio>}
    </RadioGroup>
  );

  return (
    <FieldFrame field={props} description={description}>
      {content}
    </FieldFrame>
  );
}
