import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterAcrView,
  EntitySettings,
  ImageAcrView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { PluginConfig } from '../config/pluginConfig';
import {
  DesiredState,
  desiredStateOf,
  desiredStateOfEntity,
} from './desiredState';
import { clusterAcrView, imageAcrViews } from './acrViews';
import {
  resolveEntityConfig,
  ResolvedEntityConfig,
} from './resolveEntityConfig';

interface Memo {
  key: string;
  resolved: ResolvedEntityConfig;
  desired?: { revision: number; state: DesiredState };
  views?: { acr: ClusterAcrView[]; images: ImageAcrView[] };
}

const MAX_ENTRIES = 50_000;

/**
 * Resolves entity configurations and desired states once per change: validation and the
 * name hashes are pure, so results are reused while annotations and settings are unchanged.
 */
export class EntityConfigResolver {
  private readonly memo = new Map<string, Memo>();
  /** Fast path: the same entity object (cached catalog lookups) and settings object as last time. */
  private readonly byObject = new WeakMap<
    Entity,
    { settings?: EntitySettings; memo: Memo }
  >();

  constructor(private readonly config: PluginConfig) {}

  resolve(
    entity: Entity,
    settings: EntitySettings | undefined,
  ): ResolvedEntityConfig {
    return this.entry(entity, settings).resolved;
  }

  /** Like `desiredStateOfEntity`, memoised. */
  desired(
    entity: Entity | undefined,
    settings: EntitySettings | undefined,
    revisionOf: (cluster: string) => number,
    missingReason?: string,
  ): DesiredState {
    if (!entity || !this.entry(entity, settings).resolved.result.ok) {
      return desiredStateOfEntity(
        entity,
        settings,
        this.config,
        revisionOf,
        missingReason,
      );
    }
    const memo = this.entry(entity, settings);
    const revision = revisionOf(memo.resolved.cluster.name);
    if (memo.desired?.revision !== revision) {
      memo.desired = {
        revision,
        state: desiredStateOf(memo.resolved, this.config, revision),
      };
    }
    return memo.desired.state;
  }

  /** The ACR views of a resolved entity: one per configured cluster, and its images. */
  acrViews(
    entity: Entity,
    settings: EntitySettings | undefined,
  ): { acr: ClusterAcrView[]; images: ImageAcrView[] } {
    const memo = this.entry(entity, settings);
    if (!memo.views) {
      const { resolved } = memo;
      const config = resolved.result.ok ? resolved.result.value : undefined;
      memo.views = {
        acr: this.config.clusters.map(cluster =>
          clusterAcrView(
            config,
            resolved.sources.acrInstance,
            cluster,
            this.config.acrInstances,
          ),
        ),
        images: imageAcrViews(config, this.config.acrInstances),
      };
    }
    return memo.views;
  }

  private entry(entity: Entity, settings: EntitySettings | undefined): Memo {
    const same = this.byObject.get(entity);
    if (
      same &&
      same.settings === settings &&
      this.memo.get(same.memo.resolved.entityRef) === same.memo
    ) {
      return same.memo;
    }
    const found = this.lookup(entity, settings);
    this.byObject.set(entity, { settings, memo: found });
    return found;
  }

  private lookup(entity: Entity, settings: EntitySettings | undefined): Memo {
    const entityRef = stringifyEntityRef(entity);
    const key = JSON.stringify([
      entity.metadata.annotations ?? {},
      settings ?? null,
    ]);
    const existing = this.memo.get(entityRef);
    if (existing?.key === key) return existing;
    if (this.memo.size >= MAX_ENTRIES) this.memo.clear();
    const created: Memo = {
      key,
      resolved: resolveEntityConfig(entity, settings, this.config),
    };
    this.memo.set(entityRef, created);
    return created;
  }
}
