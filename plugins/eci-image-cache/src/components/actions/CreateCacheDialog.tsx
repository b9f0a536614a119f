import {
  CreateCacheRequest,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Radio,
  RadioGroup,
  Switch,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import { useMemo, useState } from 'react';
import { readableError } from '../../api/readableError';
import {
  CacheFormValues,
  checkCacheForm,
  initialCacheForm,
} from '../../state/cacheForm';

/**
 * Create or refresh the entity's cache, prefilled from its annotations. Every field is checked
 * with the common package's rules while typing; the server's answer to a rejected request is
 * shown as it is.
 */
export function CreateCacheDialog(props: {
  state: EntityStateResponse;
  cluster: string;
  /** Refresh (recreate) rather than a first create. */
  refresh: boolean;
  onSubmit: (request: CreateCacheRequest) => Promise<void>;
  onClose: () => void;
}) {
  const { state, cluster, refresh, onSubmit, onClose } = props;
  const config = state.config!;
  const [values, setValues] = useState<CacheFormValues>(() =>
    initialCacheForm(config, cluster),
  );
  const [pending, setPending] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const checked = useMemo(
    () => checkCacheForm(values, config),
    [values, config],
  );

  const set =
    <K extends keyof CacheFormValues>(key: K) =>
    (value: CacheFormValues[K]) =>
      setValues(current => ({ ...current, [key]: value }));
  const errorsOf = (key: keyof CacheFormValues) => () =>
    checked.errors[key] ?? null;

  const submit = async () => {
    if (!checked.request) {
      return;
    }
    setPending(true);
    setSubmitError(undefined);
    try {
      await onSubmit(checked.request);
    } catch (error) {
      setSubmitError(error);
      setPending(false);
    }
  };

  const action = refresh ? 'Refresh cache' : 'Create cache';
  return (
    <Dialog
      isOpen
      onOpenChange={open => {
        if (!open) onClose();
      }}
      width={560}
    >
      <DialogHeader>
        {refresh ? 'Refresh the image cache' : 'Create an image cache'}
      </DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          {refresh ? (
            <Alert
              status="info"
              icon
              title="A new cache replaces the current one once it is Ready; pods keep using the current one until then."
            />
          ) : null}
          {state.clusters.length > 1 ? (
            <RadioGroup
              label="Cluster"
              orientation="horizontal"
              value={values.cluster}
              onChange={set('cluster')}
            >
              {state.clusters.map(option => (
                <Radio key={option.name} value={option.name}>
                  {option.name} ({option.region})
                </Radio>
              ))}
            </RadioGroup>
          ) : null}
          <TextAreaField
            label="Images"
            description="One per line; pin tags, caches match exact name:tag."
            value={values.images}
            onChange={set('images')}
            validate={errorsOf('images')}
            validationBehavior="aria"
            rows={3}
          />
          {checked.warnings.map(warning => (
            <Alert
              key={warning.message}
              status="warning"
              icon
              title={warning.message}
            />
          ))}
          <Flex gap="3">
            <TextField
              label="Size (GiB)"
              description="20–32768"
              inputMode="numeric"
              value={values.imageCacheSize}
              onChange={set('imageCacheSize')}
              validate={errorsOf('imageCacheSize')}
              validationBehavior="aria"
            />
            <TextField
              label="Retention (days)"
              description="Empty: the configured default"
              inputMode="numeric"
              value={values.retentionDays}
              onChange={set('retentionDays')}
              validate={errorsOf('retentionDays')}
              validationBehavior="aria"
            />
          </Flex>
          <TextField
            label="Pull secrets"
            description="namespace:name, comma-separated; only for private images outside ACR password-free pulls"
            value={values.imagePullSecrets}
            onChange={set('imagePullSecrets')}
            validate={errorsOf('imagePullSecrets')}
            validationBehavior="aria"
          />
          <Switch
            label="Reuse layers of existing caches (faster builds)"
            isSelected={values.enableReuse}
            onChange={set('enableReuse')}
          />
          {submitError ? (
            <Alert
              status="danger"
              icon
              title="The cache was not created"
              description={readableError(submitError)}
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
          isDisabled={!checked.request}
          isPending={pending}
          onPress={submit}
        >
          {action}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
