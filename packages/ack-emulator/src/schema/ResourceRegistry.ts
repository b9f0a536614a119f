import { builtinResourceTypes } from './builtinResources';
import { resourceTypeFromCrd } from './crdResourceType';
import { resourceKey, type ResourceType } from './ResourceType';
import type { JsonObject } from '../util/json';

export interface ApiGroupInfo {
  name: string;
  versions: string[];
}

/** All resources the emulator serves: built-in core kinds plus one per CRD. */
export class ResourceRegistry {
  private readonly byKey = new Map<string, ResourceType>();

  constructor(readonly crds: JsonObject[]) {
    for (const type of builtinResourceTypes()) this.add(type);
    for (const crd of crds) this.add(resourceTypeFromCrd(crd));
  }

  private add(type: ResourceType): void {
    this.byKey.set(resourceKey(type.group, type.resource), type);
  }

  all(): ResourceType[] {
    return [...this.byKey.values()];
  }

  lookup(
    group: string,
    version: string,
    resource: string,
  ): ResourceType | undefined {
    const type = this.byKey.get(resourceKey(group, resource));
    return type && type.version === version ? type : undefined;
  }

  byGroupResource(group: string, resource: string): ResourceType {
    const type = this.byKey.get(resourceKey(group, resource));
    if (!type) throw new Error(`unknown resource ${resource}.${group}`);
    return type;
  }

  /** Served groups except the legacy core group, in registration order. */
  groups(): ApiGroupInfo[] {
    const groups = new Map<string, Set<string>>();
    for (const type of this.all()) {
      if (!type.group) continue;
      if (!groups.has(type.group)) groups.set(type.group, new Set());
      groups.get(type.group)!.add(type.version);
    }
    return [...groups].map(([name, versions]) => ({
      name,
      versions: [...versions],
    }));
  }

  /** The type serving objects of this apiVersion/kind, if any. */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
    return this.all().find(
      t => t.group === group && t.version === version && t.kind === kind,
    );
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter(t => t.group === group && t.version === version);
  }
}
