import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ECI_CLUSTER,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  ANNOTATION_ECI_IMAGE_CACHE_SIZE,
  ANNOTATION_ECI_IMAGES,
  EntitySettings,
  imageCacheName,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Images the emulator's registry knows (so ECI builds them when time moves). */
export const REGISTRY_IMAGES = [
  'nginx:1.25.3',
  'busybox:1.36',
  'python:3.12-slim',
  'alpine:3.20',
  'ubuntu:22.04',
  'docker/whalesay:latest',
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
];

/** How an entity of the fleet wants its cache, decided by its position. */
export type EntityRole =
  | 'manual' // alibabacloud.com/eci-image-cache: manual
  | 'manual-sized' // manual, with size and retention annotations
  | 'auto' // auto: no managed cache, and an orphan of an earlier manual life to delete
  | 'off'
  | 'settings-before' // no mode annotation; settings {cacheMode: manual, imageCacheSize: 40} saved before the faults
  | 'settings-during'; // no mode annotation; settings {cacheMode: manual, retentionDays: 3} saved during the faults

const ROLES: EntityRole[] = [
  'manual',
  'manual',
  'manual-sized',
  'manual',
  'auto',
  'off',
  'settings-before',
  'settings-during',
  'manual',
  'manual-sized',
];

export interface FleetEntity {
  entity: Entity;
  entityRef: string;
  role: EntityRole;
  cluster: string;
  images: string[];
  /** The settings the scenario saves through the API, if any. */
  settings?: EntitySettings;
}

/** What a converged cluster must hold for one entity. */
export interface DesiredCache {
  entityRef: string;
  cluster: string;
  name: string;
  images: string[];
  imageCacheSize: number;
  retentionDays: number;
}

export function entityName(index: number): string {
  return `svc-${String(index).padStart(4, '0')}`;
}

/** The images of an entity: one or two registry images, stable per index and generation. */
export function fleetImages(index: number, generation = 0): string[] {
  const first = REGISTRY_IMAGES[(index + generation) % REGISTRY_IMAGES.length];
  const second =
    REGISTRY_IMAGES[(index + generation + 3) % REGISTRY_IMAGES.length];
  return index % 3 === 0 ? [first, second] : [first];
}

/** `count` catalog entities spread over the clusters (the first cluster is the default). */
export function buildFleet(
  count: number,
  clusters: string[],
  options: { roles?: EntityRole[]; generation?: number } = {},
): FleetEntity[] {
  const roles = options.roles ?? ROLES;
  return Array.from({ length: count }, (_, index) => {
    const role = roles[index % roles.length];
    const cluster =
      clusters[Math.floor(index / roles.length) % clusters.length];
    const images = fleetImages(index, options.generation);
    const annotations: Record<string, string> = {
      [ANNOTATION_ECI_IMAGES]: images.join(','),
    };
    // Entities of the default cluster name it only every other time.
    if (cluster !== clusters[0] || index % 2 === 0) {
      annotations[ANNOTATION_ECI_CLUSTER] = cluster;
    }
    let settings: EntitySettings | undefined;
    switch (role) {
      case 'manual':
        annotations[ANNOTATION_ECI_IMAGE_CACHE] = 'manual';
        break;
      case 'manual-sized':
        annotations[ANNOTATION_ECI_IMAGE_CACHE] = 'manual';
        annotations[ANNOTATION_ECI_IMAGE_CACHE_SIZE] = '60';
        annotations[ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS] = '7';
        break;
      case 'auto':
      case 'off':
        annotations[ANNOTATION_ECI_IMAGE_CACHE] = role;
        break;
      case 'settings-before':
        settings = { cacheMode: 'manual', imageCacheSize: 40 };
        break;
      case 'settings-during':
        settings = { cacheMode: 'manual', retentionDays: 3 };
        break;
      default:
        throw new Error(`unknown role ${role}`);
    }
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: entityName(index), namespace: 'default', annotations },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/platform-team',
      },
    };
    return {
      entity,
      entityRef: stringifyEntityRef(entity),
      role,
      cluster,
      images,
      settings,
    };
  });
}

/**
 * The managed caches a converged fleet has, one per entity whose effective mode is manual
 * (the annotation, or the saved setting when there is no annotation). Computed from the
 * README's rules, not by the plugin's code: only the cache name comes from common.
 */
export function desiredCaches(
  fleet: FleetEntity[],
  saved: Map<string, EntitySettings>,
): Map<string, DesiredCache> {
  const desired = new Map<string, DesiredCache>();
  for (const item of fleet) {
    const annotations = item.entity.metadata.annotations ?? {};
    const settings = saved.get(item.entityRef) ?? {};
    const mode =
      annotations[ANNOTATION_ECI_IMAGE_CACHE] ?? settings.cacheMode ?? 'auto';
    if (mode !== 'manual') continue;
    const size = annotations[ANNOTATION_ECI_IMAGE_CACHE_SIZE];
    const retention = annotations[ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS];
    desired.set(item.entityRef, {
      entityRef: item.entityRef,
      cluster: item.cluster,
      name: imageCacheName(item.entityRef, item.images),
      images: item.images,
      imageCacheSize: size ? Number(size) : settings.imageCacheSize ?? 20,
      retentionDays: retention
        ? Number(retention)
        : settings.retentionDays ?? 30,
    });
  }
  return desired;
}
