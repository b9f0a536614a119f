import type { ResourceType } from '../schema/ResourceType';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { formatTimestamp } from '../util/time';

export interface PodEvent {
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  component: 'EciService' | 'kubelet' | 'default-scheduler';
  fieldPath?: string;
}

let sequence = 0n;

/** Like client-go's recorder, `<object>.<hex of the nanosecond time>`: names sort in time order. */
function eventName(podName: string, now: number): string {
  sequence = (sequence + 1n) % 1_000_000n;
  return `${podName}.${(BigInt(now) * 1_000_000n + sequence).toString(16)}`;
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
      name: eventName(pod.metadata.name!, now),
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
