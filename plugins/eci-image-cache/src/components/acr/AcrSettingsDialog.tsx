import {
  AcrInstanceInfo,
  ANNOTATION_ACR_INSTANCE_ID,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { useEffect, useMemo, useState } from 'react';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { readableError } from '../../api/readableError';
import { monospace } from '../common/styles';
import { previewAcrInput } from './acrPreview';

/**
 * Edits the entity's saved ACR instance, with the annotation value it leads to shown live.
 * An empty field removes the saved instance.
 */
export function AcrSettingsDialog(props: {
  state: EntityStateResponse;
  clusterRegion: string;
  onSave: (acrInstance: string | undefined) => Promise<void>;
  onClose: () => void;
}) {
  const { state, clusterRegion, onSave, onClose } = props;
  const api = useApi(eciImageCacheApiRef);
  const configured = state.config?.acrInstance;
  const [input, setInput] = useState(
    state.settings?.settings.acrInstance ?? configured?.value ?? '',
  );
  const [instances, setInstances] = useState<AcrInstanceInfo[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

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

  const preview = useMemo(
    () => previewAcrInput(input, clusterRegion, instances),
    [input, clusterRegion, instances],
  );

  const save = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onSave(input.trim() === '' ? undefined : input.trim());
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  return (
    <Dialog
      isOpen
      onOpenChange={open => {
        if (!open) onClose();
      }}
      width={560}
    >
      <DialogHeader>ACR password-free pulls</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          {configured?.source === 'annotation' ? (
            <Alert
              status="warning"
              icon
              title={`${ANNOTATION_ACR_INSTANCE_ID} in catalog-info.yaml sets ${configured.value} and takes precedence over saved settings.`}
              description="Change the annotation to change the instance; a saved value applies once the annotation is removed."
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
            <div aria-live="polite">
              <Text as="p">
                Pods on clusters in {clusterRegion} get{' '}
                <code style={monospace} data-testid="acr-preview-value">
                  {preview.annotationValue}
                </code>
              </Text>
              <Text as="p" variant="body-small" color="secondary">
                {preview.explanation}
              </Text>
            </div>
          ) : null}
          {preview.regionMismatch ? (
            <Alert status="warning" icon title={preview.regionMismatch} />
          ) : null}
          {error ? (
            <Alert
              status="danger"
              icon
              title="The settings were not saved"
              description={readableError(error)}
            />
          ) : null}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          isDisabled={preview.errors.length > 0}
          isPending={pending}
          onPress={save}
        >
          Save
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
