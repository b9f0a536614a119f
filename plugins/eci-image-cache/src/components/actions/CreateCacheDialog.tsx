import {
  CreateCacheRequest,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  Alert,
  Flex,
  Radio,
  RadioGroup,
  Switch,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import { useMemo, useState } from 'react';
import { usePendingAction } from '../../hooks/usePendingAction';
import {
  CacheFormValues,
  checkCacheForm,
  initialCacheForm,
} from '../../state/cacheForm';
import { ActionDialog } from '../common/ActionDialog';

/** The form's text fields (everything but the cluster choice and the reuse switch). */
type TextKey =
  | 'images'
  | 'imageCacheSize'
  | 'retentionDays'
  | 'imagePullSecrets';

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
  const checked = useMemo(
    () => checkCacheForm(values, config),
    [values, config],
  );

  const set =
    <K extends keyof CacheFormValues>(key: K) =>
    (value: CacheFormValues[K]) =>
      setValues(current => ({ ...current, [key]: value }));
  /** Value, change handler and live validation of a text field. */
  const textField = (key: TextKey) => ({
    value: values[key],
    onChange: set(key),
    validate: () => checked.errors[key] ?? null,
    validationBehavior: 'aria' as const,
  });

  const submit = usePendingAction(async () => {
    if (checked.request) {
      await onSubmit(checked.request);
    }
  });

  return (
    <ActionDialog
      title={refresh ? 'Refresh the image cache' : 'Create an image cache'}
      width={560}
      actionLabel={refresh ? 'Refresh cache' : 'Create cache'}
      failureTitle="The cache was not created"
      action={submit}
      isActionDisabled={!checked.request}
      onClose={onClose}
    >
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
        rows={3}
        {...textField('images')}
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
          {...textField('imageCacheSize')}
        />
        <TextField
          label="Retention (days)"
          description="Empty: the configured default"
          inputMode="numeric"
          {...textField('retentionDays')}
        />
      </Flex>
      <TextField
        label="Pull secrets"
        description="namespace:name, comma-separated; only for private images outside ACR password-free pulls"
        {...textField('imagePullSecrets')}
      />
      <Switch
        label="Reuse layers of existing caches (faster builds)"
        isSelected={values.enableReuse}
        onChange={set('enableReuse')}
      />
    </ActionDialog>
  );
}
