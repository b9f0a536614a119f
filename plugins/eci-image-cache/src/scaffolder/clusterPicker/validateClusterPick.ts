import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { checkWithApi } from '../common/checkWithApi';
import { clusterProblems } from './clusterProblems';

/** Field validation of `EciClusterPicker`: a cluster the backend is configured with. */
export const validateClusterPick: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  if (!value) {
    return;
  }
  await checkWithApi(context.apiHolder, validation, value, async api =>
    clusterProblems(value, (await api.listClusters()).items),
  );
};
