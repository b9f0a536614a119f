import { isPlainObject, type JsonObject } from '../util/json';
import { parseTimestamp } from '../util/time';
import { ageCell, defaultAgeColumn } from './printerColumns';
import type { BuiltinColumn, JsonSchema, ResourceType } from './ResourceType';

export const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const READ_VERBS = ['get', 'list', 'watch'];

export const nameColumn: BuiltinColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: object => (object.metadata as JsonObject | undefined)?.name ?? null,
};

const looseSchema: JsonSchema = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
  },
};

function obj(value: unknown): JsonObject {
  return isPlainObject(value) ? value : {};
}

function list(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** The STATUS column of `kubectl get pods`, simplified from kubectl's printPod. */
export function podStatusReason(pod: JsonObject): string {
  const metadata = obj(pod.metadata);
  const status = obj(pod.status);
  let reason =
    (status.reason as string) || (status.phase as string) || 'Pending';
  for (const container of list(status.containerStatuses)) {
    const state = obj(container.state);
    const waiting = obj(state.waiting);
    const terminated = obj(state.terminated);
    if (typeof waiting.reason === 'string' && waiting.reason)
      reason = waiting.reason;
    else if (typeof terminated.reason === 'string' && terminated.reason)
      reason = terminated.reason;
  }
  if (metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

const podColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Ready',
    type: 'string',
    description:
      'The aggregate readiness state of this pod for accepting traffic.',
    cell: pod => {
      const containers = list(obj(pod.spec).containers);
      const ready = list(obj(pod.status).containerStatuses).filter(
        c => c.ready === true,
      ).length;
      return `${ready}/${containers.length}`;
    },
  },
  {
    name: 'Status',
    type: 'string',
    description: 'The aggregate status of the containers in this pod.',
    cell: podStatusReason,
  },
  {
    name: 'Restarts',
    type: 'string',
    description:
      'The number of times the containers in this pod have been restarted.',
    cell: pod =>
      String(
        list(obj(pod.status).containerStatuses).reduce(
          (sum, c) => sum + (Number(c.restartCount) || 0),
          0,
        ),
      ),
  },
  defaultAgeColumn(),
  {
    name: 'IP',
    type: 'string',
    priority: 1,
    description: 'IP address allocated to the pod.',
    cell: pod => obj(pod.status).podIP ?? '<none>',
  },
  {
    name: 'Node',
    type: 'string',
    priority: 1,
    description: 'Name of the Node.',
    cell: pod => obj(pod.spec).nodeName ?? '<none>',
  },
];

const namespaceColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Status',
    type: 'string',
    description: 'The status of the namespace',
    cell: ns => obj(ns.status).phase ?? 'Active',
  },
  defaultAgeColumn(),
];

const secretColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Type',
    type: 'string',
    description: 'The type of the secret',
    cell: s => s.type ?? 'Opaque',
  },
  {
    name: 'Data',
    type: 'string',
    description: 'The number of data entries',
    cell: s => String(Object.keys(obj(s.data)).length),
  },
  defaultAgeColumn(),
];

const configMapColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Data',
    type: 'string',
    description: 'The number of data entries',
    cell: c =>
      String(
        Object.keys(obj(c.data)).length + Object.keys(obj(c.binaryData)).length,
      ),
  },
  defaultAgeColumn(),
];

const serviceAccountColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Secrets',
    type: 'string',
    description: 'The number of secrets of the service account',
    cell: sa => String(list(sa.secrets).length),
  },
  defaultAgeColumn(),
];

function eventLastSeen(event: JsonObject, now: number): string {
  const last =
    event.lastTimestamp ??
    event.eventTime ??
    obj(event.metadata).creationTimestamp;
  return parseTimestamp(last) === undefined ? '<unknown>' : ageCell(last, now);
}

const eventColumns: BuiltinColumn[] = [
  {
    name: 'Last Seen',
    type: 'string',
    description: 'The time at which the most recent occurrence was recorded.',
    cell: eventLastSeen,
  },
  {
    name: 'Type',
    type: 'string',
    description: 'Type of this event (Normal, Warning).',
    cell: e => e.type ?? '',
  },
  {
    name: 'Reason',
    type: 'string',
    description: 'Short, machine understandable reason.',
    cell: e => e.reason ?? '',
  },
  {
    name: 'Object',
    type: 'string',
    description: 'The object that this event is about.',
    cell: e => {
      const involved = obj(e.involvedObject);
      return `${String(involved.kind ?? '').toLowerCase()}/${
        involved.name ?? ''
      }`;
    },
  },
  {
    name: 'Source',
    type: 'string',
    priority: 1,
    description: 'The component reporting this event.',
    cell: e => {
      const source = obj(e.source);
      return [source.component, source.host].filter(Boolean).join(', ');
    },
  },
  {
    name: 'Message',
    type: 'string',
    description:
      'A human-readable description of the status of this operation.',
    cell: e => e.message ?? '',
  },
  {
    name: 'Count',
    type: 'string',
    priority: 1,
    description: 'The number of times this event has occurred.',
    cell: e => String(e.count ?? 1),
  },
  { ...nameColumn, priority: 1 },
];

const crdColumns: BuiltinColumn[] = [
  nameColumn,
  {
    name: 'Created At',
    type: 'date',
    description:
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    cell: crd => obj(crd.metadata).creationTimestamp ?? null,
  },
];

function core(
  partial: Omit<ResourceType, 'group' | 'version' | 'custom' | 'schema'>,
): ResourceType {
  return {
    group: '',
    version: 'v1',
    custom: false,
    schema: looseSchema,
    ...partial,
  };
}

export function builtinResourceTypes(): ResourceType[] {
  return [
    core({
      resource: 'namespaces',
      singular: 'namespace',
      kind: 'Namespace',
      listKind: 'NamespaceList',
      namespaced: false,
      shortNames: ['ns'],
      categories: [],
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      statusSubresource: true,
      columns: namespaceColumns,
      selectableFields: ['status.phase'],
    }),
    core({
      resource: 'secrets',
      singular: 'secret',
      kind: 'Secret',
      listKind: 'SecretList',
      namespaced: true,
      shortNames: [],
      categories: [],
      verbs: ALL_VERBS,
      statusSubresource: false,
      columns: secretColumns,
      selectableFields: ['type'],
    }),
    core({
      resource: 'configmaps',
      singular: 'configmap',
      kind: 'ConfigMap',
      listKind: 'ConfigMapList',
      namespaced: true,
      shortNames: ['cm'],
      categories: [],
      verbs: ALL_VERBS,
      statusSubresource: false,
      columns: configMapColumns,
      selectableFields: [],
    }),
    core({
      resource: 'serviceaccounts',
      singular: 'serviceaccount',
      kind: 'ServiceAccount',
      listKind: 'ServiceAccountList',
      namespaced: true,
      shortNames: ['sa'],
      categories: [],
      verbs: ALL_VERBS,
      statusSubresource: false,
      columns: serviceAccountColumns,
      selectableFields: [],
    }),
    core({
      resource: 'pods',
      singular: 'pod',
      kind: 'Pod',
      listKind: 'PodList',
      namespaced: true,
      shortNames: ['po'],
      categories: ['all'],
      verbs: ALL_VERBS,
      statusSubresource: true,
      columns: podColumns,
      selectableFields: [
        'spec.nodeName',
        'spec.restartPolicy',
        'spec.schedulerName',
        'spec.serviceAccountName',
        'status.phase',
        'status.podIP',
        'status.nominatedNodeName',
      ],
    }),
    core({
      resource: 'events',
      singular: 'event',
      kind: 'Event',
      listKind: 'EventList',
      namespaced: true,
      shortNames: ['ev'],
      categories: [],
      verbs: ALL_VERBS,
      statusSubresource: false,
      columns: eventColumns,
      selectableFields: [
        'involvedObject.kind',
        'involvedObject.namespace',
        'involvedObject.name',
        'involvedObject.uid',
        'involvedObject.apiVersion',
        'involvedObject.resourceVersion',
        'involvedObject.fieldPath',
        'reason',
        'reportingComponent',
        'source',
        'type',
      ],
    }),
    {
      group: 'apiextensions.k8s.io',
      version: 'v1',
      resource: 'customresourcedefinitions',
      singular: 'customresourcedefinition',
      kind: 'CustomResourceDefinition',
      listKind: 'CustomResourceDefinitionList',
      namespaced: false,
      shortNames: ['crd', 'crds'],
      categories: ['api-extensions'],
      verbs: READ_VERBS,
      statusSubresource: true,
      custom: false,
      schema: looseSchema,
      columns: crdColumns,
      selectableFields: [],
    },
  ];
}
