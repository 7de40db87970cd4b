/** RBAC evaluation over the fixture's per-user rules, with the real forbidden messages. */
import type { User } from './auth';
import { forbidden, type ApiError } from './status';
import type { Rule } from './types';

export interface ResourceAttributes {
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
}

export interface Decision {
  readonly allowed: boolean;
  readonly reason: string;
}

/** Paths every authenticated user may read (system:discovery, system:basic-user, system:public-info-viewer). */
const DISCOVERY_PATHS = ['/api', '/api/*', '/apis', '/apis/*', '/openapi/*', '/version', '/version/', '/healthz', '/livez', '/readyz'];
/** Paths system:public-info-viewer opens to everyone, anonymous included. */
const PUBLIC_PATHS = ['/version', '/version/', '/healthz', '/livez', '/readyz'];

const has = (list: readonly string[], value: string): boolean => list.includes('*') || list.includes(value);

function resourceMatches(rule: Rule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return rule.resources.some((r) => r === '*' || r === combined || (subresource !== '' && r === `*/${subresource}`));
}

function ruleAllows(rule: Rule, a: ResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!has(rule.apiGroups ?? ['*'], a.apiGroup)) return false;
  if (!resourceMatches(rule, a.resource, a.subresource)) return false;
  if (rule.resourceNames?.length && !rule.resourceNames.includes(a.name)) return false;
  if (rule.namespaces === '*') return true;
  return a.namespace !== '' && rule.namespaces.includes(a.namespace);
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern === '*' || pattern === path || (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)));
}

export function authorizeResource(user: User, a: ResourceAttributes): Decision {
  const rules = user.spec?.rules ?? [];
  for (const [index, rule] of rules.entries()) {
    if (!ruleAllows(rule, a)) continue;
    const name = rule.name ?? `standin-${user.name}-${index}`;
    const binding = rule.namespaces === '*' ? `ClusterRoleBinding "${name}" of ClusterRole "${name}"` : `RoleBinding "${name}/${a.namespace}" of Role "${name}"`;
    return { allowed: true, reason: `RBAC: allowed by ${binding} to User "${user.name}"` };
  }
  return { allowed: false, reason: '' };
}

export function authorizePath(user: User, verb: string, path: string): Decision {
  const open = user.spec ? DISCOVERY_PATHS : PUBLIC_PATHS;
  if (verb === 'get' && open.some((p) => pathMatches(p, path))) return { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"' };
  const rules = user.spec?.nonResourceRules ?? [];
  const allowed = rules.some((r) => has(r.verbs, verb) && r.paths.some((p) => pathMatches(p, path)));
  return { allowed, reason: '' };
}

/** `responsewriters.Forbidden` → `errors.NewForbidden` for a resource request. */
export function forbiddenResource(user: User, a: ResourceAttributes): ApiError {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const why = `User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
  return forbidden({ group: a.apiGroup, resource: a.resource }, a.name, why);
}

export function forbiddenPath(user: User, verb: string, path: string): ApiError {
  return forbidden(undefined, '', `User "${user.name}" cannot ${verb} path "${path}"`);
}

/** The rules a SelfSubjectRulesReview reports for one namespace. */
export function rulesFor(user: User, namespace: string): Rule[] {
  return (user.spec?.rules ?? []).filter((r) => r.namespaces === '*' || r.namespaces.includes(namespace));
}
