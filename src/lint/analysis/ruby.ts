import type { Node } from '@vscode/tree-sitter-wasm';
import { isClientName, isGenericClientName } from '../clients/naming';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import { combine } from './javascript';
import { redisOnlyReceivers, sentRedisCommands } from './evidence';
import { OTHER, UNKNOWN, type Arg, type CallSite, type ClientRef, type SentinelMisuse, type Ttl, type Value } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf, wordOf } from './tree';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, projectWrapperCalls, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set(['method', 'singleton_method', 'block', 'do_block', 'lambda']);
const STRING_TYPES = new Set(['string', 'heredoc_body']);
/**
 * Other code reads assignments (`@redis = ...`, constants, globals), methods by name anywhere in a
 * class, `attr_reader` calls, and the last statement of a method (its value).
 */
const LOCALITY: Locality = {
  bodies: new Set(['body_statement', 'block_body']),
  containers: new Set(['program', 'class', 'module', 'body_statement', 'block_body']),
  exported: { assignment: 'target', operator_assignment: 'target', method: 'name', singleton_method: 'name' },
  exportedFields: ['name', 'parameters'],
  lastStatementIsValue: true,
  exportedText: /\battr_(?:reader|accessor)\b/,
};
const SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'program', 'class', 'module']);
/** redis-rb, valkey-rb and redis-client classes: `<Const>.new(...)` is a client. */
const CLIENT_CONSTANTS = new Set(['Redis', 'Valkey', 'RedisClient', 'Redis::Cluster', 'Redis::Namespace', 'Redis::Distributed', 'Redis::Store']);
/** The receiver written just before a `.`: `@ns`, `$r`, `conn`. */
function rbReceiverAt(before: string): string | undefined {
  return /(?<![\w@$.])([@$]{0,2}\w+)\s*$/.exec(before)?.[1];
}
const TTL_KEYWORDS = new Set(['ex', 'px', 'exat', 'pxat', 'keepttl']);
const ADDRESS_KEYS = new Set(['host', 'port', 'url', 'path', 'nodes']);

export const rubyCallWords = [...Object.keys(methodCommands), 'mapped_mset', 'mapped_hmset', 'call', 'eval', 'script'];

const rb = (role: ClientRef['role']): Value => ({ t: 'client', ref: { lib: 'redis-rb', role, strength: 'strong' } });

/** Methods that send EXPIRE (a TTL helper sends one on its key parameter). */
const TTL_WORDS = /\b(?:expire|pexpire|expireat|pexpireat)\b/g;
/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords([
  ...Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
  'mapped_mset',
  'mapped_hmset',
]);

export function createRubyAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new RubyAdapter(ctx);
}

class RubyAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly counterOnCreatedKeyKeepsTtl = true;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'identifier') return undefined;
    const call = this.ctx.parentOf(token);
    if (call?.type !== 'call' || this.ctx.field(call, 'method')?.id !== token.id) return undefined;
    const receiver = this.ctx.field(call, 'receiver');
    const argsNode = this.ctx.field(call, 'arguments');
    const ctx = this.ctx;
    let args: Arg[] | undefined;
    return {
      call,
      nameNode: token,
      name: ctx.text(token),
      receiver,
      argsNode,
      block: this.ctx.field(call, 'block'),
      get args(): Arg[] {
        if (args) return args;
        args = [];
        for (const a of argsNode ? namedKids(argsNode) : []) {
          if (a.type === 'pair') args.push({ node: ctx.field(a, 'value') ?? a, name: symbolName(ctx, ctx.field(a, 'key')) });
          else if (a.type === 'splat_argument' || a.type === 'hash_splat_argument' || a.type === 'block_argument') args.push({ node: a, spread: true });
          else args.push({ node: a });
        }
        return args;
      },
    };
  }

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site).map((d) => (d.ttl === 'no' && d.cls !== 'keys' && this.inExpiryBlock(site.call) ? { ...d, ttl: 'yes' as const } : d));
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.receiver ? this.clientOf(site.receiver) : this.selfClient(site.call)) return [];
    return wrapperCallOps(this, WRAPPER_WORDS, site).filter((d) => !passesMoreThanKeyAndValue(site, d));
  }

  extraCallWords(): string[] {
    return wrapperCallWords(this, WRAPPER_WORDS, TTL_WORDS);
  }

  ttlHelperNames(): readonly string[] {
    return localTtlHelpers(this, TTL_WORDS);
  }

  // ---- wrappers (see wrappers.ts) ----------------------------------------------------------------

  paramOf(key: Node): { fn: Node; index: number } | undefined {
    if (key.type !== 'identifier') return undefined;
    const name = this.ctx.text(key);
    const fn = this.enclosing(key, ['method', 'singleton_method', 'class', 'module']);
    if (!fn || (fn.type !== 'method' && fn.type !== 'singleton_method')) return undefined;
    // A block parameter of the same name inside the method shadows it.
    if (this.blockParamValue(key, name) !== undefined) return undefined;
    const params = this.positionalParams(fn);
    const index = params.indexOf(name);
    if (index < 0 || (this.localsOf(fn).get(name)?.length ?? 0) > 0) return undefined;
    return { fn, index };
  }

  /** Names of the parameters callers pass by position (keyword parameters are matched by name). */
  private positionalParams(fn: Node): string[] {
    const params = this.ctx.field(fn, 'parameters');
    return (params ? namedKids(params) : [])
      .filter((p) => p.type === 'identifier' || p.type === 'optional_parameter')
      .map((p) => this.ctx.text(p.type === 'identifier' ? p : (this.ctx.field(p, 'name') ?? p)));
  }

  describe(fn: Node): FunctionInfo | undefined {
    if (fn.type !== 'method' && fn.type !== 'singleton_method') return undefined;
    const name = this.ctx.text(this.ctx.field(fn, 'name')!);
    if (name === 'initialize') return undefined;
    const cls = this.enclosing(fn, ['class', 'module']);
    const cname = cls ? this.ctx.field(cls, 'name') : null;
    const params = this.positionalParams(fn);
    return cname ? { name, owner: this.ctx.text(cname), params } : { name, params };
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    if (site.receiver) return false;
    const scope = this.enclosing(site.call, ['class', 'module']) ?? this.ctx.root;
    return this.ctx.spelled(wordOf(site.name), scope).some((id) => this.ctx.parentOf(id)?.id === fn.id && this.ctx.field(fn, 'name')?.id === id.id);
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (r.type === 'self') {
      const cls = this.enclosing(r, ['class', 'module']);
      const name = cls ? this.ctx.field(cls, 'name') : null;
      return name ? this.ctx.text(name) : undefined;
    }
    if (r.type === 'constant' || r.type === 'scope_resolution') {
      const v = this.valueOf(r);
      return v.t === 'client' || v.t === 'lib' ? null : this.ctx.text(r).replace(/^.*::/, '');
    }
    const v = this.valueOf(r);
    if (v.t === 'client' || v.t === 'lib') return null;
    const made0 = r.type === 'call' && this.ctx.text(this.ctx.field(r, 'method')!) === 'new' ? this.ctx.field(r, 'receiver') : null;
    if (made0 && (made0.type === 'constant' || made0.type === 'scope_resolution')) return this.ctx.text(made0).replace(/^.*::/, '');
    // `@cache = CacheService.new`, `store = Store.new(...)`.
    const values = r.type === 'identifier' ? this.localValues(this.ctx.text(r), r) : r.type === 'instance_variable' ? this.assignmentsIn(this.enclosing(r, ['class', 'module']) ?? this.ctx.root, 'instance_variable', this.ctx.text(r)) : [];
    const made = values.map((x) => (x.type === 'call' && this.ctx.text(this.ctx.field(x, 'method')!) === 'new' ? this.ctx.field(x, 'receiver') : null));
    if (made.length === 1 && made[0] && (made[0].type === 'constant' || made[0].type === 'scope_resolution')) return this.ctx.text(made[0]).replace(/^.*::/, '');
    return v.t === 'other' ? null : undefined;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  // ---- project summary ---------------------------------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    for (const id of this.ctx.spelled(/\brequire(?:_relative)?\b/g)) {
      const c = this.ctx.parentOf(id);
      if (c?.type !== 'call' || this.ctx.field(c, 'method')?.id !== id.id || this.ctx.field(c, 'receiver')) continue;
      const arg = this.ctx.field(c, 'arguments')?.namedChild(0);
      const lit = arg ? this.literalOf(arg).literal : undefined;
      if (lit !== undefined) out.imports.push({ from: this.ctx.text(id) === 'require_relative' ? `./${lit}` : lit, names: { '*': '*' } });
    }
    for (const w of localWrappers(this, WRAPPER_WORDS)) {
      out.wrappers.push(exportOf(w));
    }
    // `REDIS = Redis.new`, `$redis = ConnectionPool::Wrapper.new { ... }`, `Redis.current = ...` in an initializer.
    for (const a of this.ctx.spelled(/(?:\$\w+|\b[A-Z][A-Z0-9_]*\b)(?=\s*(?:\|\|)?=[^=~>])/g)) {
      const asg = this.ctx.parentOf(a);
      if ((asg?.type !== 'assignment' && asg?.type !== 'operator_assignment') || this.ctx.field(asg, 'left')?.id !== a.id) continue;
      const right = this.ctx.field(asg, 'right');
      const v = right ? this.valueOf(right) : UNKNOWN;
      if (v.t === 'client' || (v.t === 'lib' && v.what === 'pool')) out.clients.push({ name: this.ctx.text(a), kind: 'value', line: asg.startPosition.row });
    }
    for (const kw of this.ctx.spelled(/\b(?:class|def)\b/g)) {
      const n = this.ctx.parentOf(kw);
      if (n?.type === 'class') {
        const sup = this.ctx.field(n, 'superclass');
        const name = this.ctx.field(n, 'name');
        const supName = sup ? this.ctx.text(sup).replace(/^<\s*/, '').replace(/\s+/g, '') : '';
        if (name && (CLIENT_CONSTANTS.has(supName) || this.ctx.project?.isClientClass(supName))) out.clients.push({ name: this.ctx.text(name), kind: 'class', line: n.startPosition.row });
      } else if (n?.type === 'method' || n?.type === 'singleton_method') {
        const name = this.ctx.text(this.ctx.field(n, 'name')!);
        const body = this.ctx.field(n, 'body');
        const last = body?.lastNamedChild;
        const expr = last && (last.type === 'operator_assignment' || last.type === 'assignment') ? this.ctx.field(last, 'right') : last;
        const v = expr ? this.valueOf(expr) : UNKNOWN;
        const cls = this.enclosing(n, ['class', 'module']);
        const owner = cls ? this.ctx.field(cls, 'name') : null;
        if (v.t === 'client') out.clients.push({ name, kind: 'factory', ...(owner ? { owner: this.ctx.text(owner) } : {}), line: n.startPosition.row });
      }
    }
    out.ttlHelpers.push(...ttlHelpers(this, TTL_WORDS));
    const calls = projectWrapperCalls(this, WRAPPER_WORDS);
    if (calls.length) out.calls = calls;
    return out;
  }

  clientOps(site: CallSite): OpDraft[] {
    const client = site.receiver ? this.clientOf(site.receiver) : this.selfClient(site.call);
    if (!client) return [];
    const name = normalizeMethod(site.name);
    const split = !site.receiver || site.receiver.type === 'call' || site.receiver.startPosition.row !== site.nameNode.startPosition.row;
    const range = split ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call);
    const base = { node: site.call, range, offset: site.nameNode.startIndex, client, site };
    if (name === 'call') {
      const first = site.args[0]?.node;
      const items = first?.type === 'array' ? namedKids(first) : site.args.filter((a) => !a.name).map((a) => a.node);
      const tokens: Token[] = items.map((n) => ({ node: n, ...this.literalOf(n) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (name === 'eval') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    if (name === 'script') return site.args[0] && this.literalOf(site.args[0].node).literal === 'load' ? scriptOps(this.ctx, this.scriptLiterals(site.args[1]?.node), client) : [];
    const info = methodCommands[name] ?? (name === 'mappedmset' ? methodCommands.mset : name === 'mappedhmset' ? methodCommands.hmset : undefined);
    if (!info) return [];
    const positional = site.args.filter((a) => !a.name && !a.spread);
    const keys = info.keyValuePairs ? positional.filter((_, i) => i % 2 === 0).map((a) => a.node) : positional[0] ? [positional[0].node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info) : info.alwaysTtl ? 'yes' : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /** redis-rb `set(key, value, ex: nil, px: nil, exat: nil, pxat: nil, nx: nil, xx: nil, keepttl: nil, get: nil)`. */
  private setTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.alwaysTtl) return 'yes';
    if (info.command !== 'SET') return 'no';
    if (site.args.some((a) => a.spread)) return 'unknown';
    const options = [...site.args.filter((a) => a.name), ...site.args.filter((a) => !a.name && a.node.type === 'hash').flatMap((a) => namedKids(a.node).map((p) => ({ node: this.ctx.field(p, 'value') ?? p, name: symbolName(this.ctx, this.ctx.field(p, 'key')) })))];
    const given = options.filter((o) => o.name && TTL_KEYWORDS.has(o.name) && !['nil', 'false'].includes(o.node.type));
    // `ex: ttl` with a variable or parameter that may be nil: not known (a wrapper's TTL parameter).
    if (given.some((o) => o.node.type !== 'identifier')) return 'yes';
    if (given.length) return 'unknown';
    if (site.args.filter((a) => !a.name).length > 2 && site.args.slice(2).some((a) => !a.name && a.node.type !== 'hash')) return 'unknown';
    return 'no';
  }

  private literalOf(n: Node): { literal?: string } {
    if (n.type === 'string' && !namedKids(n).some((k) => k.type === 'interpolation')) return { literal: namedKids(n).map((k) => this.ctx.text(k)).join('') };
    if (n.type === 'simple_symbol') return { literal: this.ctx.text(n).slice(1) };
    if (n.type === 'integer') return { literal: this.ctx.text(n) };
    return {};
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    if (node.type === 'string') return [node];
    if (node.type === 'heredoc_beginning') {
      const body = this.heredocBody(node);
      return body ? [body] : [];
    }
    if (node.type === 'constant' || node.type === 'identifier') {
      const name = this.ctx.text(node);
      const values = node.type === 'constant' ? this.fileAssignments('constant', name) : this.localValues(name, node);
      return values.flatMap((v) => this.scriptLiterals(v, depth + 1));
    }
    return [];
  }

  /** The body of a heredoc starts after the line that opens it: the next heredoc_body after the statement. */
  private heredocBody(start: Node): Node | undefined {
    const chain = this.ctx.ancestors(start);
    for (let i = chain.length - 1; i >= 0; i--) {
      let sib = (i === chain.length - 1 ? start : chain[i + 1]!).nextNamedSibling;
      while (sib && sib.type !== 'heredoc_body' && sib.startIndex < start.endIndex) sib = sib.nextNamedSibling;
      if (sib?.type === 'heredoc_body') return sib;
    }
    return undefined;
  }

  // ---- receivers -------------------------------------------------------------------------------

  /** `self` (or no receiver) inside a class that extends a client class (`class Cache < Redis`). */
  private selfClient(at: Node): ClientRef | undefined {
    const cls = this.enclosing(at, ['class']);
    const sup = cls ? this.ctx.field(cls, 'superclass') : null;
    const name = sup ? this.ctx.text(sup).replace(/^<\s*/, '').replace(/\s+/g, '') : '';
    if (!CLIENT_CONSTANTS.has(name) && !this.ctx.project?.isClientClass(name)) return undefined;
    // A bare call must not be a local method of the class.
    return { lib: 'redis-rb', role: 'client', strength: 'strong' };
  }

  private clientOf(receiver: Node): ClientRef | undefined {
    if (receiver.type === 'self') return this.selfClient(receiver);
    const v = this.valueOf(receiver);
    if (v.t === 'client') return v.ref;
    if (v.t === 'unknown' && (isClientName(this.nameOf(receiver)) || this.clientGlobal(receiver) || this.usedLikeClient(receiver))) return { lib: 'unknown', role: 'client', strength: 'weak' };
    return undefined;
  }

  /**
   * The call sits in the block of a method whose name speaks of expiry (`allow_expiration do ...
   * end` of redis-objects, `with_ttl { }`): the helper sets the TTL of what the block writes.
   */
  private inExpiryBlock(call: Node): boolean {
    const chain = this.ctx.ancestors(call);
    for (let i = chain.length - 1; i > 0; i--) {
      const t = this.ctx.typeOf(chain[i]!);
      if (t === 'method' || t === 'singleton_method') return false;
      if (t !== 'block' && t !== 'do_block') continue;
      const owner = chain[i - 1]!;
      const method = owner.type === 'call' ? this.ctx.field(owner, 'method') : null;
      if (method && /expir|ttl/i.test(this.ctx.text(method))) return true;
    }
    return false;
  }

  /** `$r`, `$rc`, `$client`: a global given a generic client name (Ruby programs keep their one Redis so). */
  private clientGlobal(n: Node): boolean {
    return n.type === 'global_variable' && isGenericClientName(this.ctx.text(n).slice(1));
  }

  /**
   * The same receiver (`@namespaced`, `$r`, a local) is sent at least two different commands no
   * in-process hash or cache has (`zadd`, `hmset`, `lrange`, `setex`...) in its scope (an instance
   * variable: its class; a global: the file; a local: its method): a client the engine could not trace.
   */
  private usedLikeClient(n: Node): boolean {
    if (!['identifier', 'instance_variable', 'global_variable'].includes(n.type)) return false;
    const name = this.ctx.text(n);
    const scope = n.type === 'global_variable' ? this.ctx.root : n.type === 'instance_variable' ? (this.enclosing(n, ['class', 'module']) ?? this.ctx.root) : (this.enclosing(n, ['method', 'singleton_method']) ?? this.ctx.root);
    return sentRedisCommands(redisOnlyReceivers(this.ctx, scope, 'rb', rbReceiverAt), name);
  }

  private nameOf(n: Node): string | undefined {
    if (['identifier', 'instance_variable', 'global_variable', 'constant', 'class_variable'].includes(n.type)) return this.ctx.text(n);
    if (n.type === 'call' && !this.ctx.field(n, 'arguments')) return this.ctx.text(this.ctx.field(n, 'method')!);
    return undefined;
  }

  private valueOf(n: Node): Value {
    return this.ctx.memo('rb.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): Value {
    this.ctx.deadline.tick();
    switch (n.type) {
      case 'identifier': {
        const name = this.ctx.text(n);
        const block = this.blockParamValue(n, name);
        if (block) return block;
        const locals = this.localValues(name, n);
        if (locals.length) return combine(locals.map((v) => this.valueOf(v)));
        return this.methodValue(n, name);
      }
      case 'instance_variable':
      case 'class_variable': {
        const cls = this.enclosing(n, ['class', 'module']);
        const scope = cls ?? this.ctx.root;
        const values = this.assignmentsIn(scope, n.type, this.ctx.text(n));
        return values.length ? combine(values.map((v) => this.valueOf(v))) : UNKNOWN;
      }
      case 'global_variable':
      case 'constant': {
        const name = this.ctx.text(n);
        const values = this.fileAssignments(n.type, name);
        if (values.length) return combine(values.map((v) => this.valueOf(v)));
        if (n.type === 'constant' && CLIENT_CONSTANTS.has(name)) return { t: 'lib', lib: 'redis-rb', what: 'class' };
        if (this.ctx.project?.isClientValue(name)) return rb('client');
        return n.type === 'constant' && this.ctx.project?.isClientClass(name) ? { t: 'lib', lib: 'redis-rb', what: 'class' } : UNKNOWN;
      }
      case 'scope_resolution':
        return CLIENT_CONSTANTS.has(this.ctx.text(n).replace(/\s+/g, '')) ? { t: 'lib', lib: 'redis-rb', what: 'class' } : UNKNOWN;
      case 'call':
        return this.callValue(n);
      case 'parenthesized_statements':
      case 'begin':
        return n.lastNamedChild ? this.valueOf(n.lastNamedChild) : UNKNOWN;
      case 'binary': {
        const op = this.ctx.field(n, 'operator');
        if (op && ['||', 'or', '&&', 'and'].includes(this.ctx.text(op))) return combine([this.valueOf(this.ctx.field(n, 'left')!), this.valueOf(this.ctx.field(n, 'right')!)]);
        return OTHER;
      }
      case 'conditional':
        return combine([this.valueOf(this.ctx.field(n, 'consequence')!), this.valueOf(this.ctx.field(n, 'alternative')!)]);
      case 'hash':
      case 'array':
      case 'string':
      case 'integer':
      case 'float':
      case 'nil':
      case 'true':
      case 'false':
      case 'simple_symbol':
      case 'lambda':
        return OTHER;
      default:
        return UNKNOWN;
    }
  }

  private callValue(n: Node): Value {
    const receiver = this.ctx.field(n, 'receiver');
    const method = this.ctx.text(this.ctx.field(n, 'method')!);
    // RSpec doubles and MockRedis send nothing.
    if (!receiver && ['double', 'instance_double', 'spy', 'instance_spy', 'object_double'].includes(method)) return OTHER;
    if (receiver?.type === 'constant' && this.ctx.text(receiver) === 'MockRedis') return OTHER;
    if (!receiver) return this.methodValue(n, method);
    const rv = this.valueOf(receiver);
    if (rv.t === 'lib' && rv.what === 'class') return method === 'new' || method === 'current' || method === 'connect' ? rb('client') : OTHER;
    if (receiver.type === 'constant' && this.ctx.text(receiver) === 'ConnectionPool' && method === 'new') {
      const block = this.ctx.field(n, 'block');
      const body = block ? namedKids(block).find((k) => k.type === 'block_body' || k.type === 'body_statement') : undefined;
      const last = body?.lastNamedChild;
      return last && this.valueOf(last).t === 'client' ? { t: 'lib', lib: 'redis-rb', what: 'pool' } : OTHER;
    }
    if (receiver.type === 'scope_resolution' && /^ConnectionPool::Wrapper$/.test(this.ctx.text(receiver)) && method === 'new') return rb('client');
    if (rv.t === 'client') return method === 'dup' ? rv : OTHER;
    // `RedisStore.redis`, `App.redis`: an accessor another file of the project defines.
    return rv.t === 'unknown' && this.ctx.project?.isClientFactory(method) ? rb('client') : UNKNOWN;
  }

  /** `|conn|` of `Sidekiq.redis { |conn| }`, `pool.with { |r| }`, `redis.pipelined { |pipe| }`, `redis.multi do |tx|`. */
  private blockParamValue(at: Node, name: string): Value | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const b = chain[i]!;
      if (this.ctx.typeOf(b) !== 'block' && this.ctx.typeOf(b) !== 'do_block') continue;
      const params = this.ctx.field(b, 'parameters');
      const index = params ? namedKids(params).findIndex((p) => this.ctx.text(p) === name) : -1;
      if (index < 0) continue;
      const call = chain[i - 1];
      if (index !== 0 || call?.type !== 'call') return UNKNOWN;
      const method = this.ctx.text(this.ctx.field(call, 'method')!);
      const receiver = this.ctx.field(call, 'receiver');
      // Sidekiq-style `redis { |conn| ... }` under any receiver (`Sidekiq.redis`, `self.redis`, a bare `redis`).
      if (method === 'redis' || method === 'with_redis') return rb('client');
      if (!receiver) return UNKNOWN;
      const rv = this.valueOf(receiver);
      if ((method === 'with' || method === 'then') && ((rv.t === 'lib' && rv.what === 'pool') || (rv.t === 'unknown' && /pool/i.test(this.nameOf(receiver) ?? '')))) return rb('client');
      if (method === 'pipelined' || method === 'multi') {
        const c = this.clientOf(receiver);
        return c ? { t: 'client', ref: { ...c, role: 'pipeline' } } : UNKNOWN;
      }
      // `ring.nodes.each { |node| node.keys('*') }` of Redis::Distributed / Redis::Cluster.
      if (['each', 'map', 'flat_map', 'each_with_object', 'sum', 'collect', 'select', 'inject'].includes(method) && receiver.type === 'call' && this.ctx.text(this.ctx.field(receiver, 'method')!) === 'nodes') {
        const owner = this.ctx.field(receiver, 'receiver');
        return owner && this.clientOf(owner) ? rb('client') : UNKNOWN;
      }
      return UNKNOWN;
    }
    return undefined;
  }

  /** A bare `redis` that is no local: `attr_reader :redis` (-> `@redis`) or `def redis; @redis ||= Redis.new; end`. */
  private methodValue(at: Node, name: string): Value {
    const cls = this.enclosing(at, ['class', 'module']) ?? this.ctx.root;
    return this.ctx.memo('rb.method', `${cls.id}:${name}`, () => {
      for (const id of this.ctx.spelled(wordOf(name), cls)) {
        const m = this.ctx.parentOf(id);
        if (m?.type !== 'method' || this.ctx.field(m, 'name')?.id !== id.id) continue;
        const body = this.ctx.field(m, 'body');
        const last = body?.lastNamedChild;
        if (!last) return UNKNOWN;
        const expr = last.type === 'operator_assignment' || last.type === 'assignment' ? this.ctx.field(last, 'right') : last;
        return expr ? this.valueOf(expr) : UNKNOWN;
      }
      // RSpec `let(:redis) { instance_double(Redis) }`: the block's value.
      for (const id of this.ctx.spelled(/\blet!?(?=\s*\(?\s*:)/g, this.ctx.root)) {
        const c = this.ctx.parentOf(id);
        if (c?.type !== 'call' || this.ctx.field(c, 'method')?.id !== id.id || this.ctx.field(c, 'receiver')) continue;
        const args = this.ctx.field(c, 'arguments');
        if (!args || this.ctx.text(namedKids(args)[0] ?? args) !== `:${name}`) continue;
        const block = this.ctx.field(c, 'block');
        const body = block ? namedKids(block).find((k) => k.type === 'block_body' || k.type === 'body_statement') : undefined;
        return body?.lastNamedChild ? this.valueOf(body.lastNamedChild) : UNKNOWN;
      }
      for (const id of this.ctx.spelled(/\battr_(?:reader|accessor)\b/g, cls)) {
        const c = this.ctx.parentOf(id);
        if (c?.type !== 'call' || this.ctx.field(c, 'method')?.id !== id.id || this.ctx.field(c, 'receiver')) continue;
        const args = this.ctx.field(c, 'arguments');
        if (args && namedKids(args).some((a) => this.ctx.text(a) === `:${name}`)) {
          const values = this.assignmentsIn(cls, 'instance_variable', `@${name}`);
          return values.length ? combine(values.map((v) => this.valueOf(v))) : UNKNOWN;
        }
      }
      return this.ctx.project?.isClientFactory(name) ? rb('client') : UNKNOWN;
    }, UNKNOWN);
  }

  // ---- scopes ----------------------------------------------------------------------------------

  private enclosing(n: Node, types: string[]): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (types.includes(this.ctx.typeOf(chain[i]!))) return chain[i];
    return undefined;
  }

  /** Values assigned to local `name` in the scopes around `at` (blocks see their method's locals). */
  private localValues(name: string, at: Node): Node[] {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i]!;
      if (!SCOPE_TYPES.has(this.ctx.typeOf(s))) continue;
      const values = this.localsOf(s).get(name);
      if (values) return values;
      if (['method', 'singleton_method', 'class', 'module'].includes(this.ctx.typeOf(s))) break;
    }
    return [];
  }

  private localsOf(scope: Node): Map<string, Node[]> {
    return this.ctx.memo('rb.locals', scope.id, () => {
      const out = new Map<string, Node[]>();
      const visit = (node: Node, depth: number) => {
        if (depth > 30) return;
        for (const k of namedKids(node)) {
          if (SCOPE_TYPES.has(k.type)) continue;
          if ((k.type === 'assignment' || k.type === 'operator_assignment') && this.ctx.field(k, 'left')?.type === 'identifier') {
            const name = this.ctx.text(this.ctx.field(k, 'left')!);
            const right = this.ctx.field(k, 'right');
            if (right) out.set(name, [...(out.get(name) ?? []), right]);
          }
          visit(k, depth + 1);
        }
      };
      visit(scope, 0);
      const params = this.ctx.field(scope, 'parameters');
      for (const p of params ? namedKids(params) : []) {
        const name = p.type === 'identifier' ? p : this.ctx.field(p, 'name');
        if (name && !out.has(this.ctx.text(name))) out.set(this.ctx.text(name), []);
      }
      return out;
    }, new Map<string, Node[]>());
  }

  /** Right-hand sides of `name = ...` / `name ||= ...` in `scope`, where `name` is a `leftType` token (`@redis`, `REDIS`, `$redis`). */
  private assignmentsIn(scope: Node, leftType: string, name: string): Node[] {
    return this.ctx.memo('rb.assigned', `${scope.id}:${leftType}:${name}`, () => {
      const out: Node[] = [];
      for (const left of this.ctx.spelled(wordOf(name), scope)) {
        if (left.type !== leftType) continue;
        const a = this.ctx.parentOf(left);
        const right = (a?.type === 'assignment' || a?.type === 'operator_assignment') && this.ctx.field(a, 'left')?.id === left.id ? this.ctx.field(a, 'right') : null;
        if (right) out.push(right);
      }
      return out;
    }, []);
  }

  private fileAssignments(leftType: string, name: string): Node[] {
    return this.assignmentsIn(this.ctx.root, leftType, name);
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'pair') {
        if (!ADDRESS_KEYS.has(symbolName(this.ctx, this.ctx.field(n, 'key')) ?? '')) return undefined;
      } else if (this.ctx.typeOf(n) === 'argument_list') {
        const call = chain[i - 1];
        if (call?.type !== 'call' || this.ctx.text(this.ctx.field(call, 'method')!) !== 'new') continue;
        const rv = this.valueOf(this.ctx.field(call, 'receiver')!);
        if (rv.t !== 'lib' || rv.what !== 'class') return undefined;
        const keys = namedKids(n).filter((p) => p.type === 'pair').map((p) => symbolName(this.ctx, this.ctx.field(p, 'key')));
        if (keys.includes('sentinels')) return undefined;
        return { node: call, range: rangeOf(call), lib: 'redis-rb', evidence: evidenceOf(this.ctx.text(hit)) };
      } else if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n) === 'assignment') return undefined;
    }
    return undefined;
  }

  canonicalKey(node: Node): string {
    if (node.type === 'identifier') {
      const values = this.localValues(this.ctx.text(node), node);
      if (values.length === 1 && values[0]!.type !== 'identifier') return this.ctx.text(values[0]!).replace(/\s+/g, '');
    }
    return this.ctx.text(node).replace(/\s+/g, '');
  }

}

/**
 * A call of a wrapper that passes more than the key and a value (`set(key, value, ttl)`) may reach
 * an optional TTL parameter: not reported.
 */
function passesMoreThanKeyAndValue(site: CallSite, d: OpDraft): boolean {
  const index = site.args.findIndex((a) => a.node.id === d.keys[0]?.id);
  return index >= 0 && (d.cls === 'string-write' || d.cls === 'counter') && site.args.filter((a) => !a.name).length > index + 2;
}

function symbolName(ctx: FileContext, key: Node | null): string | undefined {
  if (!key) return undefined;
  const text = ctx.text(key);
  if (key.type === 'hash_key_symbol') return text;
  if (key.type === 'simple_symbol') return text.slice(1);
  if (key.type === 'string') return text.slice(1, -1);
  return text;
}

function evidenceOf(text: string): string {
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}
