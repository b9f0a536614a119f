import {
  acrAnnotationValue,
  acrAnnotationValues,
  AcrInstanceConfig,
  AcrInstanceUse,
  ClusterAcrView,
  EciEntityConfig,
  EffectiveEntityConfig,
  ImageAcrView,
  parseAcrRegistryDomain,
  resolveAcrInstance,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConfig } from '../config/pluginConfig';

function regionReason(
  instanceRegion: string | undefined,
  clusterRegion: string,
): string {
  if (instanceRegion === undefined) {
    return `no region given, so ECI assumes the cluster's region ${clusterRegion}`;
  }
  if (instanceRegion === clusterRegion) {
    return `instance and cluster are both in ${clusterRegion}, so the region is omitted`;
  }
  return `instance in ${instanceRegion}, cluster in ${clusterRegion}, so the region is prefixed`;
}

/**
 * The ACR annotation of the entity's pods on one cluster, with the reason for each
 * instance. Values come from common's region rule (`acrAnnotationValue(s)`).
 */
export function clusterAcrView(
  config: EciEntityConfig | undefined,
  sources: EffectiveEntityConfig['acrInstance']['source'],
  cluster: ClusterConfig,
  acrInstances: readonly AcrInstanceConfig[],
): ClusterAcrView {
  const view: ClusterAcrView = {
    cluster: cluster.name,
    clusterRegion: cluster.region,
    annotationValue: null,
    instances: [],
  };
  if (!config) return view;
  const seen = new Set<string>();
  if (config.acrInstance) {
    seen.add(config.acrInstance.id);
    view.instances.push({
      id: config.acrInstance.id,
      instanceRegion: config.acrInstance.region ?? null,
      value: acrAnnotationValue(config.acrInstance, cluster.region),
      reason: `set by ${
        sources === 'settings'
          ? 'the saved settings'
          : 'the alibabacloud.com/acr-instance-id annotation'
      }; ${regionReason(config.acrInstance.region, cluster.region)}`,
      source: sources === 'settings' ? 'settings' : 'annotation',
    });
  }
  for (const image of config.images) {
    const resolution = resolveAcrInstance(image, acrInstances);
    if (!resolution || seen.has(resolution.instance.id)) continue;
    seen.add(resolution.instance.id);
    const use: AcrInstanceUse = {
      id: resolution.instance.id,
      instanceRegion: resolution.instance.region,
      value: acrAnnotationValue(resolution.instance, cluster.region),
      reason: `serves the registry ${resolution.domain} of ${
        image.original
      }; ${regionReason(resolution.instance.region, cluster.region)}`,
      source: 'image-domain',
    };
    view.instances.push(use);
  }
  const values = acrAnnotationValues(
    config.images,
    config.acrInstance ? [config.acrInstance] : [],
    acrInstances,
    cluster.region,
  );
  view.annotationValue = values.length > 0 ? values.join(',') : null;
  return view;
}

/** Each image with the configured ACR EE instance serving it; images without one are flagged. */
export function imageAcrViews(
  config: EciEntityConfig | undefined,
  acrInstances: readonly AcrInstanceConfig[],
): ImageAcrView[] {
  if (!config) return [];
  return config.images.map(image => {
    const resolution = resolveAcrInstance(image, acrInstances);
    let message: string | null = null;
    if (!resolution) {
      const lookalike = parseAcrRegistryDomain(image.registry);
      message = lookalike
        ? `${image.registry} looks like ACR Enterprise Edition instance "${lookalike.instanceName}" in ${lookalike.region}, which is not in eciImageCache.acr.instances: no password-free pull is configured for it`
        : `${image.registry} is not an ACR Enterprise Edition instance: no password-free pull; private images need imagePullSecrets`;
    }
    return {
      image: image.original,
      registry: image.registry,
      acrInstanceId: resolution?.instance.id ?? null,
      acrInstanceRegion: resolution?.instance.region ?? null,
      onAcrEnterprise: Boolean(resolution),
      floating: image.floating,
      message,
    };
  });
}
