import { useApi } from '@backstage/frontend-plugin-api';
import {
  FleetCachesResponse,
  FleetQuery,
} from '@eci-portal/plugin-eci-image-cache-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';

/**
 * One page of the fleet for the query. The previous page stays shown while the next loads, so
 * the table does not jump; only the newest request's answer is kept.
 */
export function useFleetCaches(query: FleetQuery) {
  const api = useApi(eciImageCacheApiRef);
  const [fleet, setFleet] = useState<FleetCachesResponse>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const latestRequest = useRef(0);
  const key = JSON.stringify(query);

  const reload = useCallback(async () => {
    const request = ++latestRequest.current;
    setLoading(true);
    try {
      const value = await api.getFleetCaches(JSON.parse(key));
      if (request === latestRequest.current) {
        setFleet(value);
        setError(undefined);
      }
    } catch (e) {
      if (request === latestRequest.current) setError(e);
    } finally {
      if (request === latestRequest.current) setLoading(false);
    }
  }, [api, key]);

  useEffect(() => {
    reload();
  }, [reload]);
  return { fleet, error, loading, reload };
}
