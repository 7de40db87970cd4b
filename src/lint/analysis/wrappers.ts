import type { Node } from '@vscode/tree-sitter-wasm';
import type { ResolvedWrapper, WrapperExport } from '../project/facts';
import type { Range } from '../types';
import type { OpDraft } from './adapter';
import type { FileContext } from './context';
import type { CallSite, CommandClass, Ttl } from './model';
import { rangeBetween, rangeOf } from './tree';
import { READS_TTL } from './ttl';

/**
 * Project wrappers: a function or method that sends a write on a key taken from its parameter
 * (`incr(key, delta) { return this.client.incr(key) }`). A caller names the key, so the finding
 * belongs there, with the wrapper's command as related information; a wrapper that takes a TTL
 * parameter moves the check to whether callers pass one; a wrapper no code of the file calls is
 * reported inside it, as any write.
 *
 * The analysis of one call then depends on the body of another function, and the report inside a
 * wrapper on calls elsewhere: a re-lint cannot keep other functions' findings. A file where a wrapper
 * is called is therefore always analysed whole (`FileContext.truncated`). The wrappers are found over
 * the whole file before the engine's word search (their names join its words), whatever part of the
 * file it re-analyses; their calls when the search meets one, or a wrapper's own write: an edit that
 * adds the first call or makes a called function a wrapper is in the part re-analysed.
 */

const WRITE_CLASSES = new Set<CommandClass>(['string-write', 'counter', 'collection']);
/** Node types of a plain name that may be a parameter (PHP spells one `variable_name`). */
const NAME_TYPES = new Set(['identifier', 'variable_name']);
/** Parameter names that carry an expiry. */
const TTL_PARAM = /ttl|expir|timeout|seconds|duration|lifetime|^ex$|^px$|^exp$/i;
const EXPIRY_WORD = /\b\w*(?:expir|ttl)\w*\b/gi;

export interface FunctionInfo {
  name: string;
  /** The class (Go: receiver type) of a method. */
  owner?: string;
  /** Parameter names in the order callers pass arguments (Python `self` left out). */
  params: string[];
}

/** What a language adapter tells the wrapper logic. */
export interface WrapperHost {
  readonly ctx: FileContext;
  callSite(token: Node): CallSite | undefined;
  /** The ops of a call on a client, without wrapper calls. */
  clientOps(site: CallSite): OpDraft[];
  /** The function whose parameter `key` (an identifier) is, and the index callers pass it at. */
  paramOf(key: Node): { fn: Node; index: number } | undefined;
  /**
   * The parameter a KEYS pattern is built from (`\`${prefix}*\``, `prefix + '*'`, a local variable
   * holding one): a function that runs KEYS on it is a wrapper whose callers name the pattern.
   */
  derivedParamOf?(pattern: Node): { fn: Node; index: number } | undefined;
  /** `name` is a parameter of the function around it, a named one or not (`set: (key, v) => store.set(key, v)`). */
  isParam?(name: Node): boolean;
  /** Name, class and parameters of a function other code can call by name; undefined for an anonymous one. */
  describe(fn: Node): FunctionInfo | undefined;
  /** A call without receiver (`incr(k)`) that resolves to `fn`. */
  callsFunction(site: CallSite, fn: Node): boolean;
  /**
   * The class the receiver of `site` is an instance of: its name, null when the receiver is known to
   * be something else (a client, a Map, a literal), undefined when the engine cannot tell.
   */
  receiverClass(site: CallSite): string | null | undefined;
  /** The receiver's name (`cacheService` for `this.cacheService`), to match it with a class name. */
  receiverName(site: CallSite): string | undefined;
}

export interface LocalWrapper extends WrapperExport {
  fn: Node;
  /** The call inside the wrapper that sends the command. */
  inner: Node;
  range: Range;
}

/** Words of write commands the wrapper search starts from (lower-cased method or command names). */
export function wrapperWords(words: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi');
}

/** The wrappers of the file, found once per file context. */
export function localWrappers(host: WrapperHost, words: RegExp): LocalWrapper[] {
  const { ctx } = host;
  return ctx.memo('wrappers.local', 0, () => {
    const out: LocalWrapper[] = [];
    const seen = new Set<number>();
    words.lastIndex = 0;
    for (let m = words.exec(ctx.source); m; m = words.exec(ctx.source)) {
      ctx.deadline.tick();
      const token = ctx.nodeAt(m.index, m.index + m[0].length);
      if (!token || token.startIndex !== m.index || token.endIndex !== m.index + m[0].length) continue;
      const site = host.callSite(token);
      // A call without arguments may still be on a key parameter: a Redisson `getAtomicLong(key).incrementAndGet()`.
      if (!site || seen.has(site.call.id) || !(takesParam(host, site) || (site.args.length === 0 && site.receiver !== null))) continue;
      seen.add(site.call.id);
      for (const d of host.clientOps(site)) {
        const w = wrapperOf(host, d);
        if (w) out.push(w);
      }
    }
    return out;
  }, []);
}

/** One of the first arguments (where a key goes, after a Go context) is a parameter of a named function: cheap, before resolving the receiver. */
function takesParam(host: WrapperHost, site: CallSite): boolean {
  return site.args.slice(0, 3).some((a) => (NAME_TYPES.has(a.node.type) && host.paramOf(a.node) !== undefined) || (/keys/i.test(site.name) && host.derivedParamOf?.(a.node) !== undefined));
}

function wrapperOf(host: WrapperHost, d: OpDraft): LocalWrapper | undefined {
  // KEYS on a pattern the function is given is a wrapper too: its callers name the pattern.
  const keys = d.cls === 'keys';
  if ((!WRITE_CLASSES.has(d.cls) && !keys) || (!keys && d.ttl === 'yes')) return undefined;
  const key = d.keys[0];
  if (!key) return undefined;
  const p = (NAME_TYPES.has(key.type) ? host.paramOf(key) : undefined) ?? (keys ? host.derivedParamOf?.(key) : undefined);
  if (!p) return undefined;
  const info = host.describe(p.fn);
  if (!info) return undefined;
  const ttlIndex = keys ? -1 : info.params.findIndex((n, i) => i !== p.index && TTL_PARAM.test(n));
  if (!keys && d.ttl === 'unknown' && ttlIndex < 0) return undefined;
  if (!keys && expiresLater(host, p.fn, host.ctx.text(key), d.offset ?? d.node.startIndex)) return undefined;
  const range = d.range ?? rangeOf(d.node);
  return {
    name: info.name,
    ...(info.owner !== undefined ? { owner: info.owner } : {}),
    command: d.command,
    cls: d.cls,
    keyParam: p.index,
    ...(ttlIndex >= 0 ? { ttlParam: ttlIndex } : {}),
    setsTtl: false,
    line: range.start.line,
    fn: p.fn,
    inner: d.node,
    range,
  };
}

/** A call later in the wrapper whose name speaks of expiry or TTL (`expire`, `setTtl`) takes the key: its arguments. */
function expiresLater(host: WrapperHost, fn: Node, key: string, after: number): CallSite['args'] | undefined {
  const { ctx } = host;
  const text = ctx.source.slice(fn.startIndex, fn.endIndex);
  EXPIRY_WORD.lastIndex = 0;
  for (let m = EXPIRY_WORD.exec(text); m; m = EXPIRY_WORD.exec(text)) {
    const start = fn.startIndex + m.index;
    if (start < after || READS_TTL.test(m[0])) continue;
    const token = ctx.nodeAt(start, start + m[0].length);
    if (!token || token.startIndex !== start) continue;
    const site = host.callSite(token);
    if (site?.args.some((a) => ctx.text(a.node) === key)) return site.args;
  }
  return undefined;
}

/** The wrappers that some call of the file goes through, with those calls. */
export function calledWrappers(host: WrapperHost, words: RegExp): Map<LocalWrapper, CallSite[]> {
  const { ctx } = host;
  return ctx.memo('wrappers.called', 0, () => {
    const out = new Map<LocalWrapper, CallSite[]>();
    const wrappers = localWrappers(host, words);
    const byName = new Map<string, LocalWrapper[]>();
    for (const w of wrappers) byName.set(w.name, [...(byName.get(w.name) ?? []), w]);
    for (const [name, ws] of byName) {
      const re = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      for (let m = re.exec(ctx.source); m; m = re.exec(ctx.source)) {
        ctx.deadline.tick();
        const token = ctx.nodeAt(m.index, m.index + name.length);
        if (!token || token.startIndex !== m.index || token.endIndex !== m.index + name.length) continue;
        const site = host.callSite(token);
        if (!site) continue;
        const w = ws.find((x) => calls(host, site, x));
        if (w && !(site.call.startIndex >= w.fn.startIndex && site.call.endIndex <= w.fn.endIndex) && !passesThrough(host, site, w)) out.set(w, [...(out.get(w) ?? []), site]);
      }
    }
    // Findings now depend on other functions' bodies (the callers' on the wrapper's, the wrapper's on
    // its callers): a re-lint cannot keep any function's findings. A wrapper nobody calls is reported
    // in itself from its own body, like any write, and a first caller is seen here on the next lint.
    if (out.size > 0) ctx.truncated = true;
    return out;
  }, new Map<LocalWrapper, CallSite[]>());
}

/**
 * A call that hands the wrapper a parameter of its own as the key names no key: it is not where the
 * misuse is reported, and it does not make the wrapper's own command a called one.
 */
function passesThrough(host: WrapperHost, site: CallSite, w: WrapperExport): boolean {
  const arg = site.args.filter((a) => a.name === undefined)[w.keyParam];
  return arg !== undefined && NAME_TYPES.has(arg.node.type) && (host.paramOf(arg.node) !== undefined || host.isParam?.(arg.node) === true);
}

function calls(host: WrapperHost, site: CallSite, w: LocalWrapper): boolean {
  if (site.name !== w.name) return false;
  if (w.owner === undefined) return site.receiver === null && host.callsFunction(site, w.fn);
  if (!site.receiver) return false;
  return ownerMatches(host, site, w.owner);
}

/** The receiver is, or is named like, an instance of `owner` (`cacheService`, `this.cache` for `CacheService`). */
export function ownerMatches(host: WrapperHost, site: CallSite, owner: string): boolean {
  const cls = host.receiverClass(site);
  if (cls !== undefined) return cls === owner;
  const name = host.receiverName(site);
  if (!name) return false;
  const r = norm(name);
  const o = norm(owner);
  if (r.length < 3) return false;
  return r === o || o.startsWith(r) || r.endsWith(o) || o.replace(/(?:service|repository|repo|store|client|manager|helper|wrapper|provider|dao|adapter|impl)$/, '') === r;
}

function norm(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** The inner write of a wrapper that the file calls: the finding moves to the callers. */
export function isCalledWrapperWrite(host: WrapperHost, words: RegExp, call: Node): boolean {
  const own = localWrappers(host, words).find((w) => w.inner.id === call.id);
  if (!own) return false;
  if (host.ctx.project?.isCalledElsewhere?.(own.name, own.owner)) return true;
  for (const w of calledWrappers(host, words).keys()) if (w.inner.id === call.id) return true;
  return false;
}

/** The op a call of a wrapper sends, reported where the key is named. */
export function wrapperCallOp(host: WrapperHost, site: CallSite, w: WrapperExport & { range?: Range; file?: string }): OpDraft | undefined {
  // Keyword arguments (Python) are matched by name only for the TTL: one that names it passes it.
  if (site.args.some((a) => a.name !== undefined && TTL_PARAM.test(a.name))) return undefined;
  const positional = site.args.filter((a) => a.name === undefined);
  const arg = positional[w.keyParam];
  if (!arg || arg.spread || positional.some((a, i) => a.spread && i < w.keyParam)) return undefined;
  if (passesThrough(host, site, w)) return undefined;
  if (w.setsTtl) return undefined;
  let ttl: Ttl = 'no';
  if (w.ttlParam !== undefined) {
    const t = positional[w.ttlParam];
    if (t?.spread) return undefined;
    if (t && !/^(?:null|undefined|None|nil|0)$/.test(host.ctx.text(t.node).trim())) ttl = 'yes';
  }
  if (ttl === 'yes') return undefined;
  const range = w.range ?? { start: { line: w.line, column: 0 }, end: { line: w.line, column: 0 } };
  return {
    command: w.command,
    cls: w.cls,
    node: site.call,
    range: rangeBetween(site.nameNode, site.call),
    offset: site.nameNode.startIndex,
    keys: [arg.node],
    ttl,
    via: 'command',
    client: { lib: 'unknown', role: 'client', strength: 'weak' },
    related: [{ ...(w.file !== undefined ? { file: w.file } : {}), range, message: `\`${w.name}\` sends ${w.command} on the key it is given here` }],
  };
}

/** The ops of a call of a wrapper of this file or of the project (through `ctx.project`). */
export function wrapperCallOps(host: WrapperHost, words: RegExp, site: CallSite): OpDraft[] {
  const local = localWrappers(host, words);
  for (const [w, sites] of local.some((w) => w.name === site.name) ? calledWrappers(host, words) : new Map<LocalWrapper, CallSite[]>()) {
    if (sites.some((s) => s.call.id === site.call.id)) {
      const op = wrapperCallOp(host, site, w);
      return op ? [op] : [];
    }
  }
  if (local.some((w) => w.name === site.name)) return [];
  const found = projectWrapperAt(host, site);
  if (!found) return [];
  const op = wrapperCallOp(host, site, found);
  return op ? [op] : [];
}

/**
 * A call on an instance of a project class that wraps a client (the index keeps such classes as
 * client classes, so the engine reports the call as the client command itself): the call goes
 * through the class's wrapper method of that name.
 */
function clientClassMethodAt(host: WrapperHost, site: CallSite): ResolvedWrapper | undefined {
  const project = host.ctx.project;
  const w = site.receiver ? project?.wrappersNamed?.(site.name).find((x) => x.owner !== undefined && project.isClientClass(x.owner)) : undefined;
  return w && host.clientOps(site).some((d) => d.command === w.command) ? w : undefined;
}

/** The wrapper of another file of the project that `site` calls, if any. */
function projectWrapperAt(host: WrapperHost, site: CallSite): ResolvedWrapper | undefined {
  const project = host.ctx.project;
  if (!project) return undefined;
  if (site.receiver) {
    const cls = host.receiverClass(site);
    if (cls === null) return undefined;
    const found = cls !== undefined ? project.wrapper(site.name, cls) : undefined;
    if (found) return found;
    const any = project.wrappersNamed?.(site.name) ?? [project.wrapper(site.name)];
    return any.find((w) => w?.owner !== undefined && ownerMatches(host, site, w.owner));
  }
  const any = project.wrapper(site.name);
  return any && any.owner === undefined ? any : undefined;
}

/**
 * The wrappers of other files this file calls, as `<file>\0<line of the wrapper's command>`
 * (FileSummary.calls): the wrapper's own file then leaves the report to its callers.
 */
export function projectWrapperCalls(host: WrapperHost, words: RegExp): string[] {
  const { ctx } = host;
  const project = ctx.project;
  const names = (project?.wrapperNames() ?? []).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  if (!project || names.length === 0) return [];
  const local = new Set(localWrappers(host, words).map((w) => w.name));
  const out = new Set<string>();
  const re = new RegExp(`(?<![\\w$])(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`, 'g');
  for (let m = re.exec(ctx.source); m; m = re.exec(ctx.source)) {
    ctx.deadline.tick();
    if (local.has(m[0])) continue;
    const token = ctx.nodeAt(m.index, m.index + m[0].length);
    if (!token || token.startIndex !== m.index || token.endIndex !== m.index + m[0].length) continue;
    const site = host.callSite(token);
    if (!site) continue;
    const found = projectWrapperAt(host, site) ?? clientClassMethodAt(host, site);
    if (found && !passesThrough(host, site, found)) out.add(`${found.file}\0${found.line}`);
  }
  return [...out].sort();
}


/** The wrapper names the engine's word search must also look for. */
export function wrapperCallWords(host: WrapperHost, words: RegExp, ttlWords: RegExp): string[] {
  localTtlHelpers(host, ttlWords);
  const names = new Set<string>();
  // Every wrapper of the file (called or not): whether one is called is found when the engine meets
  // a call of that name or the wrapper's own write (`calledWrappers`), which marks the file.
  for (const w of localWrappers(host, words)) names.add(w.name);
  for (const n of host.ctx.project?.wrapperNames() ?? []) names.add(n);
  return [...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).map((n) => n.replace(/\$/g, '\\$'));
}

/** A wrapper as the project index keeps it. */
export function exportOf(w: LocalWrapper): WrapperExport {
  return {
    name: w.name,
    ...(w.owner !== undefined ? { owner: w.owner } : {}),
    command: w.command,
    cls: w.cls,
    keyParam: w.keyParam,
    ...(w.ttlParam !== undefined ? { ttlParam: w.ttlParam } : {}),
    setsTtl: w.setsTtl,
    line: w.line,
  };
}

/** Functions and methods that send EXPIRE (or PEXPIRE...) on a key parameter: callers that call them after a write set its TTL. */
export function ttlHelpers(host: WrapperHost, words: RegExp): string[] {
  const { ctx } = host;
  const out = new Set<string>();
  words.lastIndex = 0;
  for (let m = words.exec(ctx.source); m; m = words.exec(ctx.source)) {
    ctx.deadline.tick();
    const token = ctx.nodeAt(m.index, m.index + m[0].length);
    if (!token || token.startIndex !== m.index || token.endIndex !== m.index + m[0].length) continue;
    const site = host.callSite(token);
    if (!site || !takesParam(host, site)) continue;
    for (const d of host.clientOps(site)) {
      const key = d.keys[0];
      if (d.cls !== 'expire' || !key || !NAME_TYPES.has(key.type)) continue;
      const p = host.paramOf(key);
      const info = p ? host.describe(p.fn) : undefined;
      if (info) out.add(info.name);
    }
  }
  return [...out];
}

/**
 * The TTL helpers of the file a name does not tell (`touch(key)`), found once per file context. A
 * write's finding then depends on another function's body, so the file is analysed whole.
 */
export function localTtlHelpers(host: WrapperHost, words: RegExp): string[] {
  return host.ctx.memo('wrappers.ttlHelpers', 0, () => {
    const names = ttlHelpers(host, words).filter((n) => !/expir|ttl/i.test(n));
    if (names.length > 0) host.ctx.truncated = true;
    return names;
  }, []);
}
