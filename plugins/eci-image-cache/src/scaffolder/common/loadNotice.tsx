import { readableError } from '../../api/readableError';
import { PickerNotice } from './PickerNotice';
import { AsyncValue } from './useAsyncValue';

/**
 * What a picker shows instead of its choices while they load or when they could not be loaded;
 * undefined once they are there.
 */
export function loadNotice(
  loaded: AsyncValue<unknown>,
  field: { label: string; required?: boolean },
  what: string,
) {
  if (loaded.loading) {
    return (
      <PickerNotice
        label={field.label}
        required={field.required}
        status="info"
        isPending
        title={`Loading the configured ${what}…`}
      />
    );
  }
  if (!loaded.value) {
    return (
      <PickerNotice
        label={field.label}
        required={field.required}
        status="danger"
        title={`The ${what} could not be loaded.`}
        description={readableError(loaded.error)}
      />
    );
  }
  return undefined;
}
