import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eciImageCachePermissions } from '@eci-portal/plugin-eci-image-cache-common';
import { eciClusterAuthExtensionPoint } from '@eci-portal/plugin-eci-image-cache-node';
import { builtInAuthStrategies } from './cluster/auth/builtInStrategies';
import { ClusterRegistry } from './cluster/ClusterRegistry';
import { readPluginConfig } from './config/pluginConfig';
import { readFleetPricing } from './fleet/fleetConfig';
import { createFleetRouter, FLEET_ROUTE_PATH } from './fleet/fleetRouter';
import { FleetService } from './fleet/FleetService';
import { OwnerPresence } from './fleet/OwnerPresence';
import { EciImageCacheStore } from './database/EciImageCacheStore';
import { HistoryCache } from './database/HistoryCache';
import { LifecycleStateCache } from './database/LifecycleStateCache';
import { recordPhaseTransitions } from './reconciler/PhaseTransitionRecorder';
import { Reconciler } from './reconciler/Reconciler';
import { ReconcileLease } from './reconciler/ReconcileLease';
import { CacheNotifier } from './notifications/CacheNotifier';
import { readNotificationConfig } from './notifications/notificationConfig';
import { SentNotifications } from './notifications/SentNotifications';
import { createRouter, ROUTE_PATHS } from './router';
import { createRunEvidence } from './runs/runEvidence';
import { RunEvidenceService } from './runs/RunEvidenceService';
import { readRunConfig } from './runs/runConfig';
import { createRunsRouter } from './runs/runsRouter';
import { CacheCommands } from './services/CacheCommands';
import { CatalogChangeFeed } from './catalog/CatalogChangeFeed';
import { CatalogEntities } from './catalog/CatalogEntities';
import { EntityAccess } from './services/EntityAccess';
import { EntityConfigResolver } from './desired/EntityConfigResolver';
import { EntityStateService } from './services/EntityStateService';
import { OverviewService } from './services/OverviewService';
import { SettingsCommands } from './services/SettingsCommands';
import { WorkflowPreviewService } from './services/WorkflowPreviewService';

/** Id of the scheduled reconciliation task (global: one replica at a time). */
export const RECONCILE_TASK_ID = 'eci-image-cache-reconcile';
/** Id of the task that reconciles entities the catalog changed (local: each replica looks). */
export const CATALOG_CHANGES_TASK_ID = 'eci-image-cache-catalog-changes';

/** Id of the scheduled check of every managed cache for owner notifications (global). */
export const NOTIFY_TASK_ID = 'eci-image-cache-notify';

/**
 * The ECI image cache backend plugin: keeps every catalog entity's ImageCaches and ACR
 * configuration correct on the configured clusters and serves `/api/eci-image-cache`.
 *
 * @public
 */
export const eciImageCachePlugin = createBackendPlugin({
  pluginId: 'eci-image-cache',
  register(env) {
    const authStrategies = builtInAuthStrategies();
    env.registerExtensionPoint(eciClusterAuthExtensionPoint, {
      addAuthStrategy(authProvider, strategy) {
        if (!authProvider.trim() || authStrategies.has(authProvider)) {
          throw new Error(
            `Cannot add cluster auth strategy "${authProvider}": ${
              authProvider.trim() ? 'that authProvider is taken' : 'empty name'
            }`,
          );
        }
        authStrategies.set(authProvider, strategy);
      },
    });
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readPluginConfig(deps.rootConfig, authStrategies);
        deps.permissionsRegistry.addPermissions(eciImageCachePermissions);

        const store = await EciImageCacheStore.create(deps.database);
        const lifecycleState = new LifecycleStateCache(store, 1_000);
        const resolver = new EntityConfigResolver(config);
        const history = new HistoryCache(store, 50, 10_000);
        const clusters = new ClusterRegistry(config, deps.logger);
        const entities = new CatalogEntities(
          deps.catalog,
          deps.auth,
          config.entityCacheTtlMs,
        );
        const access = new EntityAccess(entities, deps.permissions);
        const reconciler = new Reconciler(
          config,
          clusters,
          store,
          lifecycleState,
          resolver,
          entities,
          deps.logger,
          new ReconcileLease(store),
        );
        const cacheCommands = new CacheCommands(
          config,
          clusters,
          store,
          resolver,
          access,
          reconciler,
          deps.logger,
        );
        recordPhaseTransitions(clusters, store, deps.logger);
        const notificationConfig = readNotificationConfig(deps.rootConfig);
        const notifier = notificationConfig.enabled
          ? new CacheNotifier({
              config: notificationConfig,
              clusters,
              store,
              entities,
              notifications: deps.notifications,
              sent: await SentNotifications.create(deps.database),
              logger: deps.logger,
            })
          : undefined;
        notifier?.watchFailures();

        const entityState = new EntityStateService(
          config,
          clusters,
          history,
          lifecycleState,
          resolver,
          access,
        );
        const runEvidence = createRunEvidence(
          config,
          readRunConfig(deps.rootConfig),
          deps.logger,
        );
        // Before the main router, whose last handler answers unknown routes with a 404.
        deps.httpRouter.use(
          createRunsRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            runs: new RunEvidenceService(
              config,
              runEvidence.store,
              runEvidence.watches,
              access,
            ),
          }),
        );
        deps.httpRouter.use(
          createFleetRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            fleet: new FleetService(
              clusters,
              new OwnerPresence(entities, config.entityCacheTtlMs),
              deps.permissions,
              runEvidence.store,
              readFleetPricing(deps.rootConfig),
            ),
          }),
        );
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            entityState,
            cacheCommands,
            settingsCommands: new SettingsCommands(
              store,
              access,
              resolver,
              entityRef => cacheCommands.reconcileLater(entityRef),
            ),
            workflowPreview: new WorkflowPreviewService(
              config.acrInstances,
              entityState,
            ),
            overview: new OverviewService(
              config,
              clusters,
              store,
              deps.permissions,
            ),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        // The routes authenticate callers themselves, so that refusals are audited too.
        for (const path of [...ROUTE_PATHS, FLEET_ROUTE_PATH]) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }

        clusters.start();
        runEvidence.start();
        deps.lifecycle.addShutdownHook(async () => {
          await Promise.all([clusters.stop(), runEvidence.stop()]);
          await notifier?.idle();
        });

        await deps.scheduler.scheduleTask({
          id: RECONCILE_TASK_ID,
          scope: 'global',
          frequency: { milliseconds: config.lifecycle.reconcileIntervalMs },
          timeout: { minutes: 10 },
          fn: async () => {
            const summary = await reconciler.reconcileAll();
            if (summary.skipped) {
              deps.logger.info(
                'Reconciliation skipped: another replica holds the reconciler lease',
              );
            } else if (summary.actions > 0 || summary.errors > 0) {
              deps.logger.info(
                `Reconciled ${summary.entities} entities: ${summary.actions} actions, ${summary.errors} errors`,
              );
            }
          },
        });
        // The full pass above is the safety net; a changed entity is reconciled within one
        // interval of this (local, millisecond-precise) task, under the same lease.
        const catalogChanges = new CatalogChangeFeed(entities);
        await deps.scheduler.scheduleTask({
          id: CATALOG_CHANGES_TASK_ID,
          scope: 'local',
          frequency: { milliseconds: config.lifecycle.catalogChangeIntervalMs },
          timeout: { minutes: 1 },
          fn: async () => {
            const changes = await catalogChanges.changes();
            if (changes.length === 0) return;
            let reconciled = false;
            try {
              reconciled = await reconciler.reconcileChanges(changes);
            } finally {
              if (!reconciled) {
                catalogChanges.requeue(changes);
              }
            }
          },
        });
        if (notifier) {
          await deps.scheduler.scheduleTask({
            id: NOTIFY_TASK_ID,
            scope: 'global',
            frequency: { milliseconds: notificationConfig.checkIntervalMs },
            timeout: { minutes: 10 },
            fn: () => notifier.checkAll(),
          });
        }
      },
    });
  },
});
