/**
 * Minimal OpenAPI v3: one document per group version listing each resource's PATCH operation with
 * its group-version-kind and query parameters. That is what kubectl reads to decide that the server
 * validates fields itself (`fieldValidation`), so it does not need schemas for `--validate=strict`.
 * The PATCH request bodies deliberately omit `application/strategic-merge-patch+json`: kubectl then
 * takes strategic-merge metadata from its compiled-in types instead of asking for schemas (which
 * this stand-in does not have). `/openapi/v2` is not served.
 */
import { createHash } from 'node:crypto';
import { groupVersions, RESOURCE_TYPES } from './resources';
import type { JsonObject } from './types';

const QUERY_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];

const gvPath = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`);

function document(group: string, version: string): JsonObject {
  const paths: JsonObject = {};
  for (const t of RESOURCE_TYPES.filter((r) => r.group === group && r.version === version && r.verbs.includes('patch'))) {
    const base = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}/{name}`;
    paths[base] = {
      patch: {
        operationId: `patch${t.namespaced ? 'Namespaced' : ''}${t.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version, kind: t.kind },
        parameters: QUERY_PARAMS.map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true } })),
        requestBody: {
          content: {
            'application/json-patch+json': { schema: { type: 'object' } },
            'application/merge-patch+json': { schema: { type: 'object' } },
            'application/apply-patch+yaml': { schema: { type: 'object' } },
          },
          required: true,
        },
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths, components: { schemas: {} } };
}

const hashOf = (doc: JsonObject): string => createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase();

export function openApiV3Root(): JsonObject {
  const paths: JsonObject = {};
  for (const { group, version } of groupVersions()) {
    const key = gvPath(group, version);
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(document(group, version))}` };
  }
  return { paths };
}

/** `api/v1` or `apis/<group>/<version>`. */
export function openApiV3Document(path: string): JsonObject | undefined {
  const gv = groupVersions().find(({ group, version }) => gvPath(group, version) === path);
  return gv && document(gv.group, gv.version);
}
