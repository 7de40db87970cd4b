import type { Node } from '@vscode/tree-sitter-wasm';
import { isClientName, isGenericClientName } from '../clients/naming';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, setTtl, ttlTokens, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import { combine } from './javascript';
import { OTHER, UNKNOWN, type Arg, type CallSite, type ClientRef, type Lib, type SentinelMisuse, type Ttl, type Value } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf, wordOf } from './tree';
import { emptySummary, type FileSummary } from '../project/facts';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';

const FUNCTION_TYPES = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'anonymous_function_creation_expression', 'arrow_function']);
const STRING_TYPES = new Set(['string', 'encapsed_string', 'heredoc', 'nowdoc']);
/** Other code reads assignments (`$this->x = ...`), class members and constants found anywhere in a class or file, and `use` clauses. */
const LOCALITY: Locality = {
  bodies: new Set(['compound_statement']),
  containers: new Set(['program', 'declaration_list', 'compound_statement']),
  exported: {
    assignment_expression: 'target',
    reference_assignment_expression: 'target',
    augmented_assignment_expression: 'target',
    method_declaration: 'name',
    const_element: 'name',
    property_declaration: 'any',
    property_promotion_parameter: 'any',
    namespace_use_clause: 'any',
  },
  receivers: ['this'],
  exportedFields: ['name', 'parameters', 'return_type'],
};
const ADDRESS_KEYS = new Set(['host', 'port', 'scheme', 'path', 'url']);

/** Classes of phpredis, Predis and Laravel's Redis facade, by fully qualified name. */
const CLASSES: Record<string, { lib: Lib; what: 'client' | 'facade' | 'other' }> = {
  Redis: { lib: 'phpredis', what: 'client' },
  RedisCluster: { lib: 'phpredis', what: 'client' },
  'Predis\\Client': { lib: 'predis', what: 'client' },
  'Predis\\ClientInterface': { lib: 'predis', what: 'client' },
  'Illuminate\\Support\\Facades\\Redis': { lib: 'laravel', what: 'facade' },
  'Illuminate\\Redis\\Connections\\Connection': { lib: 'laravel', what: 'client' },
  'Illuminate\\Redis\\Connections\\PhpRedisConnection': { lib: 'laravel', what: 'client' },
  'Illuminate\\Redis\\Connections\\PredisConnection': { lib: 'laravel', what: 'client' },
};

export const phpCallWords = [...Object.keys(methodCommands), 'getKeys', 'rawCommand', 'executeRaw', 'executeCommand', 'eval', 'script', 'connect', 'pconnect', 'command'];
/** Calls whose closure argument receives a pipeline or transaction of the receiver (Predis, phpredis via Laravel). */
const CALLBACK_PIPELINES = new Set(['pipeline', 'transaction', 'multi', 'pipelined', 'multiexec']);
const MOCK_FACTORIES = new Set(['createmock', 'createstub', 'getmockbuilder', 'createpartialmock', 'getmock', 'getmockforabstractclass', 'prophesize', 'createconfiguredmock']);
/** Container look-ups of the client: `app('redis')`, `resolve('redis')`, `$container->get(\Redis::class)`, `make(Redis::class)`. */
const CONTAINER_CALLS = new Set(['app', 'resolve', 'make', 'get', 'service']);

/** Methods that send EXPIRE (a TTL helper sends one on its key parameter). */
const TTL_WORDS = /\b(?:expire|pexpire|expireat|pexpireat|setTimeout)\b/gi;
/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords(
  Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
);

export function createPhpAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new PhpAdapter(ctx);
}

class PhpAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'name') return undefined;
    const call = this.ctx.parentOf(token);
    if (!call || !['member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression'].includes(call.type)) return undefined;
    if (this.ctx.field(call, 'name')?.id !== token.id) return undefined;
    const receiver = this.ctx.field(call, call.type === 'scoped_call_expression' ? 'scope' : 'object');
    const argsNode = this.ctx.field(call, 'arguments');
    const args: Arg[] = [];
    for (const a of argsNode ? namedKids(argsNode) : []) {
      if (a.type === 'variadic_unpacking') {
        args.push({ node: a, spread: true });
        continue;
      }
      const name = this.ctx.field(a, 'name');
      const value = namedKids(a).filter((k) => k.id !== name?.id)[0] ?? a;
      if (value.type === 'variadic_unpacking') args.push({ node: value, spread: true });
      else args.push(name ? { node: value, name: this.ctx.text(name) } : { node: value });
    }
    return { call, nameNode: token, name: this.ctx.text(token), receiver, args, argsNode };
  }

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.call.type === 'scoped_call_expression' ? this.facadeClient(site.receiver!) : this.clientOf(site.receiver!)) return [];
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
    if (key.type !== 'variable_name') return undefined;
    const fn = this.functionOf(key);
    if (!fn || (fn.type !== 'method_declaration' && fn.type !== 'function_definition')) return undefined;
    const index = this.paramTypesOrNames(fn).indexOf(this.ctx.text(key));
    if (index < 0 || this.assignmentsIn(fn, this.ctx.text(key)).length > 0) return undefined;
    return { fn, index };
  }

  describe(fn: Node): FunctionInfo | undefined {
    if (fn.type !== 'method_declaration' && fn.type !== 'function_definition') return undefined;
    const name = this.ctx.text(this.ctx.field(fn, 'name')!);
    if (name.startsWith('__')) return undefined;
    const params = this.paramTypesOrNames(fn);
    const cls = fn.type === 'method_declaration' ? this.classOf(fn) : undefined;
    const owner = cls ? this.ctx.field(cls, 'name') : null;
    return owner ? { name, owner: this.ctx.text(owner), params } : { name, params };
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    return site.receiver === null && fn.type === 'function_definition' && this.ctx.text(this.ctx.field(fn, 'name')!) === site.name;
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (site.call.type === 'scoped_call_expression') {
      if (this.facadeClient(r)) return null;
      const text = this.ctx.text(r);
      if (text === 'self' || text === 'static') {
        const cls = this.classOf(r);
        return cls && this.ctx.field(cls, 'name') ? this.ctx.text(this.ctx.field(cls, 'name')!) : undefined;
      }
      return text.replace(/^.*\\/, '');
    }
    if (r.type === 'variable_name' && this.ctx.text(r) === '$this') {
      const cls = this.classOf(r);
      return cls && this.ctx.field(cls, 'name') ? this.ctx.text(this.ctx.field(cls, 'name')!) : undefined;
    }
    const v = this.valueOf(r);
    if (v.t === 'client') return null;
    // `$cache = new CacheService()`, `private CacheService $cache`, `CacheService $cache` parameters.
    const types: Node[] = [];
    if (r.type === 'variable_name') {
      for (const value of this.variableValues(r)) {
        const cls = value.type === 'object_creation_expression' ? namedKids(value).find((k) => k.type === 'name' || k.type === 'qualified_name') : undefined;
        if (cls) types.push(cls);
      }
      types.push(...this.paramTypes(r));
    } else if (r.type === 'member_access_expression' && this.ctx.text(this.ctx.field(r, 'object')!) === '$this') {
      const cls = this.classOf(r);
      const prop = `$${this.ctx.text(this.ctx.field(r, 'name')!)}`;
      for (const v2 of cls ? this.ctx.spelled(wordOf(prop), cls) : []) {
        const decl = this.ctx.parentOf(v2);
        const holder = decl?.type === 'property_element' ? this.ctx.parentOf(decl) : decl;
        const type = holder && (holder.type === 'property_declaration' || holder.type === 'property_promotion_parameter') ? this.ctx.field(holder, 'type') : null;
        if (type) types.push(type);
      }
    }
    const named = types.map((t) => (t.type === 'named_type' || t.type === 'optional_type' ? (t.descendantsOfType(['name', 'qualified_name'])[0] ?? t) : t)).filter((t) => t.type === 'name' || t.type === 'qualified_name');
    if (named.length > 0) return this.ctx.text(named[0]!).replace(/^.*\\/, '');
    return v.t === 'other' ? null : undefined;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  clientOps(site: CallSite): OpDraft[] {
    let client = site.call.type === 'scoped_call_expression' ? this.facadeClient(site.receiver!) : this.clientOf(site.receiver!);
    if (!client && site.call.type === 'member_call_expression' && this.speaksRedis(site)) client = { lib: 'unknown', role: 'client', strength: 'weak' };
    if (!client) return [];
    const name = normalizeMethod(site.name);
    const chained = site.receiver && (site.receiver.type.endsWith('call_expression') || site.receiver.startPosition.row !== site.nameNode.startPosition.row);
    const base = { node: site.call, range: chained ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call), offset: site.nameNode.startIndex, client, site };
    if (name === 'executecommand') {
      // yii2-redis `executeCommand('SET', [$key, $value, 'EX', 60])`.
      const [cmd, params] = [site.args[0]?.node, site.args[1]?.node];
      const items = [...(cmd ? [cmd] : []), ...(params?.type === 'array_creation_expression' ? namedKids(params).map((e) => e.namedChild(0) ?? e) : site.args.slice(1).map((a) => a.node))];
      const parsed = commandFromTokens(items.map((n) => ({ node: n, ...this.literalOf(n) })));
      return parsed ? [{ ...base, command: parsed.info.command, cls: parsed.info.cls, keys: parsed.keys, ttl: parsed.ttl, via: 'command' }] : [];
    }
    if (name === 'rawcommand' || name === 'executeraw' || name === 'command') {
      const first = site.args[0]?.node;
      const items = first?.type === 'array_creation_expression' ? namedKids(first).map((e) => e.namedChild(0) ?? e) : site.args.map((a) => a.node);
      const tokens: Token[] = items.map((n) => ({ node: n, ...this.literalOf(n) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (name === 'eval') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    if (name === 'script') return this.literalOf(site.args[0]?.node).literal?.toLowerCase() === 'load' ? scriptOps(this.ctx, this.scriptLiterals(site.args[1]?.node), client) : [];
    const info = name === 'getkeys' ? methodCommands.keys : methodCommands[name];
    if (!info) return [];
    const keys = info.keyValuePairs ? this.msetKeys(site) : site.args[0] && !site.args[0].spread ? [site.args[0].node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info) : info.alwaysTtl ? 'yes' : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /**
   * A call whose arguments say it talks to Redis, whatever the receiver: yii2-redis'
   * `$db->executeCommand('INCR', [...])` with the command in upper case, or `eval` of a Lua script
   * calling `redis.call(...)` (`$host->eval("local keys=redis.call('KEYS', ARGV[1]) ...")`).
   */
  private speaksRedis(site: CallSite): boolean {
    const name = normalizeMethod(site.name);
    if (name === 'executecommand') {
      const lit = this.literalOf(site.args[0]?.node).literal ?? '';
      return /^[A-Z]+$/.test(lit) && methodCommands[lit.toLowerCase()] !== undefined;
    }
    if (name === 'eval') return this.scriptLiterals(site.args[0]?.node).some((l) => /redis\.p?call\s*\(/.test(this.ctx.text(l)));
    return false;
  }

  private msetKeys(site: CallSite): Node[] {
    const arr = site.args[0]?.node;
    if (arr?.type !== 'array_creation_expression') return [];
    return namedKids(arr)
      .map((e) => (namedKids(e).length === 2 ? namedKids(e)[0]! : null))
      .filter((k): k is Node => k !== null);
  }

  /** phpredis `set($k, $v, 60)` / `set($k, $v, ['nx', 'ex' => 60])`; Predis `set($k, $v, 'EX', 60)`. */
  private setTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.alwaysTtl) return 'yes';
    if (info.command !== 'SET') return 'no';
    const rest = site.args.slice(2);
    if (rest.some((a) => a.spread)) return 'unknown';
    if (rest.length === 0) return 'no';
    const third = rest[0]!.node;
    if (third.type === 'integer' || third.type === 'float') return 'yes';
    if (third.type === 'null') return 'no';
    if (third.type === 'array_creation_expression') {
      for (const el of namedKids(third)) {
        const parts = namedKids(el);
        const key = parts.length === 2 ? parts[0]! : parts[0];
        const lit = key ? this.literalOf(key).literal : undefined;
        if (lit === undefined) return 'unknown';
        if (ttlTokens.has(lit.toUpperCase())) return 'yes';
      }
      return 'no';
    }
    const tokens: Token[] = rest.map((a) => ({ node: a.node, ...this.literalOf(a.node) }));
    return setTtl(info, tokens);
  }

  private literalOf(n: Node | undefined): { literal?: string } {
    if (!n) return {};
    if (n.type === 'string' || (n.type === 'encapsed_string' && !namedKids(n).some((k) => k.type !== 'string_content' && k.type !== 'string_value'))) {
      return { literal: namedKids(n).map((k) => this.ctx.text(k)).join('') };
    }
    if (n.type === 'integer') return { literal: this.ctx.text(n) };
    return {};
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    if (STRING_TYPES.has(node.type)) return [node];
    if (node.type === 'binary_expression') return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
    if (node.type === 'variable_name') return this.variableValues(node).flatMap((v) => this.scriptLiterals(v, depth + 1));
    if (node.type === 'class_constant_access_expression') {
      const name = node.lastNamedChild ? this.ctx.text(node.lastNamedChild) : '';
      return this.classConstants(name).flatMap((v) => this.scriptLiterals(v, depth + 1));
    }
    return [];
  }

  private classConstants(name: string): Node[] {
    const out: Node[] = [];
    for (const id of this.ctx.spelled(wordOf(name))) {
      const el = this.ctx.parentOf(id);
      const kids = el?.type === 'const_element' ? namedKids(el) : [];
      if (kids.length === 2 && kids[0]!.id === id.id) out.push(kids[1]!);
    }
    return out;
  }

  // ---- receivers -------------------------------------------------------------------------------

  private facadeClient(scope: Node): ClientRef | undefined {
    const cls = this.resolveClass(scope);
    const known = cls ? CLASSES[cls] : undefined;
    if (known?.what === 'facade' || (cls === 'Redis' && !this.namespaced())) return { lib: 'laravel', role: 'client', strength: 'strong' };
    // `Redis::set(...)` / `\Redis::keys(...)` in a namespaced file without its `use` (an excerpt, Laravel's global alias):
    // phpredis's Redis class has no static command methods, so this is Laravel's facade.
    const text = this.ctx.text(scope).replace(/\s+/g, '');
    if ((text === 'Redis' && !this.uses().has('Redis')) || text === '\\Redis') return { lib: 'laravel', role: 'client', strength: 'weak' };
    return undefined;
  }

  private clientOf(receiver: Node): ClientRef | undefined {
    const v = this.valueOf(receiver);
    if (v.t === 'client') return v.ref;
    if (v.t === 'unknown' && this.namedLikeClient(receiver)) return { lib: 'unknown', role: 'client', strength: 'weak' };
    // `$cache = $this->redis; $cache->keys('*')`: a variable holding a value named like a client.
    if (v.t === 'unknown' && receiver.type === 'variable_name' && this.variableValues(receiver).some((x) => this.namedLikeClient(x))) return { lib: 'unknown', role: 'client', strength: 'weak' };
    return undefined;
  }

  /** `$redis`, `$this->redis`, `$this->getRedis()`, and Laravel's `$this->connection()` of a Redis store. */
  private namedLikeClient(n: Node): boolean {
    if (isClientName(this.nameOf(n))) return true;
    if (n.type !== 'member_call_expression') return false;
    const obj = this.ctx.field(n, 'object');
    const args = this.ctx.field(n, 'arguments');
    return obj !== null && this.ctx.text(obj) === '$this' && this.ctx.text(this.ctx.field(n, 'name')!) === 'connection' && (!args || namedKids(args).length <= 1);
  }

  private nameOf(n: Node): string | undefined {
    if (n.type === 'variable_name') return this.ctx.text(n).replace(/^\$/, '');
    if (n.type === 'member_access_expression' || n.type === 'nullsafe_member_access_expression') return this.ctx.text(this.ctx.field(n, 'name')!);
    // `Resque::redis()`, `Cache::getRedis()`: a static accessor without arguments.
    if (n.type === 'scoped_call_expression') {
      const args = this.ctx.field(n, 'arguments');
      return args && namedKids(args).length > 0 ? undefined : this.ctx.text(this.ctx.field(n, 'name')!);
    }
    // `self::$redis`, `static::$_redis`
    if (n.type === 'scoped_property_access_expression') return this.ctx.text(this.ctx.field(n, 'name') ?? n).replace(/^\$/, '');
    if (n.type === 'member_call_expression') {
      const args = this.ctx.field(n, 'arguments');
      return args && namedKids(args).length > 0 ? undefined : this.ctx.text(this.ctx.field(n, 'name')!);
    }
    return undefined;
  }

  /** `foreach ($this->client as $node)`: the nodes of a cluster client are clients. */
  private foreachNode(v: Node): Value | undefined {
    for (const st of this.ctx.ancestors(v)) {
      if (st.type !== 'foreach_statement') continue;
      const kids = namedKids(st);
      const value = kids[1]?.type === 'pair' ? kids[1].lastNamedChild : kids[1];
      if (value?.type !== 'variable_name' || this.ctx.text(value) !== this.ctx.text(v) || !kids[0]) continue;
      // In a module named after Redis (`PredisClusterConnection.php`), a generic `$this->client` is its client too.
      const over = this.clientOf(kids[0]) ?? (/redis|valkey/i.test((this.ctx.file ?? '').split(/[\\/]/).pop() ?? '') && isGenericClientName(this.nameOf(kids[0])) ? ({ lib: 'unknown', role: 'client', strength: 'weak' }) : undefined);
      return over ? { t: 'client', ref: { ...over, role: 'client' } } : undefined;
    }
    return undefined;
  }

  /** `$pipe` of `$redis->pipeline(function ($pipe) { ... })` / `Redis::transaction(fn ($tx) => ...)`: the pipeline of that client. */
  private callbackParamValue(v: Node): Value | undefined {
    const fn = this.functionOf(v);
    if (!fn || (fn.type !== 'anonymous_function' && fn.type !== 'arrow_function' && fn.type !== 'anonymous_function_creation_expression')) return undefined;
    const params = fn.childForFieldName('parameters');
    const first = params ? namedKids(params)[0] : undefined;
    const pname = first ? this.ctx.field(first, 'name') : null;
    if (!pname || this.ctx.text(pname) !== this.ctx.text(v)) return undefined;
    const arg = this.ctx.parentOf(fn);
    const list = arg?.type === 'argument' ? this.ctx.parentOf(arg) : null;
    const call = list?.type === 'arguments' ? this.ctx.parentOf(list) : null;
    if (!call || !CALLBACK_PIPELINES.has(this.ctx.text(this.ctx.field(call, 'name') ?? call).toLowerCase())) return undefined;
    const client = call.type === 'scoped_call_expression' ? this.facadeClient(this.ctx.field(call, 'scope')!) : call.type === 'member_call_expression' ? this.clientOf(this.ctx.field(call, 'object')!) : undefined;
    if (client) return { t: 'client', ref: { ...client, role: 'pipeline' } };
    // `$connection->pipeline(function ($pipe) { ... })` on a connection the file does not show: only
    // Redis clients take a pipeline closure (a database's `transaction()` closure is not one).
    const method = this.ctx.text(this.ctx.field(call, 'name')!).toLowerCase();
    if ((method === 'pipeline' || method === 'pipelined') && call.type === 'member_call_expression' && this.valueOf(this.ctx.field(call, 'object')!).t === 'unknown') {
      return { t: 'client', ref: { lib: 'unknown', role: 'pipeline', strength: 'weak' } };
    }
    return undefined;
  }

  /** `Redis::class`, `\Redis::class`, `'redis'`: what a container look-up names. */
  private containerClient(args: Node | null): Value | undefined {
    const first = args ? namedKids(args)[0]?.namedChild(0) : undefined;
    if (!first) return undefined;
    if (this.literalOf(first).literal === 'redis') return { t: 'client', ref: { lib: 'laravel', role: 'client', strength: 'weak' } };
    if (first.type === 'class_constant_access_expression' && first.lastNamedChild && this.ctx.text(first.lastNamedChild) === 'class') {
      const cls = first.namedChild(0);
      const known = cls ? CLASSES[this.resolveClass(cls) ?? ''] ?? (this.ctx.text(cls).replace(/^\\/, '') === 'Redis' ? CLASSES.Redis : undefined) : undefined;
      if (known?.what === 'client') return { t: 'client', ref: { lib: known.lib, role: 'client', strength: 'weak' } };
      if (known?.what === 'facade') return { t: 'client', ref: { lib: 'laravel', role: 'client', strength: 'weak' } };
    }
    return undefined;
  }

  private valueOf(n: Node): Value {
    return this.ctx.memo('php.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): Value {
    this.ctx.deadline.tick();
    switch (n.type) {
      case 'variable_name': {
        if (this.ctx.text(n) === '$this') return OTHER;
        const values = [...this.variableValues(n).map((v) => this.valueOf(v)), ...this.paramTypes(n).map((t) => this.typeValue(t))];
        if (values.length) return combine(values);
        return this.callbackParamValue(n) ?? this.foreachNode(n) ?? UNKNOWN;
      }
      case 'function_call_expression': {
        const fn = this.ctx.field(n, 'function');
        const name = fn ? this.ctx.text(fn).replace(/^\\/, '') : '';
        return (CONTAINER_CALLS.has(name) && this.containerClient(this.ctx.field(n, 'arguments'))) || UNKNOWN;
      }
      case 'member_access_expression':
      case 'nullsafe_member_access_expression': {
        const obj = this.ctx.field(n, 'object');
        if (obj?.type !== 'variable_name' || this.ctx.text(obj) !== '$this') return UNKNOWN;
        return this.propertyValue(n, this.ctx.text(this.ctx.field(n, 'name')!));
      }
      case 'object_creation_expression': {
        const cls = namedKids(n).find((k) => k.type === 'name' || k.type === 'qualified_name');
        const known = cls ? this.knownClass(cls) : undefined;
        return known?.what === 'client' ? { t: 'client', ref: { lib: known.lib, role: 'client', strength: 'strong' } } : OTHER;
      }
      case 'member_call_expression': {
        const method = this.ctx.text(this.ctx.field(n, 'name')!).toLowerCase();
        // PHPUnit / Prophecy doubles of a client send nothing.
        if (MOCK_FACTORIES.has(method)) return OTHER;
        const ov = this.valueOf(this.ctx.field(n, 'object')!);
        if (ov.t === 'client') return ['pipeline', 'multi', 'connection', 'client'].includes(method) ? { t: 'client', ref: { ...ov.ref, role: method === 'connection' || method === 'client' ? 'client' : 'pipeline' } } : OTHER;
        const obj = this.ctx.field(n, 'object')!;
        if (obj.type === 'variable_name' && this.ctx.text(obj) === '$this') {
          const m = this.classMethod(n, method);
          const rt = m?.childForFieldName('return_type');
          if (rt) return this.typeValue(rt);
          // `protected function getCacheClient() { return new Client(...); }` without a declared type.
          const body = m?.childForFieldName('body');
          const returns = body ? namedKids(body).filter((st) => st.type === 'return_statement' && st.namedChild(0)) : [];
          if (returns.length) {
            const rv = combine(returns.map((st) => this.valueOf(st.namedChild(0)!)));
            if (rv.t === 'client') return rv;
          }
        }
        if (CONTAINER_CALLS.has(method)) return this.containerClient(this.ctx.field(n, 'arguments')) ?? UNKNOWN;
        // `$this->redis()`, `$this->getConnection()` defined in a parent class of another file.
        return ov.t === 'unknown' && this.ctx.project?.isClientFactory(this.ctx.text(this.ctx.field(n, 'name')!)) ? { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } } : UNKNOWN;
      }
      case 'scoped_call_expression': {
        const method = this.ctx.text(this.ctx.field(n, 'name')!).toLowerCase();
        if (method === 'mock' || method === 'spy' || method === 'namedmock') return OTHER;
        const scope = this.ctx.field(n, 'scope')!;
        const facade = this.facadeClient(scope);
        if (facade) return method === 'connection' || method === 'client' ? { t: 'client', ref: facade } : OTHER;
        // `ApplicationContext::getContainer()->get(Redis::class)` goes through member_call; `Container::get(...)` here.
        return CONTAINER_CALLS.has(method) ? (this.containerClient(this.ctx.field(n, 'arguments')) ?? UNKNOWN) : UNKNOWN;
      }
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0)!) : UNKNOWN;
      case 'conditional_expression':
        return combine(namedKids(n).slice(1).map((k) => this.valueOf(k)));
      case 'binary_expression':
        return combine([this.valueOf(this.ctx.field(n, 'left')!), this.valueOf(this.ctx.field(n, 'right')!)]);
      case 'array_creation_expression':
      case 'string':
      case 'encapsed_string':
      case 'integer':
      case 'null':
      case 'boolean':
        return OTHER;
      default:
        return UNKNOWN;
    }
  }

  private typeValue(type: Node): Value {
    const names = type.type === 'name' || type.type === 'qualified_name' ? [type] : type.descendantsOfType(['name', 'qualified_name']).filter((x): x is Node => x !== null && this.ctx.parentOf(x)?.type !== 'qualified_name');
    for (const nm of names) {
      const known = this.knownClass(nm);
      if (known?.what === 'client') return { t: 'client', ref: { lib: known.lib, role: 'client', strength: 'strong' } };
      // A project class extending a client (`class Cache extends \Redis`), known from another file.
      if (this.ctx.project?.isClientClass(this.ctx.text(nm).replace(/^.*\\/, ''))) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
    }
    return OTHER;
  }

  // ---- project summary ---------------------------------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    for (const [alias, fqn] of this.uses()) out.imports.push({ from: fqn, names: { [alias]: fqn.split('\\').pop()! } });
    const ns = namedKids(this.ctx.root).find((k) => k.type === 'namespace_definition');
    const nsName = ns ? this.ctx.field(ns, 'name') : null;
    if (nsName) out.namespace = this.ctx.text(nsName);
    const isClient = (type: Node | null): boolean => type !== null && this.typeValue(type).t === 'client';
    for (const kw of this.ctx.spelled(/\bclass\b/gi)) {
      const cls = this.ctx.parentOf(kw);
      if (cls?.type !== 'class_declaration') continue;
      const name = this.ctx.field(cls, 'name');
      if (!name) continue;
      const owner = this.ctx.text(name);
      const base = namedKids(cls).find((k) => k.type === 'base_clause');
      const baseName = base ? namedKids(base)[0] : undefined;
      const known = baseName ? this.knownClass(baseName) : undefined;
      if (known?.what === 'client') out.clients.push({ name: owner, kind: 'class', line: cls.startPosition.row });
      const body = this.ctx.field(cls, 'body');
      for (const m of body ? namedKids(body) : []) {
        if (m.type === 'property_declaration' && isClient(this.ctx.field(m, 'type'))) {
          for (const el of m.descendantsOfType('property_element')) {
            const v = el ? (this.ctx.field(el, 'name') ?? el.namedChild(0)) : null;
            if (v) out.clients.push({ name: this.ctx.text(v).replace(/^\$/, ''), kind: 'field', owner, line: m.startPosition.row });
          }
        } else if (m.type === 'method_declaration') {
          const mname = this.ctx.text(this.ctx.field(m, 'name')!);
          if (isClient(this.ctx.field(m, 'return_type'))) out.clients.push({ name: mname, kind: 'factory', owner, line: m.startPosition.row });
          const params = this.ctx.field(m, 'parameters');
          for (const p of params ? namedKids(params) : []) {
            const pn = this.ctx.field(p, 'name');
            if (p.type === 'property_promotion_parameter' && pn && isClient(this.ctx.field(p, 'type'))) out.clients.push({ name: this.ctx.text(pn).replace(/^\$/, ''), kind: 'field', owner, line: p.startPosition.row });
          }
        }
      }
    }
    for (const w of localWrappers(this, WRAPPER_WORDS)) out.wrappers.push(exportOf(w));
    out.ttlHelpers.push(...ttlHelpers(this, TTL_WORDS));
    return out;
  }

  private paramTypesOrNames(fn: Node): string[] {
    const params = fn.childForFieldName('parameters');
    return (params ? namedKids(params) : []).map((p) => (this.ctx.field(p, 'name') ? this.ctx.text(this.ctx.field(p, 'name')!) : ''));
  }

  // ---- names and scopes ------------------------------------------------------------------------

  private namespaced(): boolean {
    return this.ctx.memo('php.ns', 0, () => namedKids(this.ctx.root).some((k) => k.type === 'namespace_definition'), false);
  }

  private uses(): Map<string, string> {
    return this.ctx.memo('php.uses', 0, () => {
      const out = new Map<string, string>();
      const clauses = this.ctx.spelled(/\buse\b/gi).flatMap((kw) => {
        const decl = this.ctx.parentOf(kw);
        return decl?.type === 'namespace_use_declaration' ? decl.descendantsOfType('namespace_use_clause') : [];
      });
      for (const clause of clauses) {
        if (!clause) continue;
        const parts = namedKids(clause);
        const target = parts[0];
        if (!target) continue;
        const fqn = this.ctx.text(target).replace(/^\\/, '');
        const alias = parts.find((p) => p.type === 'name' && p.id !== target.id);
        out.set(alias ? this.ctx.text(alias) : fqn.split('\\').pop()!, fqn);
      }
      return out;
    }, new Map<string, string>());
  }

  /**
   * A library class by its name as written. `Redis` / `RedisCluster` in a namespaced file without a
   * `use` (an excerpt whose `use Redis;` was cut) are still phpredis's.
   */
  private knownClass(n: Node): (typeof CLASSES)[string] | undefined {
    const known = CLASSES[this.resolveClass(n) ?? ''];
    if (known) return known;
    const text = this.ctx.text(n).replace(/\s+/g, '');
    return (text === 'Redis' || text === 'RedisCluster') && !this.uses().has(text) ? CLASSES[text] : undefined;
  }

  /** Fully qualified class name as PHP resolves it (leading `\`, `use` imports, current namespace). */
  private resolveClass(n: Node): string | undefined {
    const text = this.ctx.text(n).replace(/\s+/g, '');
    if (text.startsWith('\\')) return text.slice(1);
    const [first, ...rest] = text.split('\\');
    const used = this.uses().get(first!);
    if (used) return [used, ...rest].join('\\');
    return this.namespaced() ? `<ns>\\${text}` : text;
  }

  private functionOf(n: Node): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (FUNCTION_TYPES.has(this.ctx.typeOf(chain[i]!))) return chain[i];
    return undefined;
  }

  /** Right-hand sides assigned to `$name` in its function (or the file's top level); closures see `use (...)` and arrow-function captures. */
  private variableValues(v: Node): Node[] {
    const name = this.ctx.text(v);
    let scope: Node | undefined = this.functionOf(v);
    const out: Node[] = [];
    for (let depth = 0; depth < 4; depth++) {
      const root = scope ?? this.ctx.root;
      out.push(...this.assignmentsIn(root, name));
      if (!scope || out.length) break;
      const captures = scope.type === 'arrow_function' || namedKids(scope).some((k) => k.type === 'anonymous_function_use_clause' && this.ctx.text(k).includes(name));
      if (!captures) break;
      scope = this.functionOf(scope);
    }
    return out;
  }

  /** Right-hand sides of `$name = ...` in `scope`, outside the functions nested in it. */
  private assignmentsIn(scope: Node, name: string): Node[] {
    return this.ctx.memo('php.assigned', `${scope.id}:${name}`, () => {
      const fnId = FUNCTION_TYPES.has(scope.type) ? scope.id : undefined;
      const out: Node[] = [];
      for (const left of this.ctx.spelled(wordOf(name), scope)) {
        const a = left.type === 'variable_name' ? this.ctx.parentOf(left) : null;
        if (a?.type !== 'assignment_expression' || this.ctx.field(a, 'left')?.id !== left.id || this.functionOf(a)?.id !== fnId) continue;
        const right = this.ctx.field(a, 'right');
        if (right) out.push(right);
      }
      return out;
    }, []);
  }

  private paramTypes(v: Node): Node[] {
    const fn = this.functionOf(v);
    const params = fn?.childForFieldName('parameters');
    const name = this.ctx.text(v);
    const out: Node[] = [];
    for (const p of params ? namedKids(params) : []) {
      if (this.ctx.field(p, 'name') && this.ctx.text(this.ctx.field(p, 'name')!) === name && this.ctx.field(p, 'type')) out.push(this.ctx.field(p, 'type')!);
    }
    return out;
  }

  private classOf(n: Node): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (['class_declaration', 'trait_declaration'].includes(this.ctx.typeOf(chain[i]!))) return chain[i];
    return undefined;
  }

  private classMethod(at: Node, lowerName: string): Node | undefined {
    const cls = this.classOf(at);
    if (!cls) return undefined;
    for (const id of this.ctx.spelled(wordOf(lowerName, 'gi'), cls)) {
      const m = this.ctx.parentOf(id);
      if (m?.type === 'method_declaration' && this.ctx.field(m, 'name')?.id === id.id) return m;
    }
    return undefined;
  }

  /** `$this->name`: typed property, promoted constructor parameter, `$this->name = ...` in the class. */
  private propertyValue(at: Node, name: string): Value {
    const cls = this.classOf(at);
    if (!cls) return UNKNOWN;
    return this.ctx.memo('php.prop', `${cls.id}:${name}`, () => {
      const types: Value[] = [];
      const declared = new Set<number>();
      for (const v of this.ctx.spelled(wordOf(`$${name}`), cls)) {
        const parent = v.type === 'variable_name' ? this.ctx.parentOf(v) : null;
        let decl: Node | null = null;
        if (parent?.type === 'property_promotion_parameter' && this.ctx.field(parent, 'name')?.id === v.id) decl = parent;
        else if (parent?.type === 'property_element' && (this.ctx.field(parent, 'name') ?? parent.namedChild(0))?.id === v.id) decl = this.ctx.parentOf(parent);
        if (decl?.type !== 'property_declaration' && decl?.type !== 'property_promotion_parameter') continue;
        if (declared.has(decl.id)) continue;
        declared.add(decl.id);
        const type = this.ctx.field(decl, 'type');
        if (type) types.push(this.typeValue(type));
      }
      const values: Value[] = [];
      for (const id of this.ctx.spelled(wordOf(name), cls)) {
        const left = this.ctx.parentOf(id);
        if (left?.type !== 'member_access_expression' || this.ctx.field(left, 'name')?.id !== id.id) continue;
        const obj = this.ctx.field(left, 'object');
        const a = this.ctx.parentOf(left);
        if (obj && this.ctx.text(obj) === '$this' && a?.type === 'assignment_expression' && this.ctx.field(a, 'left')?.id === left.id) values.push(this.valueOf(this.ctx.field(a, 'right')!));
      }
      values.unshift(...types);
      return values.length ? combine(values) : UNKNOWN;
    }, UNKNOWN);
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 14; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'array_element_initializer' && namedKids(n).length === 2) {
        const key = this.literalOf(namedKids(n)[0]).literal;
        if (key === undefined || !ADDRESS_KEYS.has(key)) return undefined;
      } else if (this.ctx.typeOf(n) === 'arguments') {
        const call = chain[i - 1];
        if (!call) return undefined;
        if (call.type === 'member_call_expression') {
          const method = this.ctx.text(this.ctx.field(call, 'name')!).toLowerCase();
          const client = this.clientOf(this.ctx.field(call, 'object')!);
          if ((method === 'connect' || method === 'pconnect') && client?.strength === 'strong' && client.lib === 'phpredis') {
            return { node: call, range: rangeOf(call), lib: 'phpredis', evidence: evidenceOf(this.ctx.text(hit)) };
          }
          return undefined;
        }
        if (call.type === 'object_creation_expression') {
          const v = this.valueOf(call);
          if (v.t !== 'client') return undefined;
          const sentinelMode = n.descendantsOfType('array_element_initializer').some((el) => {
            const kv = el ? namedKids(el) : [];
            return kv.length === 2 && this.literalOf(kv[0]).literal === 'replication' && this.literalOf(kv[1]).literal === 'sentinel';
          });
          if (sentinelMode) return undefined;
          return { node: call, range: rangeOf(call), lib: v.ref.lib, evidence: evidenceOf(this.ctx.text(hit)) };
        }
        // `getenv('VALKEY_SENTINEL_HOST')`, `(int) ...`: keep walking out of the conversion.
        if (call.type !== 'function_call_expression') return undefined;
      } else if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n).endsWith('statement')) return undefined;
    }
    return undefined;
  }

  canonicalKey(node: Node): string {
    if (node.type === 'variable_name') {
      const values = this.variableValues(node);
      if (values.length === 1 && values[0]!.type !== 'variable_name') return this.ctx.text(values[0]!).replace(/\s+/g, '');
    }
    return this.ctx.text(node).replace(/\s+/g, '');
  }

}

/**
 * A call of a wrapper that passes more than the key and a value (`set($key, $value, $ttl)`) may
 * reach an optional TTL parameter: not reported.
 */
function passesMoreThanKeyAndValue(site: CallSite, d: OpDraft): boolean {
  const index = site.args.findIndex((a) => a.node.id === d.keys[0]?.id);
  return index >= 0 && (d.cls === 'string-write' || d.cls === 'counter') && site.args.filter((a) => !a.name).length > index + 2;
}

function evidenceOf(text: string): string {
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}
