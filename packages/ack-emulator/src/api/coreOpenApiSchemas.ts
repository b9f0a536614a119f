import type { JsonObject } from '../util/json';

/**
 * OpenAPI v3 schemas of the core/v1 kinds the emulator serves, with the
 * apiserver's field names, types and (shortened) descriptions, so that
 * `kubectl explain pods.spec.containers` works. Fields the simulation never
 * reads (affinity, security contexts, volume sources) are open objects.
 */
const CORE = 'io.k8s.api.core.v1';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, values?: string[]): JsonObject => ({
  type: 'string',
  description,
  ...(values ? { enum: values } : {}),
});
const int = (description: string, format = 'int32'): JsonObject => ({
  type: 'integer',
  format,
  description,
});
const bool = (description: string): JsonObject => ({
  type: 'boolean',
  description,
});
const time = (description: string): JsonObject => ({
  type: 'string',
  format: 'date-time',
  description,
});
const strings = (description: string): JsonObject => ({
  type: 'array',
  items: { type: 'string', default: '' },
  description,
});
const stringMap = (description: string, format?: string): JsonObject => ({
  type: 'object',
  additionalProperties: { type: 'string', ...(format ? { format } : {}) },
  description,
});
const object = (name: string, description: string): JsonObject => ({
  allOf: [ref(`${CORE}.${name}`)],
  default: {},
  description,
});
const list = (name: string, description: string): JsonObject => ({
  type: 'array',
  items: { allOf: [ref(`${CORE}.${name}`)], default: {} },
  description,
});
const open = (description: string): JsonObject => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});
const quantities = (description: string): JsonObject => ({
  type: 'object',
  additionalProperties: ref(QUANTITY),
  description,
});
const schema = (
  description: string,
  properties: Record<string, JsonObject>,
  required?: string[],
): JsonObject => ({
  type: 'object',
  description,
  ...(required ? { required } : {}),
  properties,
});

/** Top-level kinds: `spec`/`status`/data fields; apiVersion, kind and metadata are added by the document. */
export const CORE_KIND_SCHEMAS: Record<string, JsonObject> = {
  [`${CORE}.Pod`]: schema(
    'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    {
      spec: object(
        'PodSpec',
        'Specification of the desired behavior of the pod.',
      ),
      status: object(
        'PodStatus',
        'Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only.',
      ),
    },
  ),
  [`${CORE}.Namespace`]: schema(
    'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    {
      spec: object(
        'NamespaceSpec',
        'Spec defines the behavior of the Namespace.',
      ),
      status: object(
        'NamespaceStatus',
        'Status describes the current status of a Namespace.',
      ),
    },
  ),
  [`${CORE}.Secret`]: schema(
    'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    {
      data: stringMap(
        "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string.",
        'byte',
      ),
      stringData: stringMap(
        'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write.',
      ),
      type: str(
        'Used to facilitate programmatic handling of secret data, e.g. kubernetes.io/dockerconfigjson.',
      ),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ),
    },
  ),
  [`${CORE}.ConfigMap`]: schema(
    'ConfigMap holds configuration data for pods to consume.',
    {
      data: stringMap('Data contains the configuration data.'),
      binaryData: stringMap(
        'BinaryData contains the binary data. Each key must consist of alphanumeric characters, ‘-’, ‘_’ or ‘.’.',
        'byte',
      ),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
      ),
    },
  ),
  [`${CORE}.ServiceAccount`]: schema(
    'ServiceAccount binds together: a name, understood by users, and perhaps by peripheral systems, for an identity; a principal that can be authenticated and authorized; a set of secrets.',
    {
      secrets: list(
        'ObjectReference',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      ),
      imagePullSecrets: list(
        'LocalObjectReference',
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.',
      ),
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ),
    },
  ),
  [`${CORE}.Event`]: schema(
    'Event is a report of an event somewhere in the cluster.',
    {
      involvedObject: object(
        'ObjectReference',
        'The object that this event is about.',
      ),
      reason: str(
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      message: str(
        'A human-readable description of the status of this operation.',
      ),
      source: object(
        'EventSource',
        'The component reporting this event. Should be a short machine understandable string.',
      ),
      firstTimestamp: time(
        'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      ),
      lastTimestamp: time(
        'The time at which the most recent occurrence of this event was recorded.',
      ),
      count: int('The number of times this event has occurred.'),
      type: str(
        'Type of this event (Normal, Warning), new types could be added in the future',
      ),
      eventTime: time('Time when this Event was first observed.'),
      action: str(
        'What action was taken/failed regarding to the Regarding object.',
      ),
      related: object(
        'ObjectReference',
        'Optional secondary object for more complex actions.',
      ),
      reportingComponent: str(
        'Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.',
      ),
      reportingInstance: str(
        'ID of the controller instance, e.g. `kubelet-xyzf`.',
      ),
    },
    ['metadata', 'involvedObject'],
  ),
};

/** Definitions the kinds refer to. */
export const CORE_DEFINITIONS: Record<string, JsonObject> = {
  [QUANTITY]: str(
    'Quantity is a fixed-point representation of a number, e.g. `500m`, `2Gi`.',
  ),
  [`${CORE}.PodSpec`]: schema(
    'PodSpec is a description of a pod.',
    {
      containers: list(
        'Container',
        'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
      ),
      initContainers: list(
        'Container',
        'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started.',
      ),
      restartPolicy: str(
        'Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.',
        ['Always', 'Never', 'OnFailure'],
      ),
      terminationGracePeriodSeconds: int(
        'Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.',
        'int64',
      ),
      activeDeadlineSeconds: int(
        'Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers.',
        'int64',
      ),
      dnsPolicy: str(
        'Set DNS policy for the pod. Defaults to "ClusterFirst".',
        ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
      ),
      nodeSelector: stringMap(
        "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.",
      ),
      serviceAccountName: str(
        'ServiceAccountName is the name of the ServiceAccount to use to run this pod.',
      ),
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
      ),
      nodeName: str(
        'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.',
      ),
      hostname: str(
        "Specifies the hostname of the Pod. If not specified, the pod's hostname will be set to a system-defined value.",
      ),
      subdomain: str(
        'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>".',
      ),
      affinity: open("If specified, the pod's scheduling constraints"),
      schedulerName: str(
        'If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.',
      ),
      tolerations: list('Toleration', "If specified, the pod's tolerations."),
      imagePullSecrets: list(
        'LocalObjectReference',
        'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.',
      ),
      priorityClassName: str(
        'If specified, indicates the pod\'s priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities.',
      ),
      priority: int(
        'The priority value. The higher the value, the higher the priority.',
      ),
      volumes: list(
        'Volume',
        'List of volumes that can be mounted by containers belonging to the pod.',
      ),
      securityContext: open(
        'SecurityContext holds pod-level security attributes and common container settings.',
      ),
      enableServiceLinks: bool(
        "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables.",
      ),
    },
    ['containers'],
  ),
  [`${CORE}.Container`]: schema(
    'A single application container that you want to run within a pod.',
    {
      name: str(
        'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
      ),
      image: str(
        'Container image name. This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.',
      ),
      command: strings(
        "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided.",
      ),
      args: strings(
        "Arguments to the entrypoint. The container image's CMD is used if this is not provided.",
      ),
      workingDir: str("Container's working directory."),
      ports: list(
        'ContainerPort',
        'List of ports to expose from the container.',
      ),
      env: list(
        'EnvVar',
        'List of environment variables to set in the container.',
      ),
      resources: object(
        'ResourceRequirements',
        'Compute Resources required by this container. Cannot be updated.',
      ),
      volumeMounts: list(
        'VolumeMount',
        "Pod volumes to mount into the container's filesystem. Cannot be updated.",
      ),
      imagePullPolicy: str(
        'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.',
        ['Always', 'IfNotPresent', 'Never'],
      ),
      terminationMessagePath: str(
        "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Defaults to /dev/termination-log.",
      ),
      terminationMessagePolicy: str(
        'Indicate how the termination message should be populated. Defaults to File.',
        ['FallbackToLogsOnError', 'File'],
      ),
      securityContext: open(
        'SecurityContext defines the security options the container should be run with.',
      ),
      stdin: bool(
        'Whether this container should allocate a buffer for stdin in the container runtime.',
      ),
      tty: bool('Whether this container should allocate a TTY for itself.'),
    },
    ['name'],
  ),
  [`${CORE}.ContainerPort`]: schema(
    'ContainerPort represents a network port in a single container.',
    {
      containerPort: int(
        "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
      ),
      hostPort: int('Number of port to expose on the host.'),
      name: str(
        'If specified, this must be an IANA_SVC_NAME and unique within the pod.',
      ),
      protocol: str(
        'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".',
        ['SCTP', 'TCP', 'UDP'],
      ),
    },
    ['containerPort'],
  ),
  [`${CORE}.EnvVar`]: schema(
    'EnvVar represents an environment variable present in a Container.',
    {
      name: str('Name of the environment variable. Must be a C_IDENTIFIER.'),
      value: str(
        'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables.',
      ),
      valueFrom: open(
        "Source for the environment variable's value. Cannot be used if value is not empty.",
      ),
    },
    ['name'],
  ),
  [`${CORE}.ResourceRequirements`]: schema(
    'ResourceRequirements describes the compute resource requirements.',
    {
      limits: quantities(
        'Limits describes the maximum amount of compute resources allowed.',
      ),
      requests: quantities(
        'Requests describes the minimum amount of compute resources required.',
      ),
    },
  ),
  [`${CORE}.VolumeMount`]: schema(
    'VolumeMount describes a mounting of a Volume within a container.',
    {
      name: str('This must match the Name of a Volume.'),
      mountPath: str(
        "Path within the container at which the volume should be mounted. Must not contain ':'.",
      ),
      readOnly: bool(
        'Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.',
      ),
      subPath: str(
        'Path within the volume from which the container\'s volume should be mounted. Defaults to "" (volume\'s root).',
      ),
    },
    ['name', 'mountPath'],
  ),
  [`${CORE}.Volume`]: {
    ...open(
      'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
    ),
    required: ['name'],
    properties: {
      name: str(
        'name of the volume. Must be a DNS_LABEL and unique within the pod.',
      ),
    },
  },
  [`${CORE}.Toleration`]: schema(
    'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    {
      key: str(
        'Key is the taint key that the toleration applies to. Empty means match all taint keys.',
      ),
      operator: str(
        "Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal.",
        ['Equal', 'Exists'],
      ),
      value: str('Value is the taint value the toleration matches to.'),
      effect: str(
        'Effect indicates the taint effect to match. Empty means match all taint effects.',
        ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
      ),
      tolerationSeconds: int(
        'TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute) tolerates the taint.',
        'int64',
      ),
    },
  ),
  [`${CORE}.LocalObjectReference`]: schema(
    'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    { name: str('Name of the referent.') },
  ),
  [`${CORE}.ObjectReference`]: schema(
    'ObjectReference contains enough information to let you inspect or modify the referred object.',
    {
      apiVersion: str('API version of the referent.'),
      fieldPath: str(
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      ),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      namespace: str('Namespace of the referent.'),
      resourceVersion: str(
        'Specific resourceVersion to which this reference is made, if any.',
      ),
      uid: str('UID of the referent.'),
    },
  ),
  [`${CORE}.EventSource`]: schema(
    'EventSource contains information for an event.',
    {
      component: str('Component from which the event is generated.'),
      host: str('Node name on which the event is generated.'),
    },
  ),
  [`${CORE}.NamespaceSpec`]: schema(
    'NamespaceSpec describes the attributes on a Namespace.',
    {
      finalizers: strings(
        'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
      ),
    },
  ),
  [`${CORE}.NamespaceStatus`]: schema(
    'NamespaceStatus is information about the current status of a Namespace.',
    {
      phase: str('Phase is the current lifecycle phase of the namespace.', [
        'Active',
        'Terminating',
      ]),
      conditions: list(
        'NamespaceCondition',
        "Represents the latest available observations of a namespace's current state.",
      ),
    },
  ),
  [`${CORE}.NamespaceCondition`]: schema(
    'NamespaceCondition contains details about state of namespace.',
    {
      type: str('Type of namespace controller condition.'),
      status: str('Status of the condition, one of True, False, Unknown.'),
      reason: str(
        "Unique, one-word, CamelCase reason for the condition's last transition.",
      ),
      message: str(
        'Human-readable message indicating details about last transition.',
      ),
      lastTransitionTime: time(
        'Last time the condition transitioned from one status to another.',
      ),
    },
    ['type', 'status'],
  ),
  [`${CORE}.PodStatus`]: schema(
    'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    {
      phase: str(
        'The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.',
        ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
      ),
      conditions: list('PodCondition', 'Current service state of pod.'),
      message: str(
        'A human readable message indicating details about why the pod is in this condition.',
      ),
      reason: str(
        "A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'",
      ),
      hostIP: str(
        'hostIP holds the IP address of the host to which the pod is assigned.',
      ),
      podIP: str('podIP address allocated to the pod.'),
      startTime: time(
        'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.',
      ),
      containerStatuses: list(
        'ContainerStatus',
        'The list has one entry per container in the manifest.',
      ),
      initContainerStatuses: list(
        'ContainerStatus',
        'The list has one entry per init container in the manifest.',
      ),
      qosClass: str(
        'The Quality of Service (QOS) classification assigned to the pod based on resource requirements.',
        ['BestEffort', 'Burstable', 'Guaranteed'],
      ),
    },
  ),
  [`${CORE}.PodCondition`]: schema(
    'PodCondition contains details for the current condition of this pod.',
    {
      type: str('Type is the type of the condition.'),
      status: str(
        'Status is the status of the condition. Can be True, False, Unknown.',
      ),
      reason: str(
        "Unique, one-word, CamelCase reason for the condition's last transition.",
      ),
      message: str(
        'Human-readable message indicating details about last transition.',
      ),
      lastProbeTime: time('Last time we probed the condition.'),
      lastTransitionTime: time(
        'Last time the condition transitioned from one status to another.',
      ),
    },
    ['type', 'status'],
  ),
  [`${CORE}.ContainerStatus`]: schema(
    'ContainerStatus contains details for the current status of this container.',
    {
      name: str(
        'Name is a DNS_LABEL representing the unique name of the container.',
      ),
      image: str(
        'Image is the name of container image that the container is running.',
      ),
      imageID: str("ImageID is the image ID of the container's image."),
      containerID: str(
        "ContainerID is the ID of the container in the format '<type>://<container_id>'.",
      ),
      ready: bool(
        'Ready specifies whether the container is currently passing its readiness check.',
      ),
      started: bool(
        'Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.',
      ),
      restartCount: int(
        'RestartCount holds the number of times the container has been restarted.',
      ),
      state: object(
        'ContainerState',
        "State holds details about the container's current condition.",
      ),
      lastState: object(
        'ContainerState',
        'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts.',
      ),
    },
    ['name', 'ready', 'restartCount', 'image', 'imageID'],
  ),
  [`${CORE}.ContainerState`]: schema(
    'ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.',
    {
      waiting: object(
        'ContainerStateWaiting',
        'Details about a waiting container',
      ),
      running: object(
        'ContainerStateRunning',
        'Details about a running container',
      ),
      terminated: object(
        'ContainerStateTerminated',
        'Details about a terminated container',
      ),
    },
  ),
  [`${CORE}.ContainerStateWaiting`]: schema(
    'ContainerStateWaiting is a waiting state of a container.',
    {
      reason: str('(brief) reason the container is not yet running.'),
      message: str('Message regarding why the container is not yet running.'),
    },
  ),
  [`${CORE}.ContainerStateRunning`]: schema(
    'ContainerStateRunning is a running state of a container.',
    { startedAt: time('Time at which the container was last (re-)started') },
  ),
  [`${CORE}.ContainerStateTerminated`]: schema(
    'ContainerStateTerminated is a terminated state of a container.',
    {
      exitCode: int('Exit status from the last termination of the container'),
      signal: int('Signal from the last termination of the container'),
      reason: str('(brief) reason from the last termination of the container'),
      message: str('Message regarding the last termination of the container'),
      startedAt: time(
        'Time at which previous execution of the container started',
      ),
      finishedAt: time('Time at which the container last terminated'),
    },
    ['exitCode'],
  ),
};
