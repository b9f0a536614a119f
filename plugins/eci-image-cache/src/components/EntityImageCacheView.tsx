import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  CreateCacheRequest,
  EntityCacheMode,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Button, Flex } from '@backstage/ui';
import { useMemo, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { readableError } from '../api/readableError';
import {
  ActionPermission,
  useEntityActionPermissions,
} from '../hooks/useEntityActionPermissions';
import { useEntityTabData } from '../hooks/useEntityTabData';
import { absoluteTime } from '../state/absoluteTime';
import { deniedReason } from '../state/deniedReason';
import { withCache, withCacheDeleting } from '../state/optimistic';
import { hasFloatingTagWarning, isFloatingTagNote } from '../state/floatingTag';
import { visibleClusters } from '../state/visibleClusters';
import { entityCacheDecision, targetCluster } from '../state/entityDecision';
import { warmthVerdict } from '../state/warmthVerdict';
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
import { SavedSettingsCard } from './settings/SavedSettingsCard';
import { SummaryHeader } from './summary/SummaryHeader';
import { WorkflowPanel } from './workflow/WorkflowPanel';

/** Resetting may change the ACR instance and the cache settings, so it needs both permissions. */
function bothAllowed(
  a: ActionPermission,
  b: ActionPermission,
): ActionPermission {
  return { loading: a.loading || b.loading, allowed: a.allowed && b.allowed };
}

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
  const { state, error, loadedAt, loading, reload, patch, runs, workflow } =
    useEntityTabData(compoundRef);
  const permissions = useEntityActionPermissions(entityRef);
  const [dialog, setDialog] = useState<OpenDialog>();

  if (loading) {
    return (
      <>
        <SpinStyle />
        <TabSkeleton />
      </>
    );
  }
  if (!state) {
    return <LoadFailure error={error} onRetry={reload} />;
  }

  const target = targetCluster(state);
  const cacheDecision = entityCacheDecision(state, new Date(), target);
  const verdict = warmthVerdict(state, cacheDecision);
  const clusters = visibleClusters(state);
  const hasManagedCache =
    target?.caches.some(cache => cache.managed && !cache.deleting) ?? false;

  const createCache = async (request: CreateCacheRequest) => {
    const response = await api.createCache(compoundRef, request);
    patch(current => withCache(current, response.cache));
    setDialog(undefined);
    const outcomes: Record<typeof response.outcome, string> = {
      created: 'requested; ECI builds it now',
      refreshed: `requested as revision ${response.revision}; it becomes current once Ready`,
      'in-flight': `is already being built (revision ${response.revision}, requested by ${response.requestedBy})`,
      adopted: 'already existed',
    };
    alertApi.post({
      message: `Cache ${response.cache.name} on ${response.cluster} ${
        outcomes[response.outcome]
      }.`,
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

  const resetSettings = async () => {
    await api.deleteSettings(compoundRef);
    await reload();
  };

  const saveCacheMode = async (cacheMode: EntityCacheMode) => {
    await api.saveSettings(compoundRef, {
      ...state.settings?.settings,
      cacheMode,
    });
    setDialog(undefined);
    alertApi.post({
      message: `${name} now uses cache mode "${cacheMode}".`,
      severity: 'success',
      display: 'transient',
    });
    await reload();
  };

  const cacheMode = state.config?.cacheMode;
  const modeSetByAnnotation = cacheMode?.source === 'annotation';
  // Only manual entities have a cache to create; others are offered the switch, where settings can make it.
  let createButton = null;
  if (!cacheMode || cacheMode.value === 'manual') {
    createButton = (
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
  } else if (!modeSetByAnnotation) {
    createButton = (
      <PermissionGatedButton
        permission={permissions.create}
        deniedReason={deniedReason(entity, 'change its cache mode')}
        variant="secondary"
        onPress={() =>
          saveCacheMode('manual').catch(e =>
            alertApi.post({
              message: `The cache mode was not changed: ${readableError(e)}`,
              severity: 'error',
            }),
          )
        }
      >
        Switch to manual
      </PermissionGatedButton>
    );
  }
  const rebuildsOnDelete = (cache: ImageCacheView) =>
    cache.role === 'active' &&
    cache.cluster === target?.name &&
    cacheMode?.value === 'manual';

  return (
    <Flex direction="column" gap="4" className="eci-tab">
      <SpinStyle />
      <SummaryHeader state={state} verdict={verdict} action={createButton} />
      {error ? (
        <Alert
          status="warning"
          icon
          title={`The portal cannot reach the image cache service: showing the state of ${
            loadedAt ? absoluteTime(loadedAt) : 'the last load'
          }.`}
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
        staleSince={error ? loadedAt : undefined}
      />
      <RunsCard runs={runs} />
      <AcrCard
        state={state}
        clusters={clusters.map(cluster => cluster.acr)}
        permission={permissions.updateAcr}
        deniedReason={deniedReason(entity, 'change its ACR instance')}
        onEdit={() => setDialog({ type: 'acr' })}
      />
      {state.settings ? (
        <SavedSettingsCard
          saved={state.settings}
          config={state.config}
          permission={bothAllowed(permissions.updateAcr, permissions.create)}
          deniedReason={deniedReason(entity, 'change its saved settings')}
          onReset={resetSettings}
        />
      ) : null}
      {workflow.cluster ? (
        <WorkflowPanel
          name={name}
          workflow={workflow}
          isShownElsewhere={note =>
            isFloatingTagNote(note) && hasFloatingTagWarning(state)
          }
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
          rebuild={
            rebuildsOnDelete(dialog.cache)
              ? {
                  canSwitch: permissions.create.allowed && !modeSetByAnnotation,
                  cannotSwitchReason: modeSetByAnnotation
                    ? 'The alibabacloud.com/eci-image-cache annotation sets the mode: change it in the catalog.'
                    : undefined,
                  onSwitch: saveCacheMode,
                }
              : undefined
          }
          onConfirm={() => deleteCache(dialog.cache)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog?.type === 'acr' && target ? (
        <AcrSettingsDialog
          state={state}
          cluster={target}
          onSave={saveAcr}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </Flex>
  );
}
