import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { checkWithApi } from '../common/checkWithApi';
import { entityRefProblem } from '../common/formValues';
import { pinProblem } from './cacheChoices';
import { cachePickerTarget } from './pickerTarget';
import { EciImageCachePickerUiOptions } from './schema';

/**
 * Field validation of `EciImageCachePicker`, run when the step is submitted: the chosen cache must
 * still be one common's pin rule allows (caches expire, fail and get deleted while the form is open).
 */
export const validateCachePick: CustomFieldValidator<
  string,
  EciImageCachePickerUiOptions
> = async (cacheId, validation, context) => {
  if (!cacheId) {
    return;
  }
  const { entity, cluster } = cachePickerTarget(
    context.uiSchema?.['ui:options'],
    context.formData,
  );
  if (entity.status !== 'ok') {
    validation.addError(entityRefProblem(entity));
    return;
  }
  await checkWithApi(
    context.apiHolder,
    validation,
    `Cache ${cacheId}`,
    async api => {
      const problem = pinProblem(
        await api.getEntityState(entity.ref),
        cluster,
        cacheId,
        new Date(),
      );
      return problem ? [problem] : [];
    },
  );
};
