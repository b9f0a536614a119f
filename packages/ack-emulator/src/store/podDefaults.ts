import { isPlainObject, type JsonObject } from '../util/json';

/** The kubelet's rule: `:latest` or no tag (and no digest) pulls Always, anything else IfNotPresent. */
export function defaultImagePullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: JsonObject): JsonObject {
  return {
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: defaultImagePullPolicy(String(container.image ?? '')),
    ...container,
  };
}

/** What the apiserver's defaulting and admission (DefaultTolerationSeconds) add to a new pod's spec. */
export function defaultPodSpec(spec: unknown): JsonObject {
  const given = isPlainObject(spec) ? spec : {};
  const containers = (list: unknown) =>
    Array.isArray(list)
      ? list.map(c => (isPlainObject(c) ? defaultContainer(c) : c))
      : list;
  const defaulted: JsonObject = {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    tolerations: ['not-ready', 'unreachable'].map(taint => ({
      key: `node.kubernetes.io/${taint}`,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    })),
    ...given,
  };
  defaulted.containers = containers(given.containers);
  if (given.initContainers !== undefined)
    defaulted.initContainers = containers(given.initContainers);
  return defaulted;
}
