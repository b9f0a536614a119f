import type { ResourceType } from '../schema/ResourceType';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { randomHex } from '../util/random';
import { formatTimestamp } from '../util/time';

export interface PodEvent {
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  component: 'eci' | 'kubelet' | 'default-scheduler';
  fieldPath?: string;
}

/** Records a core/v1 Event about a pod, as the virtual kubelet / ECI service do. */
export function recordPodEvent(
  store: ObjectStore,
  events: ResourceType,
  pod: KubeObject,
  nodeName: string,
  now: number,
  event: PodEvent,
): void {
  const at = formatTimestamp(now);
  const involvedObject: Record<string, string> = {
    kind: 'Pod',
    namespace: pod.metadata.namespace!,
    name: pod.metadata.name!,
    uid: pod.metadata.uid!,
    apiVersion: 'v1',
    resourceVersion: pod.metadata.resourceVersion!,
  };
  if (event.fieldPath) involvedObject.fieldPath = event.fieldPath;
  store.create(events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${pod.metadata.name}.${randomHex(16)}`,
      namespace: pod.metadata.namespace,
    },
    involvedObject,
    reason: event.reason,
    message: event.message,
    source:
      event.component === 'default-scheduler'
        ? { component: event.component }
        : { component: event.component, host: nodeName },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type: event.type,
    eventTime: null,
    reportingComponent: event.component,
    reportingInstance: event.component === 'default-scheduler' ? '' : nodeName,
  });
}
