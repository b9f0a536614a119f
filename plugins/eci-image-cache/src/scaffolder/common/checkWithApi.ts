import { ApiHolder } from '@backstage/core-plugin-api';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  EciImageCacheApi,
  eciImageCacheApiRef,
} from '../../api/EciImageCacheApi';
import { readableError } from '../../api/readableError';

/** What a field validator adds its errors to. */
type FieldValidation = Parameters<CustomFieldValidator<string>>[1];

/**
 * Runs a field check that asks the backend, adding its problems as field errors; a backend that
 * cannot answer is an error too (the value could not be checked).
 */
export async function checkWithApi(
  apiHolder: ApiHolder,
  validation: FieldValidation,
  subject: string,
  check: (api: EciImageCacheApi) => Promise<string[]>,
): Promise<void> {
  const api = apiHolder.get(eciImageCacheApiRef);
  if (!api) {
    validation.addError('The image cache API is not installed in this app.');
    return;
  }
  try {
    for (const problem of await check(api)) {
      validation.addError(problem);
    }
  } catch (error) {
    validation.addError(
      `${subject} could not be checked: ${readableError(error)}`,
    );
  }
}
