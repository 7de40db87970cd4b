/** Splits a request into the attributes authorization sees, like the apiserver's RequestInfoFactory. */

export interface RequestInfo {
  readonly isResourceRequest: boolean;
  readonly path: string;
  /** RBAC verb: get, list, watch, create, update, patch, delete, deletecollection (lower-case HTTP method otherwise). */
  readonly verb: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
}

const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export function requestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  const nonResource: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
  };
  let rest: string[];
  let apiGroup = '';
  let apiVersion: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    apiVersion = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    apiGroup = parts[1] ?? '';
    apiVersion = parts[2] ?? '';
    rest = parts.slice(3);
  } else return nonResource;

  let verb = METHOD_VERBS[method] ?? method.toLowerCase();
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1] ?? '';
    // `/namespaces/{ns}/{resource}/…`, except `/namespaces/{name}/status|finalize` which are subresources of the namespace.
    if (rest.length > 2 && rest[2] !== 'status' && rest[2] !== 'finalize') rest = rest.slice(2);
  }
  const [resource = '', name = '', subresource = ''] = rest;
  if (rest.length > 3) return { ...nonResource, verb };
  if (!name && verb === 'get') verb = ['1', 'true'].includes(url.searchParams.get('watch') ?? '') ? 'watch' : 'list';
  if (!name && verb === 'delete') verb = 'deletecollection';
  return { isResourceRequest: true, path, verb, apiGroup, apiVersion, namespace, resource, subresource, name };
}
