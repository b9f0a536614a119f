import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRunsResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { useDocumentVisible } from './useDocumentVisible';
import { useInterval } from './useInterval';

/** Runs are served from the backend's memory, so polling them often costs the cluster nothing. */
export const RUNS_POLL_MS = 3_000;

/** The entity's last runs, and how to reload them. */
export interface EntityRunsHandle {
  runs?: EntityRunsResponse;
  error?: unknown;
  reload: () => Promise<void>;
}

/** The entity's last runs, refreshed every few seconds while the browser tab is visible. */
export function useEntityRuns(entity: CompoundEntityRef): EntityRunsHandle {
  const api = useApi(eciImageCacheApiRef);
  const visible = useDocumentVisible();
  const { kind, namespace, name } = entity;
  const [runs, setRuns] = useState<EntityRunsResponse>();
  const [error, setError] = useState<unknown>();
  const latestRequest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const value = await api.getEntityRuns({ kind, namespace, name });
      if (request === latestRequest.current) {
        setRuns(value);
        setError(undefined);
      }
    } catch (e) {
      if (request === latestRequest.current) setError(e);
    }
  }, [api, kind, namespace, name]);

  useEffect(() => {
    setRuns(undefined);
    reload();
  }, [reload]);
  useInterval(reload, visible ? RUNS_POLL_MS : undefined);
  return { runs, error, reload };
}
