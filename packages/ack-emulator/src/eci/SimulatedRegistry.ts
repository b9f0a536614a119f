import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseByteSize } from '../util/byteSize';
import { isPlainObject } from '../util/json';
import { formatImageRef, parseImageRef } from './imageRef';

/** An ACR Enterprise Edition instance of the simulated cloud account. */
export interface AcrInstance {
  id: string;
  name: string;
  region: string;
  /** Public and VPC endpoint domains, plus any custom domains. */
  domains: string[];
}

export interface RegistryImage {
  /** Canonical normalized reference (ACR images under the instance's public domain). */
  ref: string;
  sizeBytes: number;
  /** Set for private images hosted on an ACR EE instance. */
  instance?: AcrInstance;
}

/** The registry file as written in YAML/JSON. */
export interface RegistryFile {
  acrInstances?: {
    id: string;
    name: string;
    region: string;
    customDomains?: string[];
  }[];
  images: { ref: string; size: string | number }[];
}

export function defaultAcrDomains(name: string, region: string): string[] {
  return [
    `${name}-registry.${region}.cr.aliyuncs.com`,
    `${name}-registry-vpc.${region}.cr.aliyuncs.com`,
  ];
}

/** Known images and ACR instances that the ECI simulation pulls from. */
export class SimulatedRegistry {
  private readonly images = new Map<string, RegistryImage>();
  private readonly instancesByDomain = new Map<string, AcrInstance>();
  readonly instances: AcrInstance[];

  constructor(file: RegistryFile) {
    if (!isPlainObject(file) || !Array.isArray(file.images))
      throw new Error('registry file must have an "images" list');
    this.instances = (file.acrInstances ?? []).map(raw => {
      if (!/^cri-[a-z0-9]+$/.test(raw.id))
        throw new Error(
          `ACR instance id "${raw.id}" must look like cri-<lowercase alphanumerics>`,
        );
      if (!raw.name || !raw.region)
        throw new Error(`ACR instance ${raw.id} needs a name and a region`);
      return {
        id: raw.id,
        name: raw.name,
        region: raw.region,
        domains: [
          ...defaultAcrDomains(raw.name, raw.region),
          ...(raw.customDomains ?? []),
        ],
      };
    });
    for (const instance of this.instances)
      for (const domain of instance.domains)
        this.instancesByDomain.set(domain, instance);
    for (const raw of file.images) {
      const canonical = this.canonical(raw.ref);
      const parsed = parseImageRef(raw.ref);
      this.images.set(canonical, {
        ref: canonical,
        sizeBytes: parseByteSize(raw.size),
        instance: this.instancesByDomain.get(parsed.registry),
      });
    }
  }

  static fromFile(path: string): SimulatedRegistry {
    return new SimulatedRegistry(
      parse(readFileSync(path, 'utf8')) as RegistryFile,
    );
  }

  /** ACR images are the same under every domain of their instance. */
  private canonical(reference: string): string {
    const parsed = parseImageRef(reference);
    const instance = this.instancesByDomain.get(parsed.registry);
    return formatImageRef(
      instance ? { ...parsed, registry: instance.domains[0] } : parsed,
    );
  }

  lookup(reference: string): RegistryImage | undefined {
    return this.images.get(this.canonical(reference));
  }

  instanceById(id: string): AcrInstance | undefined {
    return this.instances.find(i => i.id === id);
  }

  /** The ACR instance serving a registry host, known image or not. */
  instanceForHost(host: string): AcrInstance | undefined {
    return this.instancesByDomain.get(host);
  }

  allImages(): RegistryImage[] {
    return [...this.images.values()];
  }
}
