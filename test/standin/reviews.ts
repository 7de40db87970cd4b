/** SelfSubjectAccessReview and SelfSubjectRulesReview, answered from the same rules as requests. */
import type { User } from './auth';
import { at, isObject, str } from './json';
import { authorizePath, authorizeResource, rulesFor } from './rbac';
import type { Reply } from './registry';
import { badRequest, invalid } from './status';
import type { Json, JsonObject } from './types';

/** What every authenticated user gets from system:basic-user and system:discovery. */
const BASIC_RESOURCE_RULES: JsonObject[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
];
const BASIC_NON_RESOURCE_RULES: JsonObject[] = [
  { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
];

function echo(kind: string, body: JsonObject, status: JsonObject): JsonObject {
  return { kind, apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: body.spec ?? {}, status };
}

export function selfSubjectAccessReview(user: User, body: Json): Reply {
  if (!isObject(body)) throw badRequest('Object \'Kind\' is missing');
  const resource = at(body, ['spec', 'resourceAttributes']);
  const nonResource = at(body, ['spec', 'nonResourceAttributes']);
  if (isObject(resource) === isObject(nonResource)) {
    throw invalid('authorization.k8s.io', 'SelfSubjectAccessReview', '', [
      { type: 'FieldValueInvalid', field: 'spec.resourceAttributes', value: null, detail: 'exactly one of nonResourceAttributes or resourceAttributes must be specified' },
    ]);
  }
  let decision;
  if (isObject(resource)) {
    decision = authorizeResource(user, {
      verb: str(resource.verb) ?? '',
      apiGroup: str(resource.group) ?? '',
      resource: str(resource.resource) ?? '',
      subresource: str(resource.subresource) ?? '',
      namespace: str(resource.namespace) ?? '',
      name: str(resource.name) ?? '',
    });
  } else decision = authorizePath(user, str(at(nonResource, ['verb'])) ?? '', str(at(nonResource, ['path'])) ?? '');
  const status: JsonObject = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  return { code: 201, body: echo('SelfSubjectAccessReview', body, status) };
}

export function selfSubjectRulesReview(user: User, body: Json): Reply {
  if (!isObject(body)) throw badRequest('Object \'Kind\' is missing');
  const namespace = str(at(body, ['spec', 'namespace'])) ?? '';
  const resourceRules: JsonObject[] = rulesFor(user, namespace).map((r) => {
    const rule: JsonObject = { verbs: [...r.verbs], apiGroups: [...(r.apiGroups ?? ['*'])], resources: [...r.resources] };
    if (r.resourceNames?.length) rule.resourceNames = [...r.resourceNames];
    return rule;
  });
  const nonResourceRules: JsonObject[] = (user.spec?.nonResourceRules ?? []).map((r) => ({ verbs: [...r.verbs], nonResourceURLs: [...r.paths] }));
  return {
    code: 201,
    body: echo('SelfSubjectRulesReview', body, {
      resourceRules: [...BASIC_RESOURCE_RULES, ...resourceRules],
      nonResourceRules: [...BASIC_NON_RESOURCE_RULES, ...nonResourceRules],
      incomplete: false,
    }),
  };
}
