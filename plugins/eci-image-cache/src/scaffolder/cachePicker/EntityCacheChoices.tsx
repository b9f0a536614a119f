import { CompoundEntityRef } from '@backstage/catalog-model';
import { Alert, Button, Flex, Radio, RadioGroup } from '@backstage/ui';
import { readableError } from '../../api/readableError';
import { useEntityState } from '../../hooks/useEntityState';
import { FieldInputState } from '../common/fieldInputState';
import { PickerNotice } from '../common/PickerNotice';
import { CacheOption } from './CacheOption';
import { cacheChoices, emptyReason, pinProblem } from './cacheChoices';

/** Value of the "None" option of an optional picker. */
const NONE = '';

/**
 * The caches of one entity on a cluster that common's pin rule allows, as radio options, kept live like the Image Cache tab
 * (every 2 s while a cache is being built), or why there are none.
 */
export function EntityCacheChoices(props: {
  id?: string;
  label: string;
  entity: CompoundEntityRef;
  /** Undefined: the entity's cluster. */
  cluster?: string;
  value?: string;
  onChange: (cacheId: string | undefined) => void;
  /** Required, disabled and invalid, as the form says. */
  input: FieldInputState;
}) {
  const { label, value } = props;
  const required = props.input.isRequired;
  const { state, error, loading, reload } = useEntityState(props.entity);

  if (loading) {
    return (
      <PickerNotice
        label={label}
        required={required}
        status="info"
        isPending
        title={`Loading the image caches of ${props.entity.name}…`}
      />
    );
  }
  if (!state) {
    return (
      <PickerNotice
        label={label}
        required={required}
        status="danger"
        title={`The image caches of ${props.entity.name} could not be loaded.`}
        description={readableError(error)}
        action={
          <Button size="small" variant="secondary" onPress={reload}>
            Retry
          </Button>
        }
      />
    );
  }

  const now = new Date();
  const choices = cacheChoices(state, props.cluster, now);
  const stale = value
    ? pinProblem(state, props.cluster, value, now)
    : undefined;
  if (choices.status !== 'ready') {
    const reason = emptyReason(choices, state);
    return (
      <PickerNotice
        label={label}
        required={required}
        status={choices.status === 'unreachable' ? 'warning' : 'info'}
        title={reason.title}
        description={
          stale
            ? `${reason.description ?? ''} ${stale}`.trim()
            : reason.description
        }
      />
    );
  }
  return (
    <Flex direction="column" gap="2">
      <RadioGroup
        id={props.id}
        label={label}
        description={`Caches on ${choices.cluster.name} (${choices.cluster.region}) that workflows of ${state.entityRef} may pin: Ready, unexpired, holding all its images`}
        {...props.input}
        value={value ?? (required ? null : NONE)}
        onChange={selected =>
          props.onChange(selected === NONE ? undefined : selected)
        }
      >
        {choices.caches.map(cache => (
          <Radio key={cache.name} value={cache.imageCacheId!}>
            <CacheOption cache={cache} />
          </Radio>
        ))}
        {required ? null : <Radio value={NONE}>None</Radio>}
      </RadioGroup>
      {stale ? <Alert status="warning" icon title={stale} /> : null}
      {choices.cluster.error ? (
        <Alert
          status="warning"
          icon
          title={`Cluster ${choices.cluster.name} cannot be read right now; these caches may have changed.`}
          description={choices.cluster.error.message}
        />
      ) : null}
    </Flex>
  );
}
