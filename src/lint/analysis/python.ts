import type { Node } from '@vscode/tree-sitter-wasm';
import { isAccessorName, isClientName, isGenericClientName, isRedisish } from '../clients/naming';
import { addressKeywords, clientMethodRole, memberValue, moduleValue, ttlKeywords } from '../clients/python';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import { combine } from './javascript';
import { redisOnlyReceivers, sentRedisCommands } from './evidence';
import { OTHER, UNKNOWN, type Arg, type CallSite, type ClientRef, type SentinelMisuse, type Ttl, type Value } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf, wordOf } from './tree';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, projectWrapperCalls, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type ClientExport, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);
const STRING_TYPES = new Set(['string', 'concatenated_string']);
/** Other functions read a function's returns and every assignment of the file (`global` singletons, `self.x = ...`). */
const LOCALITY: Locality = {
  bodies: new Set(['block']),
  containers: new Set(['module', 'block']),
  exported: { return_statement: 'value', assignment: 'target', augmented_assignment: 'target', global_statement: 'any', nonlocal_statement: 'any' },
  receivers: ['self', 'cls'],
  exportedFields: ['name', 'parameters'],
};
const COMPOUND = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'except_clause',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'block',
  'expression_statement',
  'match_statement',
  'case_clause',
]);
const LITERALS = new Set([
  'dictionary',
  'list',
  'set',
  'tuple',
  'string',
  'concatenated_string',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'lambda',
  'list_comprehension',
  'dictionary_comprehension',
  'set_comprehension',
  'generator_expression',
]);

/** The receiver written just before a `.`: `pipe`, `self.database` (`cls.x` as `self.x`). */
function pyReceiverAt(before: string): string | undefined {
  const m = /(?<![\w.])(\w+)(?:\s*\.\s*(\w+))?\s*$/.exec(before);
  if (!m) return undefined;
  if (m[2] === undefined) return m[1];
  return m[1] === 'self' || m[1] === 'cls' ? `self.${m[2]}` : undefined;
}

/** Builtin and collections containers (a test double's store is one). */
const CONTAINERS = new Set(['dict', 'defaultdict', 'OrderedDict', 'Counter', 'deque', 'set', 'list', 'frozenset']);
/** Pipeline methods that do not return the pipeline (every command queued on one does). */
const PIPELINE_ENDS = /^(?:execute|execute_command|reset|watch|unwatch|discard|immediate_execute_command|__\w+__)$/;
/** Class names of redis-py, valkey-py, coredis: a class deriving from one (through an alias) is a client. */
const CLIENT_CLASS_NAMES = new Set(['Redis', 'StrictRedis', 'Valkey', 'RedisCluster', 'ValkeyCluster']);
export const pythonCallWords = [...Object.keys(methodCommands), 'execute_command', 'custom_command', 'eval', 'register_script', 'script_load'];
/** A file that imports a Redis/Valkey client library: generic names (`client`, `conn`, `r`) are trusted. */
const DJANGO_CACHE_IMPORT = /^[ \t]*from[ \t]+django\.core\.cache[ \t]+import[ \t]+(?:\(?[\w, \t]*\b(?:cache|caches)\b)/m;
const REDIS_IMPORT = /^[ \t]*(?:import|from)[ \t]+(?:redis|valkey|aioredis|coredis|glide|glide_sync|django_redis|flask_redis|walrus|fakeredis)\b/m;
const REDIS_MODULE = /^(?:redis|valkey|aioredis|coredis|glide|glide_sync|django_redis|flask_redis|walrus|fakeredis)(?:\.|$)/;

type Decl =
  | { kind: 'var'; values: Node[]; types: Node[]; scope: Node }
  | { kind: 'import'; value: Value; from?: string }
  | { kind: 'param'; type: Node | null; value: Node | null; fn?: Node; index?: number }
  | { kind: 'function'; node: Node }
  | { kind: 'opaque' };

/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords([
  ...Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
  'execute_command',
]);

const TTL_WORDS = wrapperWords(['expire', 'pexpire', 'expireat', 'pexpireat']);

export function createPythonAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new PythonAdapter(ctx);
}

class PythonAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly counterOnCreatedKeyKeepsTtl = true;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'identifier') return undefined;
    const parent = this.ctx.parentOf(token);
    let call: Node | null;
    let receiver: Node | null = null;
    if (parent?.type === 'attribute' && this.ctx.field(parent, 'attribute')?.id === token.id) {
      call = this.ctx.parentOf(parent);
      if (call?.type !== 'call' || this.ctx.field(call, 'function')?.id !== parent.id) return undefined;
      receiver = this.ctx.field(parent, 'object');
    } else if (parent?.type === 'call' && this.ctx.field(parent, 'function')?.id === token.id) call = parent;
    else return undefined;
    const argsNode = this.ctx.field(call, 'arguments');
    const ctx = this.ctx;
    let args: Arg[] | undefined;
    return {
      call,
      nameNode: token,
      name: ctx.text(token),
      receiver,
      argsNode,
      get args(): Arg[] {
        if (args) return args;
        args = [];
        if (argsNode?.type === 'argument_list') {
          for (const a of namedKids(argsNode)) {
            if (a.type === 'keyword_argument') args.push({ node: ctx.field(a, 'value') ?? a, name: ctx.text(ctx.field(a, 'name')!) });
            else if (a.type === 'list_splat' || a.type === 'dictionary_splat') args.push({ node: a, spread: true });
            else args.push({ node: a });
          }
        }
        return args;
      },
    };
  }

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.receiver && this.clientOf(site.receiver)) return [];
    return wrapperCallOps(this, WRAPPER_WORDS, site);
  }

  extraCallWords(): string[] {
    return wrapperCallWords(this, WRAPPER_WORDS, TTL_WORDS);
  }

  ttlHelperNames(): readonly string[] {
    return localTtlHelpers(this, TTL_WORDS);
  }

  // ---- wrappers (see wrappers.ts) ----------------------------------------------------------------

  paramOf(key: Node): { fn: Node; index: number } | undefined {
    const decl = this.lookup(this.ctx.text(key), key);
    if (decl?.kind !== 'param' || !decl.fn || decl.index === undefined || decl.fn.type !== 'function_definition') return undefined;
    const skip = this.isMethod(decl.fn) ? 1 : 0;
    return decl.index >= skip && this.describe(decl.fn) ? { fn: decl.fn, index: decl.index - skip } : undefined;
  }

  private isMethod(fn: Node): boolean {
    const parent = this.ctx.parentOf(fn);
    const holder = parent?.type === 'decorated_definition' ? this.ctx.parentOf(parent) : parent;
    const cls = holder?.type === 'block' ? this.ctx.parentOf(holder) : null;
    if (cls?.type !== 'class_definition') return false;
    return parent?.type !== 'decorated_definition' || !/@staticmethod\b/.test(this.ctx.text(parent));
  }

  describe(fn: Node): FunctionInfo | undefined {
    if (fn.type !== 'function_definition') return undefined;
    const name = this.ctx.text(this.ctx.field(fn, 'name')!);
    if (name.startsWith('__')) return undefined;
    const params = this.ctx.field(fn, 'parameters');
    const names = (params ? namedKids(params) : []).map((p) => this.ctx.text(p.type === 'identifier' ? p : (this.ctx.field(p, 'name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? p)));
    if (!this.isMethod(fn)) return { name, params: names };
    const cls = this.classOf(fn);
    const owner = cls ? this.ctx.text(this.ctx.field(cls, 'name')!) : undefined;
    return owner ? { name, owner, params: names.slice(1) } : undefined;
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    const decl = this.lookup(site.name, site.nameNode);
    return decl?.kind === 'function' && decl.node.id === fn.id;
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (r.type === 'identifier' && ['self', 'cls'].includes(this.ctx.text(r))) {
      const cls = this.classOf(r);
      return cls ? this.ctx.text(this.ctx.field(cls, 'name')!) : undefined;
    }
    if (r.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(r), r);
      if (decl?.kind === 'param' && decl.type) {
        const t = decl.type.namedChild(0) ?? decl.type;
        if (t.type === 'identifier') return this.ctx.text(t);
      }
      if (decl?.kind === 'var' && decl.values.length === 1 && decl.values[0]!.type === 'call') {
        const f = this.ctx.field(decl.values[0]!, 'function');
        const fd = f?.type === 'identifier' ? this.lookup(this.ctx.text(f), f) : undefined;
        if (f && fd?.kind === 'opaque' && /^[A-Z]/.test(this.ctx.text(f))) return this.ctx.text(f);
      }
    }
    const v = this.valueOf(r);
    return v.t === 'unknown' ? undefined : null;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  /**
   * `cache.keys(pattern)` on Django's cache: the cache API has no `keys()`, only django-redis (and
   * django-redis-cache) add it, and it sends KEYS (`iter_keys` is its SCAN form).
   */
  private djangoCacheKeys(site: CallSite): OpDraft | undefined {
    if (normalizeMethod(site.name) !== 'keys' || !DJANGO_CACHE_IMPORT.test(this.ctx.source)) return undefined;
    const receiver = this.ctx.text(site.receiver!);
    if (!/^(?:cache|caches\[[^\]]+\])$/.test(receiver)) return undefined;
    const key = site.args.find((a) => !a.name || a.name === 'search')?.node;
    return {
      node: site.call,
      range: rangeOf(site.call),
      offset: site.nameNode.startIndex,
      client: { lib: 'unknown', role: 'client', strength: 'strong' },
      site,
      command: 'KEYS',
      cls: 'keys',
      keys: key ? [key] : [],
      ttl: 'unknown',
      via: 'method',
    };
  }

  clientOps(site: CallSite): OpDraft[] {
    if (!site.receiver) return [];
    const django = this.djangoCacheKeys(site);
    if (django) return [django];
    const name = normalizeMethod(site.name);
    const client = this.clientOf(site.receiver) ?? this.luaReceiver(site, name);
    if (!client) return [];
    const range = site.receiver?.type === 'call' ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call);
    const base = { node: site.call, range, offset: site.nameNode.startIndex, client, site };
    if (name === 'executecommand' || name === 'customcommand') {
      const positional = site.args.filter((a) => !a.name);
      const items = name === 'customcommand' && positional[0]?.node.type === 'list' ? namedKids(positional[0].node).map((node) => ({ node })) : positional;
      const tokens: Token[] = items.map((a) => ({ node: a.node, ...literalOf(this.ctx, a.node) }));
      if (site.args.some((a) => a.spread)) tokens.push({ node: site.call });
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (name === 'eval' || name === 'registerscript' || name === 'scriptload') {
      const script = site.args.find((a) => !a.name || a.name === 'script')?.node;
      return scriptOps(this.ctx, this.scriptLiterals(script), client);
    }
    const info = methodCommands[name];
    if (!info) return [];
    const first = site.args.find((a) => !a.name && !a.spread) ?? site.args.find((a) => a.name === 'name');
    const keys = info.keyValuePairs ? this.msetKeys(site) : first ? [first.node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info) : info.alwaysTtl ? 'yes' : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  private msetKeys(site: CallSite): Node[] {
    const mapping = site.args[0]?.node;
    if (mapping?.type !== 'dictionary') return [];
    return namedKids(mapping)
      .filter((p) => p.type === 'pair')
      .map((p) => this.ctx.field(p, 'key'))
      .filter((k): k is Node => k !== null);
  }

  /** redis-py `set(name, value, ex=None, px=None, nx=False, xx=False, keepttl=False, get=False, exat=None, pxat=None)`. */
  private setTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.alwaysTtl) return 'yes';
    if (info.command !== 'SET') return 'no';
    if (site.args.some((a) => a.spread)) return 'unknown';
    const positional = site.args.filter((a) => !a.name);
    const ttlArgs = [...positional.slice(2, 4), ...site.args.filter((a) => a.name && ttlKeywords.has(a.name))];
    const given = ttlArgs.filter((a) => !['none', 'false'].includes(a.node.type));
    // `ex=timeout` where `timeout=None` is a parameter: whether there is an expiry is up to the caller.
    if (given.length > 0 && given.every((a) => this.optionalParam(a.node))) return 'unknown';
    if (given.length > 0) return 'yes';
    return 'no';
  }

  /** A parameter without a default or with `None` for one. */
  private optionalParam(n: Node): boolean {
    if (n.type !== 'identifier') return false;
    const decl = this.lookup(this.ctx.text(n), n);
    return decl?.kind === 'param' && (decl.value === null || decl.value.type === 'none');
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    if (STRING_TYPES.has(node.type)) return [node];
    if (node.type === 'binary_operator') {
      return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
    }
    if (node.type === 'parenthesized_expression') return this.scriptLiterals(node.namedChild(0) ?? undefined, depth + 1);
    if (node.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(node), node);
      return decl?.kind === 'var' ? decl.values.flatMap((v) => this.scriptLiterals(v, depth + 1)) : [];
    }
    if (node.type === 'attribute' && this.ctx.field(node, 'object')?.type === 'identifier') {
      const obj = this.ctx.field(node, 'object')!;
      if (['self', 'cls'].includes(this.ctx.text(obj))) return this.fieldNodes(node, this.ctx.text(this.ctx.field(node, 'attribute')!)).flatMap((v) => this.scriptLiterals(v, depth + 1));
    }
    return [];
  }

  // ---- receivers -------------------------------------------------------------------------------

  private clientOf(receiver: Node): ClientRef | undefined {
    const v = this.valueOf(receiver);
    if (v.t === 'client') return v.ref;
    if (v.t === 'unknown' && (this.hint(receiver) || this.usedLikeClient(receiver))) return { lib: 'unknown', role: 'client', strength: 'weak' };
    return undefined;
  }

  /** `connection.eval(script, ...)` on a receiver the engine cannot trace: a script that calls `redis.call(...)` says it is a Redis client. */
  private luaReceiver(site: CallSite, name: string): ClientRef | undefined {
    if (name !== 'eval' && name !== 'registerscript' && name !== 'scriptload') return undefined;
    if (this.valueOf(site.receiver!).t !== 'unknown') return undefined;
    const script = site.args.find((a) => !a.name || a.name === 'script')?.node;
    return this.scriptLiterals(script).some((l) => /\bredis\.p?call\s*\(/.test(this.ctx.text(l))) ? { lib: 'unknown', role: 'client', strength: 'weak' } : undefined;
  }

  /**
   * The same receiver (`self.database`, `pipe`, a parameter) is sent at least two different commands
   * no dict, cache or ORM has (`zadd`, `hgetall`, `lrange`, `setex`, `pexpire`...) in its scope
   * (`self.x`: its class; a name: its function): a client the engine could not trace.
   */
  private usedLikeClient(n: Node): boolean {
    let pattern: string;
    let scope: Node | undefined;
    const chain = this.ctx.ancestors(n);
    const nearest = (types: string[]) => {
      for (let i = chain.length - 1; i >= 0; i--) if (types.includes(this.ctx.typeOf(chain[i]!))) return chain[i];
      return undefined;
    };
    if (n.type === 'identifier') {
      pattern = this.ctx.text(n);
      // A generic name (`client`, the pytest fixture of every test) is looked for in its class or module.
      scope = isGenericClientName(pattern) ? (nearest(['class_definition']) ?? this.ctx.root) : nearest(['function_definition', 'lambda']);
    } else if (n.type === 'attribute') {
      const obj = this.ctx.field(n, 'object');
      const attr = this.ctx.field(n, 'attribute');
      if (obj?.type !== 'identifier' || !attr || !['self', 'cls'].includes(this.ctx.text(obj))) return false;
      pattern = `self.${this.ctx.text(attr)}`;
      scope = nearest(['class_definition']);
    } else return false;
    return sentRedisCommands(redisOnlyReceivers(this.ctx, scope ?? this.ctx.root, 'py', pyReceiverAt), pattern);
  }

  private redisImported(): boolean {
    // On the tree, not the text: an import in a comment or a docstring does not count.
    return this.ctx.memo('py.redisImported', 0, () => {
      if (this.ctx.namedAfterRedis()) return true;
      if (!REDIS_IMPORT.test(this.ctx.source)) return false;
      for (const kw of this.ctx.spelled(/\b(?:import|from)\b/g)) {
        const st = this.ctx.parentOf(kw);
        if (st?.type === 'import_statement') {
          if (namedKids(st).some((n) => REDIS_MODULE.test(this.ctx.text(n.type === 'aliased_import' ? this.ctx.field(n, 'name')! : n)))) return true;
        } else if (st?.type === 'import_from_statement') {
          const m = this.ctx.field(st, 'module_name');
          if (m && REDIS_MODULE.test(this.ctx.text(m))) return true;
        }
      }
      return false;
    }, false);
  }

  /**
   * Whether an expression the engine cannot trace is, by its name and where it comes from, a client:
   * a client name (`redis_client`, `get_redis_connection()`), an accessor of a Redis holder
   * (`self.redis_service.client`), a variable or attribute set from one (`conn = get_redis()`,
   * `self.client = client`), a name the project index knows, or a generic name (`r`, `conn`,
   * `client`) in a file that imports a client library.
   */
  private hint(n: Node): boolean {
    return this.ctx.memo('py.hint', n.id, () => this.computeHint(n), false);
  }

  private computeHint(n: Node): boolean {
    this.ctx.deadline.tick();
    const project = this.ctx.project;
    switch (n.type) {
      case 'await':
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.hint(n.namedChild(0)!) : false;
      case 'identifier': {
        const name = this.ctx.text(n);
        if (isClientName(name)) return true;
        const decl = this.lookup(name, n);
        if (!decl && project?.isClientValue(name)) return true;
        if (isGenericClientName(name) && this.redisImported() && (!decl || (decl.kind === 'param' && !decl.type) || decl.kind === 'import' || (decl.kind === 'var' && decl.values.length === 0 && decl.types.length === 0))) return true;
        if (!decl) return false;
        if (decl.kind === 'import') return project?.isClientValue(name) === true || (decl.from !== undefined && isRedisish(decl.from) && (isGenericClientName(name) || isAccessorName(name)));
        if (decl.kind === 'param') return (decl.type !== null && this.typeHint(decl.type)) || (decl.value !== null && decl.value.type !== 'none' && this.hint(decl.value));
        if (decl.kind === 'var') return decl.types.some((t) => this.typeHint(t)) || decl.values.some((v) => v.type !== 'none' && this.valueOf(v).t === 'unknown' && this.hint(v));
        return false;
      }
      case 'attribute': {
        const obj = this.ctx.field(n, 'object');
        const attr = this.ctx.text(this.ctx.field(n, 'attribute')!);
        if (!obj) return false;
        if (isClientName(attr)) return true;
        const onSelf = obj.type === 'identifier' && ['self', 'cls'].includes(this.ctx.text(obj));
        if (onSelf && (project?.isClientValue(attr) || this.fieldHint(n, attr))) return true;
        if (isAccessorName(attr) || isGenericClientName(attr)) return this.redisImported() || isRedisish(this.ctx.text(obj)) || (!onSelf && this.hint(obj));
        return false;
      }
      case 'call': {
        const fn = this.ctx.field(n, 'function');
        if (!fn) return false;
        const name = fn.type === 'attribute' ? this.ctx.text(this.ctx.field(fn, 'attribute')!) : fn.type === 'identifier' ? this.ctx.text(fn) : undefined;
        if (name === undefined) return false;
        if (isClientName(name) || project?.isClientFactory(name)) return true;
        if (fn.type === 'attribute') {
          const obj = this.ctx.field(fn, 'object')!;
          // django-redis: the raw client behind the cache, `cache.client.get_client()`.
          if (/^get_(?:master_)?client$/.test(name) && obj.type === 'attribute' && this.ctx.text(this.ctx.field(obj, 'attribute')!) === 'client') return true;
          if (obj.type === 'identifier' && ['self', 'cls'].includes(this.ctx.text(obj))) {
            const m = this.classMethod(fn, name);
            if (m && this.returnHint(m)) return true;
          }
          return isAccessorName(name) && ((!/conn(?:ection)?$/i.test(name) && this.redisImported()) || isRedisish(this.ctx.text(obj)) || this.hint(obj));
        }
        const decl = this.lookup(name, fn);
        if (decl?.kind === 'function') return this.returnHint(decl.node);
        if (decl?.kind === 'import') return decl.from !== undefined && isRedisish(decl.from) && isAccessorName(name);
        return false;
      }
      default:
        return false;
    }
  }

  private returnHint(fn: Node): boolean {
    return this.ctx.memo('py.returnHint', fn.id, () => {
      const body = this.ctx.field(fn, 'body');
      if (!body) return false;
      if (fn.type === 'lambda') return this.valueOf(body).t === 'client' || this.hint(body);
      for (const ret of body.descendantsOfType('return_statement')) {
        if (!ret || this.innermostFunction(ret)?.id !== fn.id) continue;
        const expr = ret.namedChild(0);
        if (!expr) continue;
        const v = this.valueOf(expr);
        if (v.t === 'client' || (v.t === 'unknown' && this.hint(expr))) return true;
      }
      return false;
    }, false);
  }

  /** `self.<name>` assigned something client-like in the class (`self.client = client`, `self.r = get_redis()`). */
  private fieldHint(at: Node, name: string): boolean {
    const cls = this.classOf(at);
    if (!cls) return false;
    return this.ctx.memo('py.fieldHint', `${cls.id}:${name}`, () => this.fieldNodes(at, name).some((v) => v.type !== 'none' && this.valueOf(v).t === 'unknown' && this.hint(v)), false);
  }

  private typeHint(type: Node): boolean {
    if (this.typeValue(type).t !== 'unknown') return false;
    return type.descendantsOfType('identifier').some((id) => {
      if (!id) return false;
      const name = this.ctx.text(id);
      return isClientName(name) || /^(?:Redis|Valkey)(?:Client|Connection|Cluster)?$/.test(name) || this.ctx.project?.isClientClass(name) === true;
    });
  }

  /** What the project index says an imported name is. */
  private projectValue(name: string): Value {
    const project = this.ctx.project;
    if (!project) return UNKNOWN;
    if (project.isClientValue(name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'strong' } };
    if (project.isClientClass(name)) return { t: 'lib', lib: 'unknown', what: 'ctor' };
    if (project.isClientFactory(name)) return { t: 'lib', lib: 'unknown', what: 'factory' };
    return UNKNOWN;
  }

  // ---- project summary (see project/facts.ts) -----------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    const clientish = (n: Node): boolean => {
      const v = this.valueOf(n);
      return v.t === 'client' || (v.t === 'unknown' && this.hint(n));
    };
    const returnsClient = (fn: Node) => this.returnValue(fn).t === 'client' || this.returnHint(fn);
    const add = (c: ClientExport) => {
      if (!out.clients.some((x) => x.name === c.name && x.kind === c.kind && x.owner === c.owner)) out.clients.push(c);
    };
    const unwrap = (st: Node) => (st.type === 'decorated_definition' ? (this.ctx.field(st, 'definition') ?? st) : st);
    for (const raw of namedKids(this.ctx.root)) {
      this.ctx.deadline.tick();
      const st = unwrap(raw);
      if (st.type === 'import_statement' || st.type === 'import_from_statement') this.summarizeImport(st, out);
      else if (st.type === 'expression_statement') {
        const a = st.namedChild(0);
        const left = a?.type === 'assignment' ? this.ctx.field(a, 'left') : null;
        if (left?.type === 'identifier' && clientish(left)) add({ name: this.ctx.text(left), kind: 'value', line: st.startPosition.row });
        else if (left?.type === 'identifier') {
          // `redis_cache = RedisCache()`: importers of the instance call the class's wrappers on it.
          const right = this.ctx.field(a!, 'right');
          const ctor = right?.type === 'call' ? this.ctx.field(right, 'function') : null;
          if (ctor?.type === 'identifier') (out.instances ??= {})[this.ctx.text(left)] = this.ctx.text(ctor);
        }
      } else if (st.type === 'function_definition') {
        if (returnsClient(st)) add({ name: this.ctx.text(this.ctx.field(st, 'name')!), kind: 'factory', line: st.startPosition.row });
      } else if (st.type === 'class_definition') {
        const cls = this.ctx.text(this.ctx.field(st, 'name')!);
        const body = this.ctx.field(st, 'body');
        if (!body) continue;
        if (this.selfValue(body).t === 'client') add({ name: cls, kind: 'class', line: st.startPosition.row });
        for (const m of namedKids(body).map(unwrap)) {
          if (m.type !== 'function_definition') continue;
          const mname = this.ctx.text(this.ctx.field(m, 'name')!);
          if (!mname.startsWith('__') && returnsClient(m)) add({ name: mname, kind: /@property\b/.test(this.ctx.text(this.ctx.parentOf(m) ?? m).slice(0, 200)) ? 'field' : 'factory', owner: cls, line: m.startPosition.row });
        }
        for (const a of body.descendantsOfType('assignment')) {
          const left = a ? this.ctx.field(a, 'left') : null;
          const obj = left?.type === 'attribute' ? this.ctx.field(left, 'object') : null;
          if (!left || obj?.type !== 'identifier' || this.ctx.text(obj) !== 'self') continue;
          if (clientish(left)) add({ name: this.ctx.text(this.ctx.field(left, 'attribute')!), kind: 'field', owner: cls, line: a!.startPosition.row });
        }
      }
    }
    for (const w of localWrappers(this, WRAPPER_WORDS)) out.wrappers.push(exportOf(w));
    out.ttlHelpers = ttlHelpers(this, TTL_WORDS);
    const calls = projectWrapperCalls(this, WRAPPER_WORDS);
    if (calls.length) out.calls = calls;
    return out;
  }

  private summarizeImport(st: Node, out: FileSummary): void {
    if (st.type === 'import_statement') {
      for (const n of namedKids(st)) {
        if (n.type === 'dotted_name') {
          const dotted = this.ctx.text(n);
          out.imports.push({ from: dotted, names: { [dotted.split('.')[0]!]: '*' } });
        } else if (n.type === 'aliased_import') {
          out.imports.push({ from: this.ctx.text(this.ctx.field(n, 'name')!), names: { [this.ctx.text(this.ctx.field(n, 'alias')!)]: '*' } });
        }
      }
      return;
    }
    const moduleName = this.ctx.field(st, 'module_name');
    if (!moduleName) return;
    const names: Record<string, string> = {};
    for (const n of st.childrenForFieldName('name')) {
      if (!n) continue;
      const imported = n.type === 'aliased_import' ? this.ctx.field(n, 'name')! : n;
      const local = n.type === 'aliased_import' ? this.ctx.field(n, 'alias')! : n;
      names[this.ctx.text(local)] = this.ctx.text(imported);
    }
    if (namedKids(st).some((k) => k.type === 'wildcard_import')) names['*'] = '*';
    out.imports.push({ from: this.ctx.text(moduleName), names });
  }

  /** `self` in a class that extends a client class (`class Cache(redis.Redis)`). */
  private selfValue(n: Node): Value {
    const cls = this.classOf(n);
    if (!cls) return UNKNOWN;
    return this.ctx.memo('py.self', cls.id, () => {
      const bases = this.ctx.field(cls, 'superclasses');
      for (const b of bases ? namedKids(bases) : []) {
        if (b.type === 'keyword_argument') continue;
        const v = this.valueOf(b);
        if (v.t === 'lib' && (v.what === 'ctor' || v.what === 'glide-class')) return { t: 'client', ref: { lib: v.lib, role: 'client', strength: 'strong', async: v.async === true } };
        const name = b.type === 'attribute' ? this.ctx.text(this.ctx.field(b, 'attribute')!) : this.ctx.text(b);
        if (this.ctx.project?.isClientClass(name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'strong' } };
        // `BaseRedis = Redis` (under `if TYPE_CHECKING:`) ... `class ArqRedis(BaseRedis)`.
        const alias = new RegExp(`^[ \\t]*${name}\\s*=\\s*([\\w.]+)\\s*$`, 'm').exec(this.ctx.source)?.[1]?.split('.').pop();
        if (v.t === 'unknown' && CLIENT_CLASS_NAMES.has(alias ?? name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
      }
      return UNKNOWN;
    }, UNKNOWN);
  }

  private nameOf(n: Node): string | undefined {
    if (n.type === 'identifier') return this.ctx.text(n);
    if (n.type === 'attribute') return this.ctx.text(this.ctx.field(n, 'attribute')!);
    if (n.type === 'call' && this.ctx.field(n, 'arguments')?.namedChildCount === 0) {
      const fn = this.ctx.field(n, 'function');
      return fn ? this.nameOf(fn) : undefined;
    }
    return undefined;
  }

  private valueOf(n: Node): Value {
    return this.ctx.memo('py.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): Value {
    this.ctx.deadline.tick();
    if (LITERALS.has(n.type)) return OTHER;
    switch (n.type) {
      case 'identifier': {
        const decl = this.lookup(this.ctx.text(n), n);
        if (this.ctx.text(n) === 'self' && decl?.kind === 'param') {
          const sv = this.selfValue(n);
          if (sv.t === 'client') return sv;
        }
        return decl ? this.declValue(decl, this.ctx.text(n)) : UNKNOWN;
      }
      case 'attribute': {
        const obj = this.ctx.field(n, 'object');
        const attr = this.ctx.text(this.ctx.field(n, 'attribute')!);
        if (!obj) return UNKNOWN;
        if (obj.type === 'identifier' && ['self', 'cls'].includes(this.ctx.text(obj))) return this.fieldValue(n, attr);
        const ov = this.valueOf(obj);
        if (ov.t === 'lib') return memberValue(ov, attr);
        if (ov.t === 'client') return OTHER;
        return UNKNOWN;
      }
      case 'call':
        return this.callValue(n);
      case 'await':
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0)!) : UNKNOWN;
      case 'boolean_operator':
        return combine([this.valueOf(this.ctx.field(n, 'left')!), this.valueOf(this.ctx.field(n, 'right')!)]);
      case 'conditional_expression':
        return combine(namedKids(n).filter((_, i) => i !== 1).map((k) => this.valueOf(k)));
      default:
        return UNKNOWN;
    }
  }

  private callValue(n: Node): Value {
    const fn = this.ctx.field(n, 'function');
    if (!fn) return UNKNOWN;
    const fv = this.valueOf(fn);
    if (fv.t === 'lib') {
      if (fv.what === 'ctor' || fv.what === 'factory') return { t: 'client', ref: { lib: fv.lib, role: 'client', strength: 'strong', async: fv.async === true } };
      if (fv.what === 'sentinel-class') return { t: 'lib', lib: 'redis-py', what: 'sentinel', async: fv.async === true };
      return OTHER;
    }
    if (fn.type === 'attribute') {
      const obj = this.ctx.field(fn, 'object')!;
      const method = this.ctx.text(this.ctx.field(fn, 'attribute')!);
      const ov = this.valueOf(obj);
      if (ov.t === 'lib' && ov.what === 'sentinel' && (method === 'master_for' || method === 'slave_for')) {
        return { t: 'client', ref: { lib: 'redis-py', role: 'client', strength: 'strong', async: ov.async === true } };
      }
      if (ov.t === 'client') {
        const role = clientMethodRole(method);
        if (role) return { t: 'client', ref: { ...ov.ref, role } };
        // Commands queued on a pipeline return it: `r.pipeline().set(k, v).incr(n).execute()`.
        if (ov.ref.role === 'pipeline' && !PIPELINE_ENDS.test(method)) return ov;
        return OTHER;
      }
      if (obj.type === 'identifier' && ['self', 'cls'].includes(this.ctx.text(obj))) {
        const method2 = this.classMethod(fn, method);
        return method2 ? this.returnValue(method2) : UNKNOWN;
      }
      if (ov.t === 'unknown' && clientMethodRole(method) && this.hint(obj)) {
        return { t: 'client', ref: { lib: 'unknown', role: clientMethodRole(method)!, strength: 'weak' } };
      }
      return UNKNOWN;
    }
    if (fn.type === 'identifier') {
      // `self.redis = defaultdict(dict)` in a mock: an in-process container.
      if (CONTAINERS.has(this.ctx.text(fn))) return OTHER;
      const decl = this.lookup(this.ctx.text(fn), fn);
      if (decl?.kind === 'function') return this.returnValue(decl.node);
    }
    return UNKNOWN;
  }

  private returnValue(fn: Node): Value {
    return this.ctx.memo('py.return', fn.id, () => {
      const body = this.ctx.field(fn, 'body');
      if (!body) return UNKNOWN;
      if (fn.type === 'lambda') return this.valueOf(body);
      const values: Value[] = [];
      for (const ret of body.descendantsOfType('return_statement')) {
        if (!ret || this.innermostFunction(ret)?.id !== fn.id) continue;
        const expr = ret.namedChild(0);
        if (expr) values.push(this.valueOf(expr));
      }
      return values.length ? combine(values) : OTHER;
    }, UNKNOWN);
  }

  private innermostFunction(n: Node): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (FUNCTION_TYPES.has(this.ctx.typeOf(chain[i]!))) return chain[i];
    return undefined;
  }

  private declValue(decl: Decl, name: string): Value {
    switch (decl.kind) {
      case 'import':
        return decl.value.t === 'unknown' ? this.projectValue(name) : decl.value;
      case 'function':
        return OTHER;
      case 'opaque':
        return UNKNOWN;
      case 'param': {
        if (decl.type) {
          const tv = this.typeValue(decl.type);
          if (tv.t !== 'unknown') return tv;
        }
        return decl.value && decl.value.type !== 'none' ? this.valueOf(decl.value) : UNKNOWN;
      }
      case 'var': {
        const values = [...decl.types.map((t) => this.typeValue(t)), ...decl.values.filter((v) => v.type !== 'none').map((v) => this.valueOf(v))];
        if (decl.scope.type === 'module' && !values.some((v) => v.t === 'client')) {
          values.push(...this.globalAssignments(name));
        }
        return values.length ? combine(values) : UNKNOWN;
      }
    }
  }

  /** `global r` + `r = redis.Redis()` inside a function (lazy module-level singleton). */
  private globalAssignments(name: string): Value[] {
    const rights = this.ctx.memo('py.assignedTo', name, () => {
      const out: (Node | null)[] = [];
      for (const id of this.ctx.spelled(wordOf(name))) {
        const a = this.ctx.parentOf(id);
        if (a?.type !== 'assignment' || this.ctx.field(a, 'left')?.id !== id.id) continue;
        const right = this.ctx.field(a, 'right');
        if (right?.type !== 'none') out.push(right);
      }
      return out;
    }, []);
    return rights.map((right) => (right ? this.valueOf(right) : UNKNOWN));
  }

  /** `redis.Redis`, `Redis`, `Optional[Redis]`, `Redis | None`, `"Redis"`. */
  private typeValue(type: Node, depth = 0): Value {
    if (depth > 6) return UNKNOWN;
    switch (type.type) {
      case 'type':
        return type.namedChild(0) ? this.typeValue(type.namedChild(0)!, depth + 1) : UNKNOWN;
      case 'identifier':
      case 'attribute': {
        const v = this.valueOf(type);
        if (v.t === 'lib' && (v.what === 'ctor' || v.what === 'glide-class')) return { t: 'client', ref: { lib: v.lib, role: 'client', strength: 'strong', async: v.async === true } };
        if (v.t === 'lib' && v.what === 'pipeline-type') return { t: 'client', ref: { lib: 'redis-py', role: 'pipeline', strength: 'strong', async: v.async === true } };
        return v.t === 'unknown' ? UNKNOWN : OTHER;
      }
      case 'generic_type':
      case 'subscript': {
        const parts = type.descendantsOfType(['identifier', 'attribute']).filter((p): p is Node => p !== null && this.ctx.parentOf(p)?.type !== 'attribute');
        const values = parts.map((p) => this.typeValue(p, depth + 1));
        return values.find((v) => v.t === 'client') ?? UNKNOWN;
      }
      case 'binary_operator':
        return combine([this.typeValue(this.ctx.field(type, 'left')!, depth + 1), this.typeValue(this.ctx.field(type, 'right')!, depth + 1)]);
      case 'none':
        return OTHER;
      default:
        return UNKNOWN;
    }
  }

  // ---- scopes ----------------------------------------------------------------------------------

  private lookup(name: string, at: Node): Decl | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i]!;
      if (this.ctx.typeOf(s) !== 'module' && !FUNCTION_TYPES.has(this.ctx.typeOf(s))) continue;
      const d = this.declsOf(s).get(name);
      if (d) return d;
    }
    return undefined;
  }

  private declsOf(scope: Node): Map<string, Decl> {
    return this.ctx.memo('py.decls', scope.id, () => this.collectDecls(scope), new Map<string, Decl>());
  }

  private collectDecls(scope: Node): Map<string, Decl> {
    const decls = new Map<string, Decl>();
    const globals = new Set<string>();
    const varDecl = (name: string): Extract<Decl, { kind: 'var' }> | undefined => {
      const existing = decls.get(name);
      if (existing?.kind === 'var') return existing;
      if (existing) return undefined;
      const d: Decl = { kind: 'var', values: [], types: [], scope };
      decls.set(name, d);
      return d;
    };
    const add = (name: string, d: Decl) => {
      if (!decls.has(name)) decls.set(name, d);
    };
    if (FUNCTION_TYPES.has(scope.type)) {
      const params = this.ctx.field(scope, 'parameters');
      for (const [index, p] of (params ? namedKids(params) : []).entries()) {
        const at = { fn: scope, index };
        if (p.type === 'identifier') add(this.ctx.text(p), { kind: 'param', type: null, value: null, ...at });
        else if (p.type === 'typed_parameter') {
          const id = p.namedChildren.find((c) => c?.type === 'identifier');
          if (id) add(this.ctx.text(id), { kind: 'param', type: this.ctx.field(p, 'type'), value: null, ...at });
        } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
          const id = this.ctx.field(p, 'name');
          if (id) add(this.ctx.text(id), { kind: 'param', type: this.ctx.field(p, 'type'), value: this.ctx.field(p, 'value'), ...at });
        } else {
          for (const id of p.descendantsOfType('identifier')) if (id) add(this.ctx.text(id), { kind: 'opaque' });
        }
      }
    }
    const body = FUNCTION_TYPES.has(scope.type) ? this.ctx.field(scope, 'body') : scope;
    const visit = (node: Node, depth: number) => {
      if (depth > 40) return;
      for (const st of namedKids(node)) {
        switch (st.type) {
          case 'assignment': {
            const left = this.ctx.field(st, 'left');
            const right = this.ctx.field(st, 'right');
            const type = this.ctx.field(st, 'type');
            if (left?.type === 'identifier') {
              const name = this.ctx.text(left);
              if (globals.has(name)) break;
              const d = varDecl(name);
              if (d && right) d.values.push(right.type === 'assignment' ? this.ctx.field(right, 'right') ?? right : right);
              if (d && type) d.types.push(type);
            } else if (left) for (const id of left.descendantsOfType('identifier')) if (id) add(this.ctx.text(id), { kind: 'opaque' });
            break;
          }
          case 'global_statement':
            for (const id of namedKids(st)) globals.add(this.ctx.text(id));
            break;
          case 'import_statement':
          case 'import_from_statement':
            this.addImport(st, add);
            break;
          case 'function_definition': {
            const name = this.ctx.field(st, 'name');
            if (name) add(this.ctx.text(name), { kind: 'function', node: st });
            break;
          }
          case 'decorated_definition': {
            const def = this.ctx.field(st, 'definition');
            const name = def?.childForFieldName('name');
            if (def && name) add(this.ctx.text(name), def.type === 'function_definition' ? { kind: 'function', node: def } : { kind: 'opaque' });
            break;
          }
          case 'class_definition': {
            const name = this.ctx.field(st, 'name');
            if (name) add(this.ctx.text(name), { kind: 'opaque' });
            break;
          }
          case 'with_item': {
            const value = this.ctx.field(st, 'value');
            if (value?.type === 'as_pattern') {
              const target = this.ctx.field(value, 'alias');
              const id = target?.namedChild(0);
              const expr = value.namedChild(0);
              if (id?.type === 'identifier' && expr) varDecl(this.ctx.text(id))?.values.push(expr);
            }
            break;
          }
          case 'for_statement': {
            const left = this.ctx.field(st, 'left');
            for (const id of left ? left.descendantsOfType('identifier') : []) if (id) add(this.ctx.text(id), { kind: 'opaque' });
            visit(st, depth + 1);
            break;
          }
          default:
            if (COMPOUND.has(st.type) || st.type === 'with_clause') visit(st, depth + 1);
        }
      }
    };
    if (body) visit(body, 0);
    return decls;
  }

  private addImport(st: Node, add: (name: string, d: Decl) => void): void {
    if (st.type === 'import_statement') {
      for (const n of namedKids(st)) {
        if (n.type === 'dotted_name') {
          const dotted = this.ctx.text(n);
          const first = dotted.split('.')[0]!;
          add(first, { kind: 'import', value: moduleValue(first) ?? UNKNOWN });
        } else if (n.type === 'aliased_import') {
          const dotted = this.ctx.text(this.ctx.field(n, 'name')!);
          add(this.ctx.text(this.ctx.field(n, 'alias')!), { kind: 'import', value: moduleValue(dotted) ?? UNKNOWN });
        }
      }
      return;
    }
    const moduleName = this.ctx.field(st, 'module_name');
    const mod = moduleName ? moduleValue(this.ctx.text(moduleName)) : undefined;
    for (const n of st.childrenForFieldName('name')) {
      if (!n) continue;
      const imported = n.type === 'aliased_import' ? this.ctx.field(n, 'name')! : n;
      const local = n.type === 'aliased_import' ? this.ctx.field(n, 'alias')! : n;
      const importedName = this.ctx.text(imported);
      add(this.ctx.text(local), { kind: 'import', value: mod ? memberValue(mod, importedName) : UNKNOWN, ...(moduleName ? { from: this.ctx.text(moduleName) } : {}) });
    }
  }

  // ---- classes ---------------------------------------------------------------------------------

  private classOf(n: Node): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (this.ctx.typeOf(chain[i]!) === 'class_definition') return chain[i];
    return undefined;
  }

  private classMethod(at: Node, name: string): Node | undefined {
    const cls = this.classOf(at);
    const body = cls?.childForFieldName('body');
    if (!body) return undefined;
    for (const st of namedKids(body)) {
      const def = st.type === 'decorated_definition' ? this.ctx.field(st, 'definition') : st;
      if (def?.type === 'function_definition' && this.ctx.text(this.ctx.field(def, 'name')!) === name) return def;
    }
    return undefined;
  }

  /** Expressions assigned to `self.<name>` in the class, and the class attribute `<name>`. */
  private fieldNodes(at: Node, name: string): Node[] {
    const cls = this.classOf(at);
    if (!cls) return [];
    const body = this.ctx.field(cls, 'body');
    const out: Node[] = [];
    for (const id of this.ctx.spelled(wordOf(name), cls)) {
      const parent = this.ctx.parentOf(id);
      if (parent?.type === 'attribute' && this.ctx.field(parent, 'attribute')?.id === id.id) {
        const obj = this.ctx.field(parent, 'object');
        const a = this.ctx.parentOf(parent);
        const right = a?.type === 'assignment' && this.ctx.field(a, 'left')?.id === parent.id ? this.ctx.field(a, 'right') : null;
        if (right && obj && ['self', 'cls'].includes(this.ctx.text(obj))) out.push(right);
      } else if (parent?.type === 'assignment' && this.ctx.field(parent, 'left')?.id === id.id) {
        const right = this.ctx.field(parent, 'right');
        const grand = this.ctx.parentOf(parent);
        if (right && (grand ? this.ctx.parentOf(grand) : null)?.id === body?.id) out.push(right);
      }
    }
    return out;
  }

  private fieldValue(at: Node, name: string): Value {
    const cls = this.classOf(at);
    if (!cls) return UNKNOWN;
    return this.ctx.memo('py.field', `${cls.id}:${name}`, () => {
      const values = this.fieldNodes(at, name)
        .filter((n) => n.type !== 'none')
        .map((n) => this.valueOf(n));
      const body = this.ctx.field(cls, 'body');
      for (const st of body ? namedKids(body) : []) {
        const assign = st.type === 'expression_statement' ? st.namedChild(0) : null;
        if (assign?.type === 'assignment' && this.ctx.text(this.ctx.field(assign, 'left')!) === name && this.ctx.field(assign, 'type')) {
          values.push(this.typeValue(this.ctx.field(assign, 'type')!));
        }
      }
      const getter = this.classMethod(at, name);
      if (getter) values.push(this.returnValue(getter));
      return values.length ? combine(values) : UNKNOWN;
    }, UNKNOWN);
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'keyword_argument') {
        if (!addressKeywords.has(this.ctx.text(this.ctx.field(n, 'name')!))) return undefined;
      } else if (this.ctx.typeOf(n) === 'argument_list') {
        const call = chain[i - 1];
        if (call?.type !== 'call') return undefined;
        const fv = this.valueOf(this.ctx.field(call, 'function')!);
        if (fv.t !== 'lib' || (fv.what !== 'ctor' && fv.what !== 'factory')) return undefined;
        const args = namedKids(n);
        const explicitPort = args.find((a) => a.type === 'keyword_argument' && this.ctx.text(this.ctx.field(a, 'name')!) === 'port');
        if (!/26379/.test(this.ctx.text(hit)) && explicitPort && this.ctx.text(this.ctx.field(explicitPort, 'value')!) === '6379') return undefined;
        return { node: call, range: rangeOf(call), lib: 'redis-py', evidence: sentinelEvidence(this.ctx.text(hit)) };
      } else if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n).endsWith('statement') || this.ctx.typeOf(n) === 'assignment') return undefined;
    }
    return undefined;
  }

  canonicalKey(node: Node): string {
    if (node.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(node), node);
      if (decl?.kind === 'var' && decl.values.length === 1 && decl.values[0]!.type !== 'identifier') return compact(this.ctx.text(decl.values[0]!));
    }
    return compact(this.ctx.text(node));
  }

}

function literalOf(ctx: FileContext, n: Node): { literal?: string } {
  if (n.type === 'string' && !n.descendantsOfType('interpolation').some((x) => x)) {
    const content = namedKids(n).filter((k) => k.type === 'string_content');
    return { literal: content.map((c) => ctx.text(c)).join('') };
  }
  if (n.type === 'integer') return { literal: ctx.text(n) };
  return {};
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

export function sentinelEvidence(text: string): string {
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}
