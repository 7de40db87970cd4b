/** Non-resource paths: version, health, discovery and OpenAPI. */
import {
  aggregatedDiscovery,
  AGGREGATED_CONTENT_TYPE,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
  wantsAggregated,
} from './discovery';
import { openApiV3Document, openApiV3Root } from './openapi';
import { pathNotFound } from './status';
import type { Json } from './types';

export interface NonResourceReply {
  readonly code: number;
  readonly body: Json | string;
  readonly contentType: string;
}

const json = (body: Json, contentType = 'application/json'): NonResourceReply => ({ code: 200, body, contentType });

export function nonResource(path: string, accept: string | undefined, serverVersion: string, serverAddress: string): NonResourceReply {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/version') return json(versionInfo(serverVersion));
  if (['/healthz', '/livez', '/readyz'].includes(trimmed)) return { code: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
  if (trimmed === '/api') return wantsAggregated(accept) ? json(aggregatedDiscovery(true), AGGREGATED_CONTENT_TYPE) : json(apiVersions(serverAddress));
  if (trimmed === '/apis') return wantsAggregated(accept) ? json(aggregatedDiscovery(false), AGGREGATED_CONTENT_TYPE) : json(apiGroupList());
  const core = /^\/api\/([^/]+)$/.exec(trimmed);
  const group = /^\/apis\/([^/]+)$/.exec(trimmed);
  const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(trimmed);
  const found = core
    ? apiResourceList('', core[1] ?? '')
    : group
      ? apiGroupDocument(group[1] ?? '')
      : groupVersion
        ? apiResourceList(groupVersion[1] ?? '', groupVersion[2] ?? '')
        : trimmed === '/openapi/v3'
          ? openApiV3Root()
          : trimmed.startsWith('/openapi/v3/')
            ? openApiV3Document(trimmed.slice('/openapi/v3/'.length))
            : undefined;
  if (found) return json(found);
  throw pathNotFound();
}
