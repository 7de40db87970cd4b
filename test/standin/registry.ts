/**
 * The generic registry: get, list, create, update, patch, delete and deletecollection on stored
 * resources, plus the status and scale subresources, with dry-run, preconditions and managedFields.
 */
import { checkFields } from './fieldValidation';
import { decodeBody } from './http';
import { canonical, clone, deepEqual, isObject, meta, nameOf, namespaceOf, str, text } from './json';
import { prepareCreate, prepareUpdate, statusUpdate, timestamp } from './lifecycle';
import { paginate } from './pagination';
import { serverSideApply } from './patch/apply';
import { APPLY_PATCH, applyPatch, patchTypeOf } from './patch/index';
import { recordUpdate } from './patch/managedFields';
import { schemaFor } from './patch/schema';
import type { RequestInfo } from './requestInfo';
import { replicasOf, toScale } from './scale';
import { apiVersionOf, findByResource, RESOURCE_TYPES, type ResourceType } from './resources';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { alreadyExists, badRequest, conflict, invalid, notFound, STALE_OBJECT, unsupportedMediaType } from './status';
import type { Store } from './store';
import { toTable } from './table';
import type { Json, JsonObject, KubeObject } from './types';
import { validateObject, validateUpdate } from './validation';

export interface Call {
  readonly type: ResourceType;
  readonly info: RequestInfo;
  readonly query: URLSearchParams;
  readonly userAgent: string;
  readonly table: boolean;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface Reply {
  readonly code: number;
  readonly body: Json;
  readonly warnings?: readonly string[];
}

const NAMESPACES = findByResource('', 'v1', 'namespaces');

/** Resources whose DELETE answers with the object rather than a Status (ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set(['pods', 'services', 'namespaces']);

/** The namespace part of the storage key: cluster-scoped objects (a namespace's own name included) have none. */
const scope = (call: Call): string => (call.type.namespaced ? call.info.namespace : '');

const gr = (t: ResourceType): { group: string; resource: string } => ({ group: t.group, resource: t.resource });

/** Items in a list response carry no kind/apiVersion, as with the real server's typed lists; custom resources keep them. */
function asListItem(obj: KubeObject, type: ResourceType): KubeObject {
  if (type.customResource) return obj;
  const { kind: _k, apiVersion: _a, ...rest } = obj;
  return rest;
}

function fieldManager(call: Call, required: boolean): string {
  const explicit = call.query.get('fieldManager');
  if (explicit) {
    if (explicit.length > 128) throw invalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueTooLong', field: 'fieldManager', detail: 'may not be more than 128 bytes' }]);
    return explicit;
  }
  if (required) throw invalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch' }]);
  return (call.userAgent.split('/')[0] ?? '').slice(0, 128) || 'unknown';
}

function isDryRun(call: Call): boolean {
  const values = call.query.getAll('dryRun');
  for (const v of values) if (v !== 'All') throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(values)}: supported values: "All"`);
  return values.length > 0;
}

export class Registry {
  constructor(private readonly store: Store) {}

  private requireNamespace(namespace: string): void {
    if (NAMESPACES && namespace && !this.store.has(NAMESPACES, '', namespace)) throw notFound(gr(NAMESPACES), namespace);
  }

  private existing(call: Call): KubeObject {
    const found = this.store.get(call.type, scope(call), call.info.name);
    if (!found) throw notFound(gr(call.type), call.info.name);
    return found;
  }

  /** The body as an object of this resource's kind, in the request's namespace. */
  private decodeObject(call: Call, raw: Json): KubeObject {
    const t = call.type;
    if (!isObject(raw)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(raw)}'`);
    if (raw.kind === undefined || raw.kind === '') raw.kind = t.kind;
    if (raw.apiVersion === undefined || raw.apiVersion === '') raw.apiVersion = apiVersionOf(t);
    if (raw.apiVersion !== apiVersionOf(t)) throw badRequest(`the API version in the data (${text(raw.apiVersion)}) does not match the expected API version (${apiVersionOf(t)})`);
    if (raw.kind !== t.kind) throw badRequest(`${text(raw.kind)} in version "${t.version}" cannot be handled as a ${t.kind}: no kind "${text(raw.kind)}" is registered for version "${apiVersionOf(t)}"`);
    const m = meta(raw);
    if (t.namespaced) {
      const ns = str(m.namespace);
      if (ns && ns !== call.info.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      m.namespace = call.info.namespace;
    } else delete m.namespace;
    return raw;
  }

  private respondObject(call: Call, shown: KubeObject, code: number, warnings: readonly string[] = []): Reply {
    const obj = canonical(shown);
    if (call.table) return { code, body: toTable(call.type, [obj], { resourceVersion: str(meta(obj).resourceVersion) ?? '' }, call.query.get('includeObject')), warnings };
    return { code, body: obj, warnings };
  }

  get(call: Call): Reply {
    if (call.info.subresource === 'scale') return { code: 200, body: toScale(this.existing(call)) };
    return this.respondObject(call, this.existing(call), 200);
  }

  list(call: Call): Reply {
    const labelSelector = call.query.get('labelSelector');
    const fieldSelector = call.query.get('fieldSelector');
    const byLabel = parseLabelSelector(labelSelector);
    const byField = parseFieldSelector(fieldSelector, call.type, labelSelector);
    const all = this.store.list(call.type, scope(call) || undefined);
    const matching = all.filter((o) => byLabel(o) && byField(o));
    const filtered = !!(labelSelector?.trim() || fieldSelector?.trim());
    const page = paginate(matching, call.query, this.store.resourceVersion, filtered);
    const listMeta: JsonObject = { resourceVersion: String(page.resourceVersion) };
    if (page.continueToken) listMeta.continue = page.continueToken;
    if (page.remainingItemCount !== undefined) listMeta.remainingItemCount = page.remainingItemCount;
    if (call.table) return { code: 200, body: toTable(call.type, page.items, listMeta, call.query.get('includeObject')) };
    return { code: 200, body: { kind: `${call.type.kind}List`, apiVersion: apiVersionOf(call.type), metadata: listMeta, items: page.items.map((o) => asListItem(o, call.type)) } };
  }

  create(call: Call): Reply {
    const dryRun = isDryRun(call);
    const raw = decodeBody(call.body, call.contentType);
    const obj = this.decodeObject(call, raw);
    const warnings = checkFields(call.type, obj, call.query.get('fieldValidation'));
    this.requireNamespace(scope(call));
    return { ...this.insert(call, obj, dryRun, fieldManager(call, false), 'Update'), warnings };
  }

  /** Stores a new object (create, or create-on-apply). */
  private insert(call: Call, obj: KubeObject, dryRun: boolean, manager: string, operation: 'Update' | 'Apply'): Reply {
    const t = call.type;
    prepareCreate(t, obj);
    validateObject(t, obj);
    if (this.store.has(t, namespaceOf(obj), nameOf(obj))) throw alreadyExists(gr(t), nameOf(obj));
    if (operation === 'Update') recordUpdate(undefined, obj, manager, apiVersionOf(t), schemaFor(t.kind));
    if (dryRun) return this.respondObject(call, obj, 201);
    return this.respondObject(call, this.store.put(t, canonical(obj)), 201);
  }

  update(call: Call): Reply {
    const dryRun = isDryRun(call);
    const raw = decodeBody(call.body, call.contentType);
    const t = call.type;
    if (call.info.subresource === 'scale') return this.writeScale(call, raw, dryRun);
    const obj = this.decodeObject(call, raw);
    const warnings = checkFields(t, obj, call.query.get('fieldValidation'));
    if (nameOf(obj) !== call.info.name) throw badRequest(`the name of the object (${nameOf(obj)}) does not match the name on the URL (${call.info.name})`);
    const prev = this.store.get(t, scope(call), call.info.name);
    if (!prev) {
      if (t.resource !== 'endpoints') throw notFound(gr(t), call.info.name);
      this.requireNamespace(scope(call));
      return { ...this.insert(call, obj, dryRun, fieldManager(call, false), 'Update'), warnings };
    }
    return { ...this.replace(call, prev, obj, dryRun, fieldManager(call, false)), warnings };
  }

  /** Writes `next` over `prev`: precondition, strategy, validation, no-op detection, managedFields. */
  private replace(call: Call, prev: KubeObject, next: KubeObject, dryRun: boolean, manager: string): Reply {
    const t = call.type;
    const sentRv = str(meta(next).resourceVersion);
    if (sentRv && sentRv !== str(meta(prev).resourceVersion)) throw conflict(gr(t), call.info.name, STALE_OBJECT);
    const sentUid = str(meta(next).uid);
    if (sentUid && sentUid !== str(meta(prev).uid)) {
      throw conflict(gr(t), call.info.name, `Precondition failed: UID in precondition: ${sentUid}, UID in object meta: ${str(meta(prev).uid) ?? ''}`);
    }
    const candidate = call.info.subresource === 'status' ? statusUpdate(prev, next) : next;
    if (call.info.subresource !== 'status') prepareUpdate(t, candidate, prev);
    meta(candidate).resourceVersion = str(meta(prev).resourceVersion) ?? '';
    validateObject(t, candidate);
    validateUpdate(t, candidate, prev);
    recordUpdate(prev, candidate, manager, apiVersionOf(t), schemaFor(t.kind), call.info.subresource);
    if (deepEqual(candidate, prev) || dryRun) return this.respondObject(call, deepEqual(candidate, prev) ? prev : candidate, 200);
    return this.respondObject(call, this.store.put(t, canonical(candidate)), 200);
  }

  patch(call: Call): Reply {
    const dryRun = isDryRun(call);
    const t = call.type;
    const patchType = patchTypeOf(call.contentType);
    if (!patchType) throw unsupportedMediaType(call.contentType);
    const force = call.query.get('force');
    if (force !== null && patchType !== APPLY_PATCH) {
      throw invalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueForbidden', field: 'force', detail: 'may not be specified for non-apply patch' }]);
    }
    const patch = decodeBody(call.body, patchType);
    const manager = fieldManager(call, patchType === APPLY_PATCH);
    const prev = this.store.get(t, scope(call), call.info.name);

    if (patchType === APPLY_PATCH) {
      if (call.info.subresource) throw badRequest(`the stand-in does not apply to the ${call.info.subresource} subresource`);
      return this.apply(call, prev, patch, manager, force === 'true', dryRun);
    }
    if (!prev) throw notFound(gr(t), call.info.name);
    if (call.info.subresource === 'scale') return this.writeScale(call, applyPatch(toScale(prev), patch, patchType, { fields: {} }), dryRun);
    const patched = applyPatch(prev, patch, patchType, schemaFor(t.kind));
    if (!isObject(patched)) throw badRequest('the patched object is not an object');
    const next = this.decodeObject(call, patched);
    if (nameOf(next) !== call.info.name) throw badRequest(`the name of the object (${nameOf(next)}) does not match the name on the URL (${call.info.name})`);
    return this.replace(call, prev, next, dryRun, manager);
  }

  private apply(call: Call, prev: KubeObject | undefined, patch: Json, manager: string, force: boolean, dryRun: boolean): Reply {
    const t = call.type;
    const config = this.decodeObject(call, clone(patch));
    if (nameOf(config) !== call.info.name) throw badRequest(`the name of the object (${nameOf(config)}) does not match the name on the URL (${call.info.name})`);
    const warnings = checkFields(t, config, call.query.get('fieldValidation'));
    if (!prev) this.requireNamespace(scope(call));
    const merged = serverSideApply(prev, config, manager, force, apiVersionOf(t), schemaFor(t.kind));
    if (!prev) {
      const created = this.insert(call, merged, dryRun, manager, 'Apply');
      return { ...created, warnings };
    }
    prepareUpdate(t, merged, prev);
    meta(merged).resourceVersion = str(meta(prev).resourceVersion) ?? '';
    validateObject(t, merged);
    validateUpdate(t, merged, prev);
    if (deepEqual(merged, prev) || dryRun) return { ...this.respondObject(call, deepEqual(merged, prev) ? prev : merged, 200), warnings };
    return { ...this.respondObject(call, this.store.put(t, canonical(merged)), 200), warnings };
  }

  private writeScale(call: Call, raw: Json, dryRun: boolean): Reply {
    const prev = this.existing(call);
    const replicas = replicasOf(raw, call.info.name);
    const sentRv = isObject(raw) ? str(meta(raw).resourceVersion) : undefined;
    if (sentRv && sentRv !== str(meta(prev).resourceVersion)) throw conflict(gr(call.type), call.info.name, STALE_OBJECT);
    const next = clone(prev);
    if (isObject(next.spec)) next.spec.replicas = replicas;
    prepareUpdate(call.type, next, prev);
    recordUpdate(prev, next, fieldManager(call, false), apiVersionOf(call.type), schemaFor(call.type.kind), 'scale');
    if (deepEqual(next, prev) || dryRun) return { code: 200, body: toScale(next) };
    return { code: 200, body: toScale(this.store.put(call.type, canonical(next))) };
  }

  delete(call: Call): Reply {
    const dryRun = isDryRun(call);
    const t = call.type;
    const prev = this.existing(call);
    const options = call.body.length ? decodeBody(call.body, call.contentType) : null;
    const preconditions = isObject(options) && isObject(options.preconditions) ? options.preconditions : {};
    const uid = str(preconditions.uid);
    if (uid && uid !== str(meta(prev).uid)) {
      throw conflict(gr(t), call.info.name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${str(meta(prev).uid) ?? ''}`);
    }
    const rv = str(preconditions.resourceVersion);
    if (rv && rv !== str(meta(prev).resourceVersion)) {
      throw conflict(gr(t), call.info.name, `Precondition failed: ResourceVersion in precondition: ${rv}, ResourceVersion in object meta: ${str(meta(prev).resourceVersion) ?? ''}`);
    }
    let deleted = prev;
    if (!dryRun) {
      if (t.resource === 'namespaces') this.deleteNamespaceContents(call.info.name);
      deleted = this.store.remove(t, scope(call), call.info.name) ?? prev;
    }
    if (RETURNS_DELETED_OBJECT.has(t.resource)) {
      const shown = clone(prev);
      meta(shown).deletionTimestamp = timestamp();
      meta(shown).deletionGracePeriodSeconds = 0;
      if (t.resource === 'namespaces') shown.status = { phase: 'Terminating' };
      return { code: 200, body: shown };
    }
    const details: JsonObject = { name: call.info.name, kind: t.resource, uid: str(meta(deleted).uid) ?? '' };
    if (t.group) details.group = t.group;
    return { code: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } };
  }

  /** The namespace controller's job, done at once: every object in the namespace goes. */
  private deleteNamespaceContents(namespace: string): void {
    for (const t of RESOURCE_TYPES) {
      if (!t.namespaced || t.virtual) continue;
      for (const o of this.store.list(t, namespace)) this.store.remove(t, namespace, nameOf(o));
    }
  }

  deleteCollection(call: Call): Reply {
    const dryRun = isDryRun(call);
    const byLabel = parseLabelSelector(call.query.get('labelSelector'));
    const byField = parseFieldSelector(call.query.get('fieldSelector'), call.type, call.query.get('labelSelector'));
    const matching = this.store.list(call.type, scope(call) || undefined).filter((o) => byLabel(o) && byField(o));
    if (!dryRun) for (const o of matching) this.store.remove(call.type, namespaceOf(o), nameOf(o));
    return {
      code: 200,
      body: { kind: `${call.type.kind}List`, apiVersion: apiVersionOf(call.type), metadata: { resourceVersion: String(this.store.resourceVersion) }, items: matching.map((o) => asListItem(o, call.type)) },
    };
  }
}
