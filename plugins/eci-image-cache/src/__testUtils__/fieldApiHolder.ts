import { ApiHolder, ApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { EciImageCacheClient } from '../api/EciImageCacheClient';

/** What field validators get as `apiHolder`: the real client, answered by msw. */
export function fieldApiHolder(): ApiHolder {
  const client = new EciImageCacheClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: mockApis.fetch(),
  });
  return {
    get: <T>(ref: ApiRef<T>) =>
      ref.id === eciImageCacheApiRef.id ? (client as unknown as T) : undefined,
  };
}
