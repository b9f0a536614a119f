import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { checkWithApi } from '../common/checkWithApi';
import { acrValueProblems } from './acrChoices';
import { AcrInstancePickerUiOptions } from './schema';

/**
 * Field validation of `AcrInstancePicker`, run when the step is submitted: a `[RegionID:]cri-…`
 * value (common rule) of a configured instance, in its real region. Catches values that come from
 * the URL or an edited form rather than from the list.
 */
export const validateAcrPick: CustomFieldValidator<
  string,
  AcrInstancePickerUiOptions
> = async (value, validation, context) => {
  if (!value) {
    return;
  }
  await checkWithApi(context.apiHolder, validation, value, async api =>
    acrValueProblems(value, (await api.listAcrInstances()).items),
  );
};
