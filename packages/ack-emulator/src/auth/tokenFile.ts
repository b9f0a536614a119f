import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isPlainObject } from '../util/json';

/** One RBAC-like rule: resource rules use apiGroups/resources, admin and raw paths use nonResourceURLs. */
export interface AccessRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  /** Restricts the rule to namespaced requests in these namespaces (a Role bound there). */
  namespaces?: string[];
  nonResourceURLs?: string[];
}

/** An authenticated user and the rules it may act under. */
export interface ApiUser {
  name: string;
  groups?: string[];
  rules: AccessRule[];
}

export interface TokenUser extends ApiUser {
  token: string;
}

export interface TokenFile {
  users: TokenUser[];
}

function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
    throw new Error(`${where} must be a list of strings`);
  }
  return value as string[];
}

/** Validates a parsed tokens document (YAML or JSON). */
export function parseTokenFile(document: unknown): TokenFile {
  if (!isPlainObject(document) || !Array.isArray(document.users)) {
    throw new Error('tokens file must have a "users" list');
  }
  const users = document.users.map((raw, i): TokenUser => {
    const where = `users[${i}]`;
    if (
      !isPlainObject(raw) ||
      typeof raw.name !== 'string' ||
      typeof raw.token !== 'string' ||
      !raw.token
    ) {
      throw new Error(`${where} needs a "name" and a non-empty "token"`);
    }
    const rules = (Array.isArray(raw.rules) ? raw.rules : []).map(
      (rule, j): AccessRule => {
        const at = `${where}.rules[${j}]`;
        if (!isPlainObject(rule)) throw new Error(`${at} must be an object`);
        const verbs = stringList(rule.verbs, `${at}.verbs`);
        if (!verbs || verbs.length === 0)
          throw new Error(`${at}.verbs is required`);
        return {
          verbs,
          apiGroups: stringList(rule.apiGroups, `${at}.apiGroups`),
          resources: stringList(rule.resources, `${at}.resources`),
          resourceNames: stringList(rule.resourceNames, `${at}.resourceNames`),
          namespaces: stringList(rule.namespaces, `${at}.namespaces`),
          nonResourceURLs: stringList(
            rule.nonResourceURLs,
            `${at}.nonResourceURLs`,
          ),
        };
      },
    );
    return {
      name: raw.name,
      token: raw.token,
      groups: stringList(raw.groups, `${where}.groups`),
      rules,
    };
  });
  const tokens = new Set<string>();
  for (const user of users) {
    if (tokens.has(user.token))
      throw new Error(`token of user "${user.name}" is not unique`);
    tokens.add(user.token);
  }
  return { users };
}

export function loadTokenFile(path: string): TokenFile {
  return parseTokenFile(parse(readFileSync(path, 'utf8')));
}
