/** A parsed Kubernetes API path, following the apiserver's RequestInfoFactory. */
export type RequestInfo =
  | {
      kind: 'resource';
      verb: string;
      group: string;
      version: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { kind: 'nonResource'; verb: string; path: string };

// Subresources of namespaces that must not be read as a nested resource name.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function isWatch(query: URLSearchParams): boolean {
  const value = query.get('watch');
  return value === 'true' || value === '1';
}

export function parseRequestInfo(
  method: string,
  path: string,
  query: URLSearchParams,
): RequestInfo {
  const lower = method.toLowerCase();
  const parts = path
    .split('/')
    .filter(p => p.length > 0)
    .map(decodeURIComponent);
  let rest: string[];
  let group = '';
  if (parts[0] === 'api' && parts.length >= 3) {
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    rest = parts.slice(3);
  } else {
    return { kind: 'nonResource', verb: lower, path };
  }
  const version = parts[0] === 'api' ? parts[1] : parts[2];

  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]))
      rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource || rest.length > 3)
    return { kind: 'nonResource', verb: lower, path };

  let verb: string;
  switch (lower) {
    case 'get':
    case 'head':
      if (watchPath || isWatch(query)) verb = 'watch';
      else verb = name ? 'get' : 'list';
      break;
    case 'post':
      verb = 'create';
      break;
    case 'put':
      verb = 'update';
      break;
    case 'patch':
      verb = 'patch';
      break;
    case 'delete':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = lower;
  }
  return {
    kind: 'resource',
    verb,
    group,
    version,
    resource,
    subresource,
    namespace,
    name,
  };
}
