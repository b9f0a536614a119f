import { useApi } from '@backstage/frontend-plugin-api';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { useAsyncValue } from '../common/useAsyncValue';
import { AcrRegionSource, sourceKey } from './acrPickerTarget';
import { resolveClusterRegion, ResolvedRegion } from './resolveClusterRegion';

/**
 * The cluster region the picker computes values for; undefined while it is asked for (again, when
 * the cluster changes). A `clusterRegion` option needs no request.
 */
export function useClusterRegion(
  source: AcrRegionSource,
): ResolvedRegion | undefined {
  const api = useApi(eciImageCacheApiRef);
  const lookedUp = useAsyncValue(
    sourceKey(source),
    source.from === 'option'
      ? undefined
      : () => resolveClusterRegion(api, source),
  );
  return source.from === 'option'
    ? { target: { region: source.region } }
    : lookedUp.value;
}
