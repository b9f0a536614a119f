import {
  forbidden,
  qualifiedResource,
  unauthorized,
  type ApiError,
} from '../api/errors';
import type { AccessRule, TokenFile, TokenUser } from './tokenFile';

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

function matches(list: string[] | undefined, value: string): boolean {
  return (list ?? []).some(item => item === '*' || item === value);
}

function matchesResource(
  resources: string[] | undefined,
  resource: string,
  subresource?: string,
): boolean {
  const full = subresource ? `${resource}/${subresource}` : resource;
  return (resources ?? []).some(
    item =>
      item === '*' ||
      item === full ||
      (subresource !== undefined &&
        (item === `${resource}/*` || item === `*/${subresource}`)),
  );
}

function matchesPath(patterns: string[] | undefined, path: string): boolean {
  return (patterns ?? []).some(
    p =>
      p === '*' ||
      p === path ||
      (p.endsWith('*') && path.startsWith(p.slice(0, -1))),
  );
}

/** Bearer-token authentication plus a tiny RBAC over the rules of each token. */
export class Authorizer {
  private readonly byToken: Map<string, TokenUser>;

  constructor(readonly file: TokenFile) {
    this.byToken = new Map(file.users.map(u => [u.token, u]));
  }

  /** Returns the user for an `Authorization` header, or throws 401. */
  authenticate(authorization: string | undefined): TokenUser {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const user = match ? this.byToken.get(match[1]) : undefined;
    if (!user) throw unauthorized();
    return user;
  }

  allowsResource(user: TokenUser, attributes: ResourceAttributes): boolean {
    return user.rules.some(
      (rule: AccessRule) =>
        matches(rule.verbs, attributes.verb) &&
        matches(rule.apiGroups, attributes.group) &&
        matchesResource(
          rule.resources,
          attributes.resource,
          attributes.subresource,
        ) &&
        (!rule.resourceNames ||
          rule.resourceNames.length === 0 ||
          (attributes.name !== undefined &&
            rule.resourceNames.includes(attributes.name))) &&
        (!rule.namespaces ||
          (attributes.namespace !== undefined &&
            rule.namespaces.includes(attributes.namespace))),
    );
  }

  allowsPath(user: TokenUser, verb: string, path: string): boolean {
    return user.rules.some(
      rule =>
        matches(rule.verbs, verb) && matchesPath(rule.nonResourceURLs, path),
    );
  }

  /** The 403 the apiserver returns for a denied resource request. */
  forbiddenError(user: TokenUser, attributes: ResourceAttributes): ApiError {
    const resource = attributes.subresource
      ? `${attributes.resource}/${attributes.subresource}`
      : attributes.resource;
    const subject = attributes.name
      ? `${qualifiedResource(attributes)} "${attributes.name}" is forbidden`
      : `${qualifiedResource(attributes)} is forbidden`;
    const scope = attributes.namespace
      ? `in the namespace "${attributes.namespace}"`
      : 'at the cluster scope';
    const details: { name?: string; group?: string; kind: string } = {
      kind: attributes.resource,
    };
    if (attributes.name) details.name = attributes.name;
    if (attributes.group) details.group = attributes.group;
    return forbidden(
      `${subject}: User "${user.name}" cannot ${attributes.verb} resource "${resource}" in API group "${attributes.group}" ${scope}`,
      details,
    );
  }

  pathForbiddenError(user: TokenUser, verb: string, path: string): ApiError {
    return forbidden(
      `forbidden: User "${user.name}" cannot ${verb} path "${path}"`,
      {},
    );
  }
}
