import {
  forbidden,
  qualifiedResource,
  unauthorized,
  type ApiError,
} from '../api/errors';
import type { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { clientCertificateIdentity } from './clientCertificate';
import type { AccessRule, ApiUser, TokenFile, TokenUser } from './tokenFile';

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

/** kube-apiserver's superuser group: its members may do anything. */
const SUPERUSER_GROUP = 'system:masters';
const ALL_RULES: AccessRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/**
 * Client-certificate and bearer-token authentication plus a tiny RBAC: the
 * tokens file is the rule table, keyed by user name.
 */
export class Authorizer {
  private readonly byToken: Map<string, TokenUser>;
  private readonly byName: Map<string, TokenUser>;

  /** `clientCa`: the CA whose client certificates authenticate (TLS only). */
  constructor(
    readonly file: TokenFile,
    private readonly clientCa?: X509Certificate,
  ) {
    this.byToken = new Map(file.users.map(u => [u.token, u]));
    this.byName = new Map(file.users.map(u => [u.name, u]));
  }

  /**
   * Returns the user of a request, or throws 401. A client certificate the
   * cluster CA signed comes first (user = CN, groups = O), as in kube-apiserver;
   * then the `Authorization: Bearer` token.
   */
  authenticate(authorization: string | undefined, socket?: Socket): ApiUser {
    const identity =
      socket && this.clientCa
        ? clientCertificateIdentity(socket, this.clientCa)
        : undefined;
    if (identity) {
      const rules = identity.groups.includes(SUPERUSER_GROUP)
        ? ALL_RULES
        : this.byName.get(identity.name)?.rules ?? [];
      return { name: identity.name, groups: identity.groups, rules };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const user = match ? this.byToken.get(match[1]) : undefined;
    if (!user) throw unauthorized();
    return user;
  }

  allowsResource(user: ApiUser, attributes: ResourceAttributes): boolean {
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

  allowsPath(user: ApiUser, verb: string, path: string): boolean {
    return user.rules.some(
      rule =>
        matches(rule.verbs, verb) && matchesPath(rule.nonResourceURLs, path),
    );
  }

  /** The 403 the apiserver returns for a denied resource request. */
  forbiddenError(user: ApiUser, attributes: ResourceAttributes): ApiError {
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

  pathForbiddenError(user: ApiUser, verb: string, path: string): ApiError {
    return forbidden(
      `forbidden: User "${user.name}" cannot ${verb} path "${path}"`,
      {},
    );
  }
}
