/** A container image reference split the way Docker normalizes it. */
export interface ImageRef {
  /** Registry host, e.g. `docker.io` or `acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com`. */
  registry: string;
  /** Repository path without the host, e.g. `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

function isRegistryHost(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost'
  );
}

/** Parses and normalizes like Docker: `nginx` ⇒ `docker.io/library/nginx:latest`. */
export function parseImageRef(reference: string): ImageRef {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  const slash = rest.indexOf('/');
  let registry = 'docker.io';
  let repository = rest;
  if (slash >= 0 && isRegistryHost(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    repository = rest.slice(slash + 1);
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
    registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/'))
    repository = `library/${repository}`;
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, tag, digest };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${
    ref.digest ? `@${ref.digest}` : ''
  }`;
}

/** The fully qualified form used for exact `name:tag` matching. */
export function normalizeImage(reference: string): string {
  return formatImageRef(parseImageRef(reference));
}
