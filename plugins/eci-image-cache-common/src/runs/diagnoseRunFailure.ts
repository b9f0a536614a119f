import {
  acrAnnotationValue,
  AcrInstanceConfig,
  parseAcrRegistryDomain,
  resolveAcrInstance,
} from '../acr';
import {
  ANNOTATION_ACR_INSTANCE_IDS,
  ANNOTATION_ACR_INSTANCE_ID,
  POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY,
} from '../annotations';
import { parseImageReference } from '../images';
import {
  AcrInstanceRef,
  validateAcrInstanceRef,
} from '../validation/alibabaIds';
import { RunDiagnosis, RunFailure } from './runTypes';

/**
 * What the diagnosis may know beyond the failure: the pod's annotations and the cluster's setup.
 *
 * @public
 */
export interface RunDiagnosisContext {
  /** Annotations of the pod that failed. */
  podAnnotations?: Record<string, string>;
  /** Region of the cluster the pod ran in. */
  clusterRegion?: string;
  /** Configured ACR Enterprise Edition instances. */
  acrInstances?: readonly AcrInstanceConfig[];
}

// containerd / docker / ACR wordings of a refused pull
const UNAUTHORIZED =
  /unauthorized|no basic auth credentials|authorization failed|pull access denied|authentication required|insufficient_scope|denied: requested access/i;
const NOT_FOUND = /not found|manifest unknown|name unknown|does not exist/i;
const UNREACHABLE =
  /i\/o timeout|deadline exceeded|connection refused|no such host|dial tcp|tls handshake timeout|network is unreachable/i;

const ENTITY_ACR_FIX = `set the entity's ${ANNOTATION_ACR_INSTANCE_ID} (or the ACR settings of its Image Cache tab) and regenerate the workflow`;

function podAcrRefs(
  annotations: Record<string, string> = {},
): AcrInstanceRef[] {
  const raw =
    annotations[ANNOTATION_ACR_INSTANCE_IDS] ??
    annotations[POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY] ??
    '';
  return raw
    .split(',')
    .map(part => validateAcrInstanceRef(part.trim()))
    .flatMap(result => (result.ok ? [result.value] : []));
}

function diagnoseUnauthorized(
  image: string | undefined,
  context: RunDiagnosisContext,
): RunDiagnosis {
  const parsed = image ? parseImageReference(image) : undefined;
  const host = parsed?.ok ? parsed.value.registry : undefined;
  const resolution = image
    ? resolveAcrInstance(image, context.acrInstances ?? [])
    : undefined;
  if (resolution) {
    const { instance } = resolution;
    const expected = acrAnnotationValue(instance, context.clusterRegion);
    const named = podAcrRefs(context.podAnnotations).find(
      ref => ref.id === instance.id,
    );
    if (named && (named.region ?? context.clusterRegion) !== instance.region) {
      return {
        kind: 'acr-wrong-region',
        summary: `The pod names ACR instance ${instance.id} in region ${
          named.region ?? context.clusterRegion ?? 'of the cluster'
        }, but the instance is in ${
          instance.region
        }, so ECI's password-free pull of ${image} was refused.`,
        fix: `Use ${ANNOTATION_ACR_INSTANCE_IDS}: "${expected}" (the region prefix is needed when the instance is in another region than the cluster): ${ENTITY_ACR_FIX}.`,
      };
    }
    if (!named) {
      return {
        kind: 'acr-password-free-not-configured',
        summary: `Password-free pull is not configured for ACR instance ${instance.id} (${instance.region}): the pod has no ${ANNOTATION_ACR_INSTANCE_IDS} naming it, so the registry ${resolution.domain} refused ${image}.`,
        fix: `Add ${ANNOTATION_ACR_INSTANCE_IDS}: "${expected}" to the workflow's spec.podMetadata.annotations: ${ENTITY_ACR_FIX}.`,
      };
    }
    return {
      kind: 'eci-permission',
      summary: `The pod names ACR instance ${instance.id}, yet ${resolution.domain} refused ${image}: ECI is not allowed to pull from that instance.`,
      fix: `Check that ECI's service-linked role AliyunServiceRoleForECI exists in the account; an instance in another account needs k8s.aliyun.com/acr-service-arns and k8s.aliyun.com/acr-user-arns.`,
    };
  }
  const acrDomain = host ? parseAcrRegistryDomain(host) : undefined;
  if (acrDomain) {
    return {
      kind: 'acr-password-free-not-configured',
      summary: `Password-free pull is not configured for the ACR instance behind ${host} (${acrDomain.region}), so ${image} was refused.`,
      fix: `Add the instance to eciImageCache.acr.instances (id, region, name ${acrDomain.instanceName}), then ${ENTITY_ACR_FIX} so the pods carry ${ANNOTATION_ACR_INSTANCE_IDS}.`,
    };
  }
  return {
    kind: 'registry-unauthorized',
    summary: `The registry${host ? ` ${host}` : ''} refused to serve ${
      image ?? 'the image'
    } without credentials.`,
    fix: `Give the workflow an imagePullSecret with credentials for ${
      host ?? 'the registry'
    } (and list it in alibabacloud.com/eci-image-pull-secrets so the cache can pull it too), or host the image on an ACR Enterprise Edition instance with password-free pulls.`,
  };
}

/**
 * Explains a run's failure in plain words, with the fix: a refused ACR pull becomes "password-free
 * pull not configured for instance X in region Y" with the exact annotation to add.
 *
 * @public
 */
export function diagnoseRunFailure(
  failure: RunFailure,
  context: RunDiagnosisContext = {},
): RunDiagnosis {
  const { message, image } = failure;
  const cacheId = /\bimc-[a-z0-9]+/i.exec(message)?.[0] ?? 'the pinned cache';
  if (failure.reason === 'ImageCacheNotFound') {
    return {
      kind: 'pinned-cache-not-found',
      summary: `The workflow pins image cache ${cacheId}, which does not exist (it expired or was deleted), so ECI refused to create the pod.`,
      fix: 'Refresh the cache in the Image Cache tab and regenerate the workflow so it pins the new id, or let it match caches automatically (cache mode "auto").',
    };
  }
  if (/not yet complete/i.test(message)) {
    return {
      kind: 'pinned-cache-not-complete',
      summary: `The workflow pins image cache ${cacheId}, which is not Ready yet.`,
      fix: 'Wait until the Image Cache tab shows the cache Ready before running the workflow, or let it match caches automatically (cache mode "auto").',
    };
  }
  if (
    failure.reason === 'Unauthorized' &&
    /eci service account/i.test(message)
  ) {
    return {
      kind: 'eci-permission',
      summary: `ECI's service account may not access what the pod needs: ${message}`,
      fix: 'Check that the service-linked role AliyunServiceRoleForECI exists and has not been changed; cross-account ACR pulls need k8s.aliyun.com/acr-service-arns and k8s.aliyun.com/acr-user-arns.',
    };
  }
  if (UNAUTHORIZED.test(message)) return diagnoseUnauthorized(image, context);
  if (UNREACHABLE.test(message)) {
    return {
      kind: 'registry-unreachable',
      summary: `The ECI instance could not reach the registry of ${
        image ?? 'the image'
      }.`,
      fix: "ECI pulls over the VPC: use the ACR -vpc domain with the VPC allowed in the instance's access control, or give the vSwitch a NAT gateway (or the pod an EIP) to reach registries on the Internet.",
    };
  }
  if (NOT_FOUND.test(message)) {
    return {
      kind: 'image-not-found',
      summary: `The image ${
        image ?? ''
      } does not exist in its registry.`.replace('  ', ' '),
      fix: 'Check the repository and tag in alibabacloud.com/eci-images and in the workflow; caches and pods match exact name:tag.',
    };
  }
  return {
    kind: 'other',
    summary: message,
    fix: "See the pod's events (kubectl describe pod) for details.",
  };
}
