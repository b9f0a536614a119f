import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { hasCacheInProgress } from '../state/cacheProgress';
import { useDocumentVisible } from './useDocumentVisible';
import { useInterval } from './useInterval';

/** Poll interval while a cache is being built, so the progress bar moves. */
export const FAST_POLL_MS = 2_000;
/** Poll interval otherwise. */
export const SLOW_POLL_MS = 30_000;

/** The entity state as last loaded, plus how to reload or patch it. */
export interface EntityStateHandle {
  /** The last state loaded; kept while reloading so nothing jumps. */
  state?: EntityStateResponse;
  /** The last load error; the previous state stays available. */
  error?: unknown;
  /** When the shown state was loaded (ISO 8601); older than the last poll when `error` is set. */
  loadedAt?: string;
  /** True until the first load finished. */
  loading: boolean;
  /** Loads the state now. */
  reload: () => Promise<void>;
  /** Applies an optimistic change until the next load replaces it. */
  patch: (update: (state: EntityStateResponse) => EntityStateResponse) => void;
}

/**
 * Loads an entity's state and keeps it live: every 2 s while a cache is Preparing, Creating or
 * Updating, every 30 s otherwise, paused while the browser tab is hidden and refreshed when it
 * comes back.
 */
export function useEntityState(entity: CompoundEntityRef): EntityStateHandle {
  const api = useApi(eciImageCacheApiRef);
  const visible = useDocumentVisible();
  const { kind, namespace, name } = entity;
  const [state, setState] = useState<EntityStateResponse>();
  const [error, setError] = useState<unknown>();
  const [loadedAt, setLoadedAt] = useState<string>();
  const [loading, setLoading] = useState(true);
  // Answers can arrive out of order (a poll racing a reload); only the newest request counts.
  const latestRequest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const value = await api.getEntityState({ kind, namespace, name });
      if (request === latestRequest.current) {
        setState(value);
        setError(undefined);
        setLoadedAt(new Date().toISOString());
      }
    } catch (e) {
      if (request === latestRequest.current) {
        setError(e);
      }
    } finally {
      if (request === latestRequest.current) {
        setLoading(false);
      }
    }
  }, [api, kind, namespace, name]);

  useEffect(() => {
    setState(undefined);
    setError(undefined);
    setLoading(true);
    reload();
  }, [reload]);

  const wasVisible = useRef(visible);
  useEffect(() => {
    if (visible && !wasVisible.current) {
      reload();
    }
    wasVisible.current = visible;
  }, [visible, reload]);

  const delay =
    state && hasCacheInProgress(state) ? FAST_POLL_MS : SLOW_POLL_MS;
  useInterval(reload, visible && !loading ? delay : undefined);

  const patch = useCallback(
    (update: (current: EntityStateResponse) => EntityStateResponse) => {
      // A patch outdates answers to requests already in flight.
      latestRequest.current++;
      setState(current => (current ? update(current) : current));
    },
    [],
  );

  return { state, error, loadedAt, loading, reload, patch };
}
