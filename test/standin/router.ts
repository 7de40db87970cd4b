/**
 * Request pipeline, in the real server's filter order: fault injection (stand-in only), authentication,
 * authorization, then routing to discovery, the registry, reviews, watches or the port-forward upgrade.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ANONYMOUS, type Authenticator, type User } from './auth';
import { injectedError, type Faults, type LoggedRequest, type RequestLog } from './faults';
import { decodeBody, readBody, sendError, sendJson, wantsTable } from './http';
import { at, str } from './json';
import { nonResource } from './nonResource';
import { negotiate, parsePorts, unsupportedProtocolMessage, type PortForwarder } from './portForward';
import { authorizePath, authorizeResource, forbiddenPath, forbiddenResource, type ResourceAttributes } from './rbac';
import type { Call, Registry, Reply } from './registry';
import { requestInfo, type RequestInfo } from './requestInfo';
import { findByResource, type ResourceType } from './resources';
import { selfSubjectAccessReview, selfSubjectRulesReview } from './reviews';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { ApiError, badRequest, internalError, methodNotSupported, notFound, pathNotFound } from './status';
import type { Store } from './store';
import { serveWatch } from './watch';

export interface ServerState {
  readonly store: Store;
  readonly registry: Registry;
  readonly auth: Authenticator;
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly portForwarder: PortForwarder;
  readonly serverVersion: string;
  readonly websocketUpgradeNeedsCreate: boolean;
  serverAddress: string;
  /** Open watches and hung requests, ended by `stop()`. */
  readonly closers: Set<() => void>;
}

const REVIEWS = new Set(['selfsubjectaccessreviews', 'selfsubjectrulesreviews']);

/** Fault injection and latency: true when the request must get no further. */
async function injectFaults(state: ServerState, entry: LoggedRequest, onHang: () => void, onError: (e: ApiError) => void): Promise<boolean> {
  if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
  const outcome = state.faults.take(entry.method, entry.path);
  if (outcome === undefined) return false;
  if (outcome === 'hang') onHang();
  else onError(injectedError(outcome));
  return true;
}

function authorize(user: User, info: RequestInfo): void {
  if (!info.isResourceRequest) {
    if (!authorizePath(user, info.verb, info.path).allowed) throw forbiddenPath(user, info.verb, info.path);
    return;
  }
  const attrs: ResourceAttributes = info;
  if (user !== ANONYMOUS && REVIEWS.has(info.resource) && info.verb === 'create' && info.apiGroup === 'authorization.k8s.io') return;
  if (!authorizeResource(user, attrs).allowed) throw forbiddenResource(user, attrs);
}

function resolveType(info: RequestInfo): ResourceType {
  const t = findByResource(info.apiGroup, info.apiVersion, info.resource);
  if (!t) throw pathNotFound();
  if (!t.namespaced && info.namespace && info.resource !== 'namespaces') throw pathNotFound();
  if (info.subresource && !t.subresources.some((s) => s.name === info.subresource)) throw pathNotFound();
  return t;
}

function dispatch(state: ServerState, call: Call): Reply {
  const { registry } = state;
  const { verb, subresource } = call.info;
  if (subresource === 'portforward' || subresource === 'exec' || subresource === 'attach') throw badRequest('Upgrade request required');
  if (subresource === 'log') {
    registry.get(call);
    return { code: 200, body: '' };
  }
  // Namespaced resources accept writes to collections only under /namespaces/{ns}/ (the real routes).
  const clusterPathForNamespaced = call.type.namespaced && !call.info.namespace;
  const notAllowed = (): ApiError => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
  switch (verb) {
    case 'get':
      return registry.get(call);
    case 'list':
      return registry.list(call);
    case 'create':
      if (clusterPathForNamespaced) throw notAllowed();
      return registry.create(call);
    case 'update':
      return registry.update(call);
    case 'patch':
      return registry.patch(call);
    case 'delete':
      return registry.delete(call);
    case 'deletecollection':
      if (clusterPathForNamespaced) throw notAllowed();
      if (!call.type.verbs.includes('deletecollection')) throw methodNotSupported(call.type, 'deletecollection');
      return registry.deleteCollection(call);
    default:
      throw methodNotSupported(call.type, verb);
  }
}

export async function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://standin.invalid');
  const method = req.method ?? 'GET';
  const entry = state.log.add({ method, path: url.pathname, query: url.searchParams, user: '', status: 0 });
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  const halted = await injectFaults(
    state,
    entry,
    () => {
      const close = (): void => void res.destroy();
      state.closers.add(close);
      res.on('close', () => state.closers.delete(close));
    },
    (e) => sendError(res, e),
  );
  if (halted) return;

  try {
    const user = state.auth.authenticate(req.headers);
    entry.user = user.name;
    const info = requestInfo(method, url);
    authorize(user, info);
    if (!info.isResourceRequest) {
      const reply = nonResource(url.pathname, req.headers.accept, state.serverVersion, state.serverAddress);
      if (typeof reply.body === 'string') {
        res.writeHead(reply.code, { 'Content-Type': reply.contentType });
        res.end(reply.body);
      } else sendJson(res, reply.code, reply.body, reply.contentType);
      return;
    }
    const type = resolveType(info);
    const body = await readBody(req);
    if (type.virtual) {
      if (info.verb !== 'create') throw methodNotSupported(type, info.verb);
      const review = info.resource === 'selfsubjectaccessreviews' ? selfSubjectAccessReview : selfSubjectRulesReview;
      const reply = review(user, decodeBody(body, req.headers['content-type'] ?? ''));
      sendJson(res, reply.code, reply.body);
      return;
    }
    const table = wantsTable(req.headers.accept);
    if (info.verb === 'watch') {
      const labelSelector = url.searchParams.get('labelSelector');
      const byLabel = parseLabelSelector(labelSelector);
      const byField = parseFieldSelector(url.searchParams.get('fieldSelector'), type, labelSelector);
      const stop = serveWatch(res, state.store, { type, namespace: info.namespace, matches: (o) => byLabel(o) && byField(o), query: url.searchParams, table });
      state.closers.add(stop);
      res.on('close', () => state.closers.delete(stop));
      return;
    }
    const call: Call = {
      type,
      info,
      query: url.searchParams,
      userAgent: req.headers['user-agent'] ?? '',
      table,
      contentType: req.headers['content-type'] ?? '',
      body,
    };
    const reply = dispatch(state, call);
    for (const warning of reply.warnings ?? []) res.appendHeader('Warning', `299 - ${JSON.stringify(warning)}`);
    if (typeof reply.body === 'string') {
      res.writeHead(reply.code, { 'Content-Type': 'text/plain' });
      res.end(reply.body);
    } else sendJson(res, reply.code, reply.body);
  } catch (e) {
    sendError(res, e instanceof ApiError ? e : internalError(e instanceof Error ? e.message : String(e)));
  }
}

/** An HTTP response written straight onto an upgrade socket, which is then closed. */
function rejectUpgrade(socket: Duplex, code: number, body: string, contentType = 'application/json'): void {
  if (socket.destroyed) return;
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[code] ?? 'Error';
  socket.end(`HTTP/1.1 ${code} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export async function handleUpgrade(state: ServerState, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://standin.invalid');
  const method = req.method ?? 'GET';
  const entry = state.log.add({ method, path: url.pathname, query: url.searchParams, user: '', status: 0 });
  socket.on('error', () => socket.destroy());
  const fail = (e: ApiError): void => {
    entry.status = e.code;
    rejectUpgrade(socket, e.code, JSON.stringify(e.toStatus()));
  };
  const halted = await injectFaults(
    state,
    entry,
    () => {
      const close = (): void => void socket.destroy();
      state.closers.add(close);
      socket.on('close', () => state.closers.delete(close));
    },
    fail,
  );
  if (halted) return;

  try {
    const user = state.auth.authenticate(req.headers);
    entry.user = user.name;
    const info = requestInfo(method, url);
    if (info.isResourceRequest && info.resource === 'pods' && info.subresource === 'portforward') {
      authorize(user, info);
      if (info.verb === 'get' && state.websocketUpgradeNeedsCreate) authorize(user, { ...info, verb: 'create' });
    } else authorize(user, info);
    if (!info.isResourceRequest || info.resource !== 'pods' || info.subresource !== 'portforward') {
      throw badRequest(`the stand-in only upgrades pods/portforward, not ${url.pathname}`);
    }
    const pods = resolveType(info);
    const pod = state.store.get(pods, info.namespace, info.name);
    if (!pod) throw notFound({ group: '', resource: 'pods' }, info.name);
    if (!str(at(pod, ['spec', 'nodeName']))) throw badRequest(`pod ${info.name} does not have a host assigned`);
    const phase = str(at(pod, ['status', 'phase'])) ?? '';
    if (phase !== 'Running') throw badRequest(`unable to upgrade connection: pod is not running (phase ${phase || 'unknown'})`);
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      throw badRequest(`the stand-in does not implement ${req.headers.upgrade ?? 'this'} streaming (kubectl port-forward falls back to SPDY): port-forward over WebSocket (v4.channel.k8s.io), as @kubernetes/client-node does`);
    }
    const offered = req.headers['sec-websocket-protocol'];
    if (negotiate(offered) === null) {
      entry.status = 400;
      rejectUpgrade(socket, 400, unsupportedProtocolMessage(offered), 'text/plain; charset=utf-8');
      return;
    }
    const ports = parsePorts(url.searchParams);
    entry.status = 101;
    state.portForwarder.upgrade(req, socket, head, pod, ports);
  } catch (e) {
    fail(e instanceof ApiError ? e : internalError(e instanceof Error ? e.message : String(e)));
  }
}

