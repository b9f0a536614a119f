import {
  AcrInstanceConfig,
  ClusterAcrView,
  decideAcr,
  EciEntityConfig,
  EffectiveEntityConfig,
  ImageAcrView,
  parseAcrRegistryDomain,
  resolveAcrInstance,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConfig } from '../config/pluginConfig';

/** The ACR annotation of the entity's pods on one cluster: common's `decideAcr`. */
export function clusterAcrView(
  config: EciEntityConfig | undefined,
  source: EffectiveEntityConfig['acrInstance']['source'],
  cluster: ClusterConfig,
  acrInstances: readonly AcrInstanceConfig[],
): ClusterAcrView {
  const { problems: _problems, ...view } = decideAcr({
    cluster,
    instance: config?.acrInstance ?? null,
    source: source === 'settings' ? 'settings' : 'annotation',
    images: config?.images.map(image => image.original) ?? [],
    configured: acrInstances,
  });
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
