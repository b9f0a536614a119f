import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../schema/ResourceRegistry';
import { apiVersionOf, type ResourceType } from '../schema/ResourceType';
import { hasLogSubresource } from './podLog';

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

function storageVersionHash(type: ResourceType): string {
  return createHash('sha256')
    .update(`${type.group}/${type.version}/${type.kind}`)
    .digest('base64')
    .slice(0, 11);
}

/** APIResourceList entries for one group/version (legacy discovery). */
/** The served subresources of a type: `status`, and `log` for core pods. */
function subresourcesOf(
  type: ResourceType,
): { subresource: string; verbs: string[] }[] {
  const subresources = type.statusSubresource
    ? [{ subresource: 'status', verbs: SUBRESOURCE_VERBS }]
    : [];
  if (hasLogSubresource(type))
    subresources.push({ subresource: 'log', verbs: ['get'] });
  return subresources;
}

export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object {
  const resources: object[] = [];
  for (const type of registry.inGroupVersion(group, version)) {
    const entry: Record<string, unknown> = {
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      storageVersionHash: storageVersionHash(type),
    };
    if (type.shortNames.length > 0) entry.shortNames = type.shortNames;
    if (type.categories.length > 0) entry.categories = type.categories;
    resources.push(entry);
    for (const { subresource, verbs } of subresourcesOf(type)) {
      resources.push({
        name: `${type.resource}/${subresource}`,
        singularName: '',
        namespaced: type.namespaced,
        kind: type.kind,
        verbs,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources,
  };
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string, versions: string[]): object {
  const entries = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

export function apiGroupList(registry: ResourceRegistry): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry.groups().map(g => apiGroup(g.name, g.versions)),
  };
}

export function apiGroupDocument(
  registry: ResourceRegistry,
  group: string,
): object | undefined {
  const info = registry.groups().find(g => g.name === group);
  return info
    ? {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...apiGroup(info.name, info.versions),
      }
    : undefined;
}

/** The `apidiscovery.k8s.io` aggregated document for `/api` (core) or `/apis` (all groups). */
export function aggregatedDiscovery(
  registry: ResourceRegistry,
  legacy: boolean,
  version: 'v2' | 'v2beta1',
): object {
  const groups = legacy ? [{ name: '', versions: ['v1'] }] : registry.groups();
  const items = groups.map(group => ({
    metadata: group.name
      ? { name: group.name, creationTimestamp: null }
      : { creationTimestamp: null },
    versions: group.versions.map(v => ({
      version: v,
      resources: registry.inGroupVersion(group.name, v).map(type => {
        const responseKind = {
          group: type.group,
          version: type.version,
          kind: type.kind,
        };
        const entry: Record<string, unknown> = {
          resource: type.resource,
          responseKind,
          scope: type.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: type.singular,
          verbs: type.verbs,
        };
        if (type.shortNames.length > 0) entry.shortNames = type.shortNames;
        if (type.categories.length > 0) entry.categories = type.categories;
        const subresources = subresourcesOf(type);
        if (subresources.length > 0)
          entry.subresources = subresources.map(sub => ({
            ...sub,
            responseKind,
          }));
        return entry;
      }),
      freshness: 'Current',
    })),
  }));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items,
  };
}

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.1-ack-emulator',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-15T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};
