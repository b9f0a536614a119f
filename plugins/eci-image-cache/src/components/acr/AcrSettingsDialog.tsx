import {
  AcrInstanceInfo,
  ANNOTATION_ACR_INSTANCE_ID,
  EntityClusterView,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text, TextField } from '@backstage/ui';
import { useEffect, useMemo, useState } from 'react';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { usePendingAction } from '../../hooks/usePendingAction';
import { ActionDialog } from '../common/ActionDialog';
import { previewAcrInput } from './acrPreview';
import { unconfiguredNote } from './unconfiguredNote';
import { AcrValuePreview } from './AcrValuePreview';

/**
 * Edits the entity's saved ACR instance, with the annotation value it leads to shown live.
 * An empty field removes the saved instance.
 */
export function AcrSettingsDialog(props: {
  state: EntityStateResponse;
  /** The cluster whose annotation is previewed (the entity's target cluster). */
  cluster: EntityClusterView;
  onSave: (acrInstance: string | undefined) => Promise<void>;
  onClose: () => void;
}) {
  const { state, cluster, onSave, onClose } = props;
  const api = useApi(eciImageCacheApiRef);
  const configured = state.config?.acrInstance;
  const [input, setInput] = useState(
    state.settings?.settings.acrInstance ?? configured?.value ?? '',
  );
  const [instances, setInstances] = useState<AcrInstanceInfo[]>([]);

  useEffect(() => {
    let active = true;
    api
      .listAcrInstances()
      .then(response => active && setInstances(response.items))
      // The list only offers shortcuts; typing an id works without it.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [api]);

  const images = state.config?.images.value;
  const preview = useMemo(
    () => previewAcrInput(input, cluster, images ?? [], instances),
    [input, cluster, images, instances],
  );

  // An annotation wins over saved settings: saving would store a value without effect.
  const shadowed = configured?.source === 'annotation';
  const unconfigured = unconfiguredNote(input, instances);
  const save = usePendingAction(() =>
    onSave(input.trim() === '' ? undefined : input.trim()),
  );

  return (
    <ActionDialog
      title="ACR password-free pulls"
      width={560}
      actionLabel="Save"
      failureTitle="The settings were not saved"
      action={save}
      isActionDisabled={shadowed || preview.errors.length > 0}
      onClose={onClose}
    >
      {shadowed ? (
        <Alert
          status="warning"
          icon
          title={`${ANNOTATION_ACR_INSTANCE_ID} in catalog-info.yaml sets ${configured.value} and takes precedence over saved settings.`}
          description="Change the annotation in catalog-info.yaml to change the instance. Saving here is off, because a saved value would have no effect."
        />
      ) : null}
      <TextField
        label="ACR Enterprise Edition instance"
        description="[RegionID:]cri-…, e.g. cn-shanghai:cri-abc123. Empty: no instance."
        value={input}
        onChange={setInput}
        validate={() => (preview.errors.length > 0 ? preview.errors : null)}
        validationBehavior="aria"
      />
      {instances.length > 0 ? (
        <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
          <Text variant="body-small" color="secondary">
            Configured instances:
          </Text>
          {instances.map(instance => (
            <Button
              key={instance.id}
              size="small"
              variant="tertiary"
              onPress={() => setInput(`${instance.region}:${instance.id}`)}
            >
              {instance.id} ({instance.region})
            </Button>
          ))}
        </Flex>
      ) : null}
      {preview.annotationValue ? (
        <AcrValuePreview
          pods={`${cluster.name} (${cluster.region})`}
          value={preview.annotationValue}
          explanation={preview.explanation}
          testId="acr-preview-value"
        />
      ) : null}
      {unconfigured && preview.errors.length === 0 ? (
        <Alert status="info" icon title={unconfigured} />
      ) : null}
    </ActionDialog>
  );
}
