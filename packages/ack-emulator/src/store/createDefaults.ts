import type { ResourceType } from '../schema/ResourceType';
import { defaultPodSpec } from './podDefaults';
import type { KubeObject } from './types';

/** Fields the apiserver defaults when built-in kinds are created. */
export function applyCreateDefaults(
  type: ResourceType,
  object: KubeObject,
): void {
  if (type.custom) return;
  switch (type.resource) {
    case 'namespaces':
      object.spec = object.spec ?? { finalizers: ['kubernetes'] };
      object.status = { phase: 'Active' };
      break;
    case 'secrets':
      object.type = object.type || 'Opaque';
      break;
    case 'pods':
      object.spec = defaultPodSpec(object.spec);
      object.status = { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    default:
      break;
  }
}
