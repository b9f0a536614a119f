import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  CreateCacheRequest,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Button, Flex } from '@backstage/ui';
import { useMemo, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { readableError } from '../api/readableError';
import { useEntityActionPermissions } from '../hooks/useEntityActionPermissions';
import { useEntityState } from '../hooks/useEntityState';
import { deniedReason } from '../state/deniedReason';
import { withCache, withCacheDeleting } from '../state/optimistic';
import { visibleClusters } from '../state/visibleClusters';
import { targetCluster, warmthVerdict } from '../state/warmthVerdict';
import { AcrCard } from './acr/AcrCard';
import { AcrSettingsDialog } from './acr/AcrSettingsDialog';
import { CreateCacheDialog } from './actions/CreateCacheDialog';
import { DeleteCacheDialog } from './actions/DeleteCacheDialog';
import { CachesCard } from './caches/CachesCard';
import { SpinStyle } from './common/SpinStyle';
import { PermissionGatedButton } from './permissions/PermissionGatedButton';
import { RunsCard } from './runs/RunsCard';
import { ConfigIssues } from './states/ConfigIssues';
import { LoadFailure } from './states/LoadFailure';
import { TabSkeleton } from './states/TabSkeleton';
import { SummaryHeader } from './summary/SummaryHeader';
import { WorkflowPanel } from './workflow/WorkflowPanel';

type OpenDialog =
  | { type: 'create' }
  | { type: 'delete'; cache: ImageCacheView }
  | { type: 'acr' };

/** The Image Cache tab of an entity with annotations: verdict, caches, ACR and workflow. */
export function EntityImageCacheView(props: { entity: Entity }) {
  const { entity } = props;
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const compoundRef = useMemo(
    () => ({ kind, namespace, name }),
    [kind, namespace, name],
  );
  const entityRef = stringifyEntityRef(compoundRef);
  const api = useApi(eciImageCacheApiRef);
  const alertApi = useApi(alertApiRef);
  const { state, error, loading, reload, patch } = useEntityState(compoundRef);
  const permissions = useEntityActionPermissions(entityRef);
  const [dialog, setDialog] = useState<OpenDialog>();

  if (loading) {
    return <TabSkeleton />;
  }
  if (!state) {
    return <LoadFailure error={error} onRetry={reload} />;
  }

  const verdict = warmthVerdict(state);
  const target = targetCluster(state);
  const clusters = visibleClusters(state);
  const hasManagedCache =
    target?.caches.some(cache => cache.managed && !cache.deleting) ?? false;
  const readyCacheId = target?.caches.find(
    cache => cache.managed && cache.usable && !cache.expired && !cache.deleting,
  )?.imageCacheId;

  const createCache = async (request: CreateCacheRequest) => {
    const response = await api.createCache(compoundRef, request);
    patch(current => withCache(current, response.cache));
    setDialog(undefined);
    alertApi.post({
      message: `Cache ${response.cache.name} ${response.outcome} on ${response.cluster}; ECI is building it.`,
      severity: 'success',
      display: 'transient',
    });
    reload();
  };

  const deleteCache = async (cache: ImageCacheView) => {
    patch(current => withCacheDeleting(current, cache.cluster, cache.name));
    let response;
    try {
      response = await api.deleteCache(compoundRef, cache.cluster, cache.name);
    } catch (e) {
      reload();
      throw e;
    }
    setDialog(undefined);
    alertApi.post({
      message: `Cache ${response.name} is being deleted on ${
        response.cluster
      }.${response.note ? ` ${response.note}` : ''}`,
      severity: 'info',
      display: 'transient',
    });
    reload();
  };

  const saveAcr = async (acrInstance: string | undefined) => {
    const { acrInstance: _previous, ...rest } = state.settings?.settings ?? {};
    await api.saveSettings(
      compoundRef,
      acrInstance ? { ...rest, acrInstance } : rest,
    );
    setDialog(undefined);
    await reload();
  };

  const createButton = (
    <PermissionGatedButton
      permission={permissions.create}
      deniedReason={deniedReason(entity, 'create or refresh its caches')}
      variant="primary"
      isDisabled={!state.config || !target}
      onPress={() => setDialog({ type: 'create' })}
    >
      {hasManagedCache ? 'Refresh cache' : 'Create cache'}
    </PermissionGatedButton>
  );

  return (
    <Flex direction="column" gap="4">
      <SpinStyle />
      <SummaryHeader state={state} verdict={verdict} action={createButton} />
      {error ? (
        <Alert
          status="warning"
          icon
          title="The latest refresh failed; showing the last known state"
          description={readableError(error)}
          customActions={
            <Button size="small" variant="secondary" onPress={reload}>
              Retry
            </Button>
          }
        />
      ) : null}
      <ConfigIssues problems={state.problems} warnings={state.warnings} />
      <CachesCard
        clusters={clusters}
        history={state.history}
        deletePermission={permissions.delete}
        deniedReason={deniedReason(entity, 'delete its caches')}
        onDelete={cache => setDialog({ type: 'delete', cache })}
      />
      <RunsCard entity={compoundRef} />
      <AcrCard
        state={state}
        clusters={clusters.map(cluster => cluster.acr)}
        permission={permissions.updateAcr}
        deniedReason={deniedReason(entity, 'change its ACR instance')}
        onEdit={() => setDialog({ type: 'acr' })}
      />
      {state.config && target ? (
        <WorkflowPanel
          entity={compoundRef}
          cluster={target.name}
          entityCacheMode={state.config.cacheMode.value}
          readyCacheId={readyCacheId ?? undefined}
        />
      ) : null}
      {dialog?.type === 'create' && target ? (
        <CreateCacheDialog
          state={state}
          cluster={target.name}
          refresh={hasManagedCache}
          onSubmit={createCache}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog?.type === 'delete' ? (
        <DeleteCacheDialog
          cache={dialog.cache}
          onConfirm={() => deleteCache(dialog.cache)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog?.type === 'acr' && target ? (
        <AcrSettingsDialog
          state={state}
          clusterRegion={target.region}
          onSave={saveAcr}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </Flex>
  );
}
