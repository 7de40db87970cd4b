import type { Node } from '@vscode/tree-sitter-wasm';
import { isClientName } from '../clients/naming';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, commands, methodCommands, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import type { CallSite, ClientRef, Role, SentinelMisuse, Ttl } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf } from './tree';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'accessor_declaration']);
const STRING_TYPES = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression']);
/** Names resolve through lexical scopes, members, method result types and `using` directives: nothing in a method body is seen from outside it, nothing in a class body from outside the class. */
const LOCALITY: Locality = {
  bodies: new Set(['block']),
  containers: new Set(['compilation_unit', 'declaration_list', 'block']),
  exported: {},
  // Calls of a method read its declared result type (`IDatabase GetDatabase()`).
  exportedFields: ['name', 'returns', 'type'],
  classes: new Set(['class_declaration', 'struct_declaration', 'record_declaration', 'interface_declaration']),
};
const SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'block', 'declaration_list', 'ERROR', 'for_statement', 'foreach_statement', 'using_statement', 'catch_clause', 'switch_section']);

type CsLib = 'stackexchange' | 'csredis' | 'freeredis' | 'servicestack' | 'unknown';
/** What a C# receiver is: a client or pipeline, a StackExchange.Redis multiplexer or server, a sequence of servers, a ServiceStack client manager. */
type CsRole = Role | 'mux' | 'server-seq' | 'manager';

/** StackExchange.Redis types by simple name. */
const SE_TYPES: Record<string, CsRole> = {
  IDatabase: 'client',
  IDatabaseAsync: 'client',
  ITransaction: 'pipeline',
  IBatch: 'pipeline',
  IServer: 'server',
  ConnectionMultiplexer: 'mux',
  IConnectionMultiplexer: 'mux',
  // EasyCaching's Redis provider names its methods after StackExchange.Redis's (`StringSet(key, value, TimeSpan? expiration = null)`).
  IRedisCachingProvider: 'client',
};

/**
 * Client types of CSRedisCore, FreeRedis and ServiceStack.Redis by simple name, with the namespace
 * that makes each one sure. `RedisClient` is both FreeRedis's and ServiceStack's (and their method
 * names differ): without a `using` that tells, it reads both vocabularies.
 */
const OTHER_TYPES: Record<string, { lib: CsLib; role: CsRole; ns: RegExp }> = {
  CSRedisClient: { lib: 'csredis', role: 'client', ns: /^CSRedis$/ },
  RedisClient: { lib: 'unknown', role: 'client', ns: /^(FreeRedis|ServiceStack\.Redis)$/ },
  IRedisClient: { lib: 'servicestack', role: 'client', ns: /^ServiceStack\.Redis$/ },
  IRedisClientAsync: { lib: 'servicestack', role: 'client', ns: /^ServiceStack\.Redis$/ },
  IRedisNativeClient: { lib: 'servicestack', role: 'client', ns: /^ServiceStack\.Redis$/ },
  RedisNativeClient: { lib: 'servicestack', role: 'client', ns: /^ServiceStack\.Redis$/ },
  IRedisTransaction: { lib: 'servicestack', role: 'pipeline', ns: /^ServiceStack\.Redis$/ },
  IRedisPipeline: { lib: 'servicestack', role: 'pipeline', ns: /^ServiceStack\.Redis$/ },
  IRedisClientsManager: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
  IRedisClientsManagerAsync: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
  PooledRedisClientManager: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
  RedisManagerPool: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
  BasicRedisClientManager: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
  // `new RedisSentinel(hosts, "mymaster").Start()` gives a client manager.
  RedisSentinel: { lib: 'servicestack', role: 'manager', ns: /^ServiceStack\.Redis$/ },
};

/** StackExchange.Redis `IDatabase` / `IServer` methods (lower case, without `Async`) and the command each sends. */
const SE_METHODS: Record<string, CommandInfo> = {
  stringset: commands.SET!,
  stringsetandget: commands.SET!,
  stringgetset: commands.GETSET!,
  stringincrement: commands.INCR!,
  stringdecrement: commands.DECR!,
  hashset: commands.HSET!,
  hashincrement: commands.HINCRBY!,
  setadd: commands.SADD!,
  listleftpush: commands.LPUSH!,
  listrightpush: commands.RPUSH!,
  sortedsetadd: commands.ZADD!,
  sortedsetincrement: commands.ZINCRBY!,
  streamadd: commands.XADD!,
  hyperloglogadd: commands.PFADD!,
  geoadd: commands.GEOADD!,
  keyexpire: commands.EXPIRE!,
  flushdatabase: commands.FLUSHDB!,
  flushalldatabases: commands.FLUSHALL!,
};
/** `IServer.Keys(...)`: walks the whole keyspace (SCAN underneath, KEYS on old servers). */
const SE_SERVER_METHODS: Record<string, CommandInfo> = { keys: commands.KEYS!, flushdatabase: commands.FLUSHDB!, flushalldatabases: commands.FLUSHALL! };

/** ServiceStack.Redis `IRedisClient` method names (lower case, without `Async`) that are not named after the command. */
const SERVICESTACK_METHODS: Record<string, CommandInfo> = {
  setvalue: commands.SET!,
  setentry: commands.SET!,
  setvalueifnotexists: commands.SETNX!,
  setentryifnotexists: commands.SETNX!,
  add: commands.SETNX!,
  setall: commands.MSET!,
  incrementvalue: commands.INCR!,
  incrementvalueby: commands.INCRBY!,
  increment: commands.INCRBY!,
  decrementvalue: commands.DECR!,
  decrementvalueby: commands.DECRBY!,
  decrement: commands.DECRBY!,
  searchkeys: commands.KEYS!,
  getallkeys: commands.KEYS!,
  expireentryin: commands.EXPIRE!,
  expireentryat: commands.EXPIRE!,
  additemtolist: commands.RPUSH!,
  pushitemtolist: commands.RPUSH!,
  enqueueitemonlist: commands.LPUSH!,
  additemtoset: commands.SADD!,
  additemtosortedset: commands.ZADD!,
  setentryinhash: commands.HSET!,
  setrangeinhash: commands.HMSET!,
  incrementvalueinhash: commands.HINCRBY!,
};

/** Methods whose lambda argument receives a pipeline or client of the receiver (`StartPipe(p => ...)`, `QueueCommand(r => ...)`). */
const CALLBACK_METHODS: Record<string, 'pipeline' | 'client'> = { StartPipe: 'pipeline', QueueCommand: 'client', Pipeline: 'pipeline', Multi: 'pipeline' };
/** Methods returning a pipeline or transaction of the receiver client. */
const PIPELINE_METHODS = new Set(['CreateTransaction', 'CreateBatch', 'StartPipe', 'Multi', 'CreatePipeline']);
/** LINQ steps that keep a sequence a sequence, and those that take one element of it. */
const SEQ_KEEP = new Set(['Where', 'ToList', 'ToArray', 'AsEnumerable', 'OrderBy', 'OrderByDescending', 'Distinct', 'Take', 'Skip', 'Reverse', 'ToImmutableArray']);
const SEQ_ONE = new Set(['First', 'FirstOrDefault', 'Single', 'SingleOrDefault', 'Last', 'LastOrDefault', 'ElementAt']);
const SEQ_EACH = new Set(['Select', 'SelectMany', 'Where', 'ForEach', 'Any', 'All', 'Sum', 'Count', 'ToDictionary', 'GroupBy', 'OrderBy', 'Aggregate']);
const MOCK = /\b(?:Mock|Substitute\s*\.\s*For|Mock\s*\.\s*Of|A\s*\.\s*Fake|Fake)\s*<\s*(?:StackExchange\.Redis\.)?(?:IDatabase(?:Async)?|I?ConnectionMultiplexer|IServer|IBatch|ITransaction|IRedisClient\w*|CSRedisClient|RedisClient)\s*>/;
/** Receiver names of the project's own services, which may name their methods after StackExchange.Redis's and add a TTL. */
const PROJECT_HOLDER = /(?:service|manager|repository|repo|provider|store|helper|wrapper|cache|facade|adapter)$/i;
/** Receiver names of CSRedisCore / FreeRedis clients in their documentation's style. */
const CS_CLIENT_NAME = /^_?(?:cs_?redis|free_?redis|redis_?cli|rds|cli)(?:_?client)?$/i;
/** Receivers that are StackExchange.Redis servers by their name (`primaryServer.Execute("KEYS", ...)` in Garnet's tests). */
const SERVER_NAME = /server$/i;

export const csharpCallWords = [
  ...new Set([
    ...Object.keys(SE_METHODS).flatMap((m) => [m, `${m}async`]),
    ...Object.keys(SERVICESTACK_METHODS).flatMap((m) => [m, `${m}async`]),
    ...Object.keys(methodCommands).flatMap((m) => [m, `${m}async`]),
    'Execute',
    'ExecuteAsync',
    'ScriptEvaluate',
    'ScriptEvaluateAsync',
    'Prepare',
    'Connect',
    'ConnectAsync',
  ]),
];

type CsValue = { t: 'cs'; lib: CsLib; role: CsRole; strength: 'strong' | 'weak' } | { t: 'other' } | { t: 'unknown' };
const UNKNOWN: CsValue = { t: 'unknown' };
const OTHER: CsValue = { t: 'other' };
/** A client another file of the project exports (its type or factory): either vocabulary. */
const PROJECT_CLIENT: CsValue = { t: 'cs', lib: 'unknown', role: 'client', strength: 'weak' };
const se = (role: CsRole, strength: 'strong' | 'weak'): CsValue => ({ t: 'cs', lib: 'stackexchange', role, strength });

/** A declaration: its type and value; `element`: the value is a collection and the name one of its elements (`foreach`); `lambda`: a parameter of that lambda. */
type Decl = { type: Node | null; value: Node | null; element?: boolean; lambda?: Node; param?: { fn: Node; index: number } };

/** Methods that send EXPIRE (a TTL helper sends one on its key parameter). */
const TTL_WORDS = /\b(?:KeyExpire|KeyExpireAsync|Expire|ExpireAsync|PExpire|ExpireAt|ExpireEntryIn|ExpireEntryAt)\b/g;
/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords(
  [
    ...Object.entries(SE_METHODS).filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys'),
    ...Object.entries(SERVICESTACK_METHODS).filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys'),
    ...Object.entries(methodCommands).filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys'),
  ].flatMap(([m]) => [m, `${m}async`]),
);

export function createCSharpAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new CSharpAdapter(ctx);
}

class CSharpAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'identifier') return undefined;
    let nameHolder = token;
    const tokenParent = this.ctx.parentOf(token);
    if (tokenParent?.type === 'generic_name') nameHolder = tokenParent;
    const access = this.ctx.parentOf(nameHolder);
    // A bare call (`SetExpire(item, ts)`, `AddAsync(key, value)` of the same class): no receiver.
    const bare = access?.type === 'invocation_expression' && this.ctx.field(access, 'function')?.id === nameHolder.id;
    if (!bare && (access?.type !== 'member_access_expression' || this.ctx.field(access, 'name')?.id !== nameHolder.id)) return undefined;
    const call = bare ? access : this.ctx.parentOf(access);
    if (call?.type !== 'invocation_expression' || (!bare && this.ctx.field(call, 'function')?.id !== access.id)) return undefined;
    const argsNode = this.ctx.field(call, 'arguments');
    const args = (argsNode ? namedKids(argsNode) : []).map((a) => {
      const name = this.ctx.field(a, 'name');
      const value = a.lastNamedChild ?? a;
      return name ? { node: value, name: this.ctx.text(name) } : { node: value };
    });
    return { call, nameNode: token, name: this.ctx.text(token), receiver: bare ? null : this.ctx.field(access, 'expression'), args, argsNode };
  }

  private seImported(): boolean {
    return this.ctx.memo('cs.using', 0, () => usingDirectives(this.ctx).some((u) => /StackExchange\s*\.\s*Redis/.test(this.ctx.text(u))), false);
  }

  /** Namespaces the file imports with `using X;` (aliases and `using static` aside). */
  private usedNamespaces(): Set<string> {
    return this.ctx.memo('cs.namespaces', 0, () => new Set(usingDirectives(this.ctx).map((u) => this.ctx.text(u).replace(/^\s*(global\s+)?using\s+/, '').replace(/;\s*$/, '').replace(/\s+/g, '').replace(/^global::/, ''))), new Set<string>());
  }

  /** The file declares a class of this name (a project's own `RedisHelper`): its members are the project's, not a library's. */
  private declaresClass(name: string): boolean {
    return this.ctx.memo('cs.class', name, () => this.ctx.spelled(new RegExp(`\\b${name}\\b`, 'g')).some((id) => {
      const p = this.ctx.parentOf(id);
      return (p?.type === 'class_declaration' || p?.type === 'interface_declaration' || p?.type === 'struct_declaration') && this.ctx.field(p, 'name')?.id === id.id;
    }), false);
  }

  /**
   * A test that mocks the client types: its calls stub or verify a double, they send nothing. Told
   * by the function around the call and the fields of its classes (what an edit elsewhere cannot change).
   */
  private mocksClients(at: Node): boolean {
    const chain = this.ctx.ancestors(at);
    // NSubstitute: `db.Received().StringSetAsync(...)`, `db.StringSetAsync(k, v).Returns(true)`.
    const callee = this.ctx.field(at, 'function');
    const recv = callee?.type === 'member_access_expression' ? this.ctx.field(callee, 'expression') : null;
    const recvFn = recv?.type === 'invocation_expression' ? this.ctx.field(recv, 'function') : null;
    if (recvFn?.type === 'member_access_expression' && /^(?:Received|DidNotReceive|ReceivedWithAnyArgs|DidNotReceiveWithAnyArgs)$/.test(this.ctx.text(this.ctx.field(recvFn, 'name')!))) return true;
    const up = chain[chain.length - 1];
    if (up?.type === 'member_access_expression' && /^(?:Returns|ReturnsForAnyArgs|Throws|ThrowsAsync|ReturnsAsync)$/.test(this.ctx.text(this.ctx.field(up, 'name')!))) return true;
    const fn = chain.find((n) => FUNCTION_TYPES.has(this.ctx.typeOf(n)));
    if (fn && this.ctx.memo('cs.mocks', fn.id, () => MOCK.test(this.ctx.text(fn)), false)) return true;
    return chain.some((n) => this.ctx.typeOf(n) === 'declaration_list' && this.ctx.memo('cs.mockFields', n.id, () => namedKids(n).some((m) => ['field_declaration', 'property_declaration'].includes(m.type) && MOCK.test(this.ctx.text(m))), false));
  }


  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.receiver && (this.mocksClients(site.call) || this.valueOf(site.receiver).t === 'cs')) return [];
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
    const d = this.lookup(this.ctx.text(key), key);
    return d?.param && d.param.fn.type === 'method_declaration' ? d.param : undefined;
  }

  describe(fn: Node): FunctionInfo | undefined {
    if (fn.type !== 'method_declaration') return undefined;
    const name = this.ctx.text(this.ctx.field(fn, 'name')!);
    const owner = this.ownerOf(fn);
    const params = this.ctx.field(fn, 'parameters');
    const names = (params ? namedKids(params) : []).filter((p) => p.type === 'parameter').map((p) => (this.ctx.field(p, 'name') ? this.ctx.text(this.ctx.field(p, 'name')!) : ''));
    return owner ? { name, owner: owner.name, params: names } : { name, params: names };
  }

  /** The type declaring `n`, with the interfaces and base class it lists. */
  private ownerOf(n: Node): { name: string; bases: string[] } | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      if (!LOCALITY.classes!.has(this.ctx.typeOf(c))) continue;
      const name = this.ctx.field(c, 'name');
      if (!name) return undefined;
      const bases = namedKids(c).find((k) => k.type === 'base_list');
      return { name: this.ctx.text(name), bases: bases ? namedKids(bases).map((b) => this.ctx.text(b.type === 'generic_name' ? b.namedChild(0)! : b).replace(/^.*\./, '')) : [] };
    }
    return undefined;
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    return site.receiver === null && this.methodDecl(site.call, site.name)?.id === fn.id;
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (r.type === 'this_expression' || r.type === 'this') return this.ownerOf(r)?.name;
    const v = this.valueOf(r);
    if (v.t === 'cs') return null;
    let type: Node | null = null;
    if (r.type === 'identifier') {
      const d = this.lookup(this.ctx.text(r), r);
      if (!d && /^[A-Z]/.test(this.ctx.text(r))) return this.ctx.text(r);
      type = d?.type ?? null;
      if (type?.type === 'implicit_type' && d?.value?.type === 'object_creation_expression') type = this.ctx.field(d.value, 'type');
      else if (type?.type === 'implicit_type' && d?.value) type = diType(this.ctx, d.value) ?? type;
    } else if (r.type === 'member_access_expression' && ['this_expression', 'this'].includes(this.ctx.field(r, 'expression')?.type ?? '')) {
      type = this.memberDecl(r, this.ctx.text(this.ctx.field(r, 'name')!))?.type ?? null;
    }
    if (type?.type === 'nullable_type') type = type.namedChild(0);
    if (type?.type === 'generic_name') type = type.namedChild(0);
    if (type?.type === 'identifier' || type?.type === 'qualified_name') return this.implementationOf(this.ctx.text(type).replace(/^.*\./, ''));
    return v.t === 'other' ? null : undefined;
  }

  /** `IRedisService` -> `RedisService` when this file's class implements it (DI through interfaces). */
  private implementationOf(type: string): string {
    if (!/^I[A-Z]/.test(type)) return type;
    for (const kw of this.ctx.spelled(/\bclass\b/g)) {
      const cls = this.ctx.parentOf(kw);
      if (cls?.type !== 'class_declaration') continue;
      const o = this.ownerOf(namedKids(cls).find((k) => k.type === 'declaration_list') ?? cls);
      if (o?.bases.includes(type)) return o.name;
    }
    return type;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  // ---- project summary ---------------------------------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    for (const u of usingDirectives(this.ctx)) {
      const text = this.ctx.text(u).replace(/^\s*(global\s+)?using\s+(static\s+)?/, '').replace(/;\s*$/, '').replace(/\s+/g, '');
      const alias = /^(\w+)=(.+)$/.exec(text);
      out.imports.push(alias ? { from: alias[2]!, names: { [alias[1]!]: alias[2]! } } : { from: text, names: { '*': '*' } });
    }
    const ns = this.ctx.spelled(/\bnamespace\b/g).map((kw) => this.ctx.parentOf(kw)).find((d) => d?.type === 'namespace_declaration' || d?.type === 'file_scoped_namespace_declaration');
    const nsName = ns ? this.ctx.field(ns, 'name') : null;
    if (nsName) out.namespace = this.ctx.text(nsName);
    for (const w of localWrappers(this, WRAPPER_WORDS)) {
      const exported = exportOf(w);
      out.wrappers.push(exported);
      // Callers hold the wrapper through its interface (`IRedisService _redis`).
      for (const base of this.ownerOf(w.fn)?.bases.filter((b) => /^I[A-Z]/.test(b)) ?? []) out.wrappers.push({ ...exported, owner: base });
    }
    const isClient = (type: Node | null): boolean => {
      const v = type ? this.typeValue(type) : OTHER;
      return v.t === 'cs' && (v.role === 'client' || v.role === 'mux' || v.role === 'pipeline' || v.role === 'manager');
    };
    for (const kw of this.ctx.spelled(/\b(?:class|struct|record)\b/g)) {
      const cls = this.ctx.parentOf(kw);
      if (!cls || !LOCALITY.classes!.has(cls.type)) continue;
      const name = this.ctx.field(cls, 'name');
      const body = namedKids(cls).find((k) => k.type === 'declaration_list');
      if (!name || !body) continue;
      const owner = this.ctx.text(name);
      // `class EasyCachingCSRedisClient : CSRedisClient`: its instances are clients.
      const bases = namedKids(cls).find((k) => k.type === 'base_list');
      const base = bases ? namedKids(bases)[0] : undefined;
      if (base && isClient(base)) out.clients.push({ name: owner, kind: 'class', line: cls.startPosition.row });
      for (const m of namedKids(body)) {
        if (m.type === 'field_declaration') {
          const vd = namedKids(m).find((k) => k.type === 'variable_declaration');
          if (!vd || !isClient(this.ctx.field(vd, 'type'))) continue;
          for (const d of namedKids(vd).filter((k) => k.type === 'variable_declarator')) {
            const fname = this.ctx.field(d, 'name') ?? d.namedChild(0);
            if (fname) out.clients.push({ name: this.ctx.text(fname), kind: 'field', owner, line: m.startPosition.row });
          }
        } else if (m.type === 'property_declaration' && isClient(this.ctx.field(m, 'type'))) {
          out.clients.push({ name: this.ctx.text(this.ctx.field(m, 'name')!), kind: 'field', owner, line: m.startPosition.row });
        } else if (m.type === 'method_declaration') {
          const rt = this.ctx.field(m, 'returns');
          if (rt && isClient(this.unwrapTask(rt))) out.clients.push({ name: this.ctx.text(this.ctx.field(m, 'name')!), kind: 'factory', owner, line: m.startPosition.row });
        }
      }
    }
    out.ttlHelpers.push(...ttlHelpers(this, TTL_WORDS));
    return out;
  }

  clientOps(site: CallSite): OpDraft[] {
    const method = site.name.toLowerCase().replace(/async$/, '');
    if (method === 'prepare') {
      const recv = site.receiver && this.ctx.text(site.receiver);
      return recv === 'LuaScript' && this.seImported() ? scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), { lib: 'stackexchange', role: 'client', strength: 'strong' }) : [];
    }
    const receiver = site.receiver;
    if (!receiver || this.mocksClients(site.call)) return [];
    const v = this.valueOf(receiver);
    let lib: CsLib;
    let role: Role;
    let strength: 'strong' | 'weak';
    if (v.t === 'cs') {
      if (v.role === 'mux' || v.role === 'server-seq' || v.role === 'manager') return [];
      ({ lib, role, strength } = { lib: v.lib, role: v.role, strength: v.strength });
    } else if (v.t === 'unknown' && (isClientName(this.nameOf(receiver)) || CS_CLIENT_NAME.test(this.nameOf(receiver) ?? ''))) {
      ({ lib, role, strength } = { lib: 'unknown', role: 'client', strength: 'weak' });
    } else if (v.t === 'unknown' && (method === 'execute') && SERVER_NAME.test(this.nameOf(receiver) ?? '') && this.literalOf(site.args[0]?.node ?? receiver).literal !== undefined && /^[A-Z]+$/.test(this.literalOf(site.args[0]!.node).literal!)) {
      // `server.Execute("KEYS", "*")`: IServer's generic command with the command spelled in upper case.
      ({ lib, role, strength } = { lib: 'stackexchange', role: 'server', strength: 'weak' });
    } else if (v.t === 'unknown' && SE_METHODS[method] && SE_METHODS[method].cls !== 'flush' && SE_METHODS[method].cls !== 'expire' && !PROJECT_HOLDER.test(this.nameOf(receiver) ?? '')) {
      // `StringSetAsync`, `StringIncrement`, `SortedSetAdd`...: only StackExchange.Redis names its methods so.
      ({ lib, role, strength } = { lib: 'stackexchange', role: 'client', strength: 'weak' });
    } else return [];
    const client: ClientRef = { lib: lib === 'unknown' ? 'unknown' : lib, role, strength };
    const split = receiver.type === 'invocation_expression' || receiver.startPosition.row !== site.nameNode.startPosition.row;
    const base = { node: site.call, range: split ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call), offset: site.nameNode.startIndex, client, site };
    if (method === 'execute' || method === 'custom' || method === 'call') {
      const tokens: Token[] = site.args.map((a) => ({ node: a.node, ...this.literalOf(a.node) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (method === 'scriptevaluate' || method === 'eval') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    const positional = site.args.filter((a) => !a.name);
    if (lib === 'stackexchange' || (lib === 'unknown' && SE_METHODS[method])) {
      const info = role === 'server' ? SE_SERVER_METHODS[method] : SE_METHODS[method];
      if (!info) return [];
      if (info.cls === 'flush' && role !== 'server' && lib !== 'unknown') return [];
      if (info.cls === 'keys') return [{ ...base, command: 'KEYS', cls: 'keys', keys: [], ttl: 'no', via: 'method' }];
      const keyArg = site.args.find((a) => a.name === 'key') ?? positional[0];
      // `StringSet(KeyValuePair<RedisKey, RedisValue>[] values, When when = Always, CommandFlags flags = None)`.
      const whenSecond = positional[1] !== undefined && /^(?:When\.\w+|when)$/.test(this.ctx.text(positional[1].node));
      const isMset = info.command === 'SET' && (positional.length === 1 || whenSecond) && !site.args.some((a) => a.name === 'value');
      const keys = keyArg && !isMset ? [keyArg.node] : [];
      const ttl: Ttl = info.cls === 'string-write' ? (isMset ? 'no' : this.seSetTtl(site, info)) : 'no';
      return [{ ...base, command: isMset ? 'MSET' : info.command, cls: info.cls, keys, ttl, via: 'method' }];
    }
    if (role === 'server') return [];
    // CSRedisCore, FreeRedis, ServiceStack.Redis: methods named after the command, and ServiceStack's own names.
    const info = (lib === 'servicestack' || lib === 'unknown' ? SERVICESTACK_METHODS[method] : undefined) ?? (method === 'add' ? undefined : methodCommands[method]);
    if (!info) return [];
    if (info.cls === 'keys') return [{ ...base, command: 'KEYS', cls: 'keys', keys: [], ttl: 'no', via: 'method' }];
    // CSRedisCore / FreeRedis `MSet("k1", v1, "k2", v2)`: the keys at even positions.
    const pairs = info.keyValuePairs && positional.length >= 2 && positional.length % 2 === 0 && positional.every((a) => !a.spread) ? positional.filter((_, i) => i % 2 === 0).map((a) => a.node) : [];
    const keys = info.keyValuePairs ? pairs : positional[0] ? [positional[0].node] : [];
    const ttl: Ttl = info.alwaysTtl ? 'yes' : info.cls === 'string-write' ? this.clientSetTtl(site, info) : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /** `StringSet(key, value, TimeSpan? expiry = null, When when = Always, CommandFlags flags = None)` and the `keepTtl` overloads. */
  private seSetTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.command !== 'SET') return 'no';
    // An expiry held in a variable or parameter may be null (`TimeSpan? expiry = null`): not known.
    const given = (n: Node): Ttl => (n.type === 'identifier' || n.type === 'member_access_expression' && !/^TimeSpan\./.test(this.ctx.text(n)) ? 'unknown' : 'yes');
    for (const a of site.args) {
      if (a.name === 'expiry') return a.node.type === 'null_literal' ? 'no' : given(a.node);
      if (a.name === 'keepTtl') return this.ctx.text(a.node) === 'false' ? 'no' : 'yes';
    }
    const third = site.args.filter((a) => !a.name)[2];
    if (!third) return 'no';
    const text = this.ctx.text(third.node);
    if (third.node.type === 'null_literal' || /^(When|CommandFlags)\./.test(text) || text === 'default') return 'no';
    return given(third.node);
  }

  /**
   * CSRedisCore `Set(key, value, int expireSeconds = -1, RedisExistence? exists = null)` / `Set(key, value, TimeSpan expire)`,
   * FreeRedis `Set(key, value, int timeoutSeconds = 0)` / `(key, value, TimeSpan)` / `(key, value, bool keepTtl)`,
   * ServiceStack `SetValue(key, value, TimeSpan expireIn)` / `Set<T>(key, value, DateTime expiresAt)` / `Add(key, value, TimeSpan)`.
   */
  private clientSetTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.command !== 'SET' && info.command !== 'SETNX') return 'no';
    const named = site.args.find((a) => a.name && /expir|timeout|ttl/i.test(a.name));
    const third = named ?? site.args.filter((a) => !a.name)[2];
    if (!third) return 'no';
    const n = third.node;
    const text = this.ctx.text(n).replace(/\s+/g, '');
    if (n.type === 'null_literal' || text === 'default' || /^RedisExistence\./.test(text) || text === 'false') return 'no';
    if (n.type === 'integer_literal') return Number(text) > 0 ? 'yes' : 'no';
    if (n.type === 'prefix_unary_expression' && /^-\d+$/.test(text)) return 'no';
    return n.type === 'identifier' ? 'unknown' : 'yes';
  }

  private literalOf(n: Node): { literal?: string } {
    if (n.type === 'string_literal' || n.type === 'verbatim_string_literal') return { literal: namedKids(n).map((k) => this.ctx.text(k)).join('') };
    if (n.type === 'integer_literal') return { literal: this.ctx.text(n) };
    return {};
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    if (STRING_TYPES.has(node.type)) return [node];
    if (node.type === 'binary_expression') return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
    if (node.type === 'identifier') {
      const d = this.lookup(this.ctx.text(node), node);
      return d?.value && !d.element ? this.scriptLiterals(d.value, depth + 1) : [];
    }
    return [];
  }

  // ---- values ----------------------------------------------------------------------------------

  private nameOf(n: Node): string | undefined {
    if (n.type === 'identifier') return this.ctx.text(n);
    if (n.type === 'member_access_expression') return this.ctx.text(this.ctx.field(n, 'name')!);
    return undefined;
  }

  private valueOf(n: Node): CsValue {
    return this.ctx.memo('cs.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): CsValue {
    this.ctx.deadline.tick();
    switch (n.type) {
      case 'identifier': {
        const name = this.ctx.text(n);
        const d = this.lookup(name, n);
        if (d) return this.declValue(d);
        // CSRedisCore's static `RedisHelper.Set(...)`, unless the file defines its own RedisHelper.
        if (this.ctx.project?.isClientValue(name)) return PROJECT_CLIENT;
        if (name === 'RedisHelper' && !this.declaresClass('RedisHelper')) return { t: 'cs', lib: 'csredis', role: 'client', strength: this.usedNamespaces().has('CSRedis') ? 'strong' : 'weak' };
        return UNKNOWN;
      }
      case 'member_access_expression': {
        const expr = this.ctx.field(n, 'expression');
        const name = this.ctx.text(this.ctx.field(n, 'name')!);
        if (expr?.type === 'this_expression' || expr?.type === 'this') {
          const d = this.memberDecl(n, name);
          return d ? this.declValue(d) : UNKNOWN;
        }
        if (!expr) return UNKNOWN;
        // `lazyConnection.Value` of a `Lazy<ConnectionMultiplexer>`, `RedisHelper.Instance`.
        if (name === 'Value') {
          const inner = this.lazyOf(expr);
          if (inner) return inner;
        }
        if (name === 'Instance' && this.ctx.text(expr) === 'RedisHelper' && !this.declaresClass('RedisHelper')) return { t: 'cs', lib: 'csredis', role: 'client', strength: 'weak' };
        return UNKNOWN;
      }
      case 'invocation_expression':
        return this.invocationValue(n);
      case 'await_expression':
      case 'parenthesized_expression':
      case 'arrow_expression_clause':
        return n.lastNamedChild ? this.valueOf(n.lastNamedChild) : UNKNOWN;
      case 'conditional_expression': {
        const a = this.ctx.field(n, 'consequence');
        const b = this.ctx.field(n, 'alternative');
        const vs = [a, b].filter((x): x is Node => x !== null).map((x) => this.valueOf(x));
        return vs.find((x) => x.t === 'cs') ?? vs.find((x) => x.t === 'unknown') ?? OTHER;
      }
      case 'binary_expression': {
        // `_db ?? mux.GetDatabase()`
        const op = n.childForFieldName('operator');
        if (op && this.ctx.text(op) === '??') {
          const vs = [this.ctx.field(n, 'left'), this.ctx.field(n, 'right')].filter((x): x is Node => x !== null).map((x) => this.valueOf(x));
          return vs.find((x) => x.t === 'cs') ?? vs.find((x) => x.t === 'unknown') ?? OTHER;
        }
        return OTHER;
      }
      case 'object_creation_expression':
        return this.ctx.field(n, 'type') ? this.typeValue(this.ctx.field(n, 'type')!) : OTHER;
      case 'cast_expression':
        return this.ctx.field(n, 'type') ? this.typeValue(this.ctx.field(n, 'type')!) : UNKNOWN;
      default:
        return n.type.endsWith('literal') ? OTHER : UNKNOWN;
    }
  }

  private invocationValue(n: Node): CsValue {
    const fn = this.ctx.field(n, 'function');
    if (!fn) return UNKNOWN;
    const typeArg = (holder: Node): Node | undefined => namedKids(holder).find((k) => k.type === 'type_argument_list')?.namedChild(0) ?? undefined;
    if (fn.type === 'identifier' || fn.type === 'generic_name') {
      const name = this.ctx.text(fn.type === 'generic_name' ? fn.namedChild(0)! : fn);
      const m = this.methodDecl(n, name);
      if (m) {
        const rt = this.ctx.field(m, 'returns') ?? this.ctx.field(m, 'type');
        const tv = rt ? this.typeValue(this.unwrapTask(rt)) : UNKNOWN;
        return tv.t === 'other' ? UNKNOWN : tv;
      }
      if (name === 'GetDatabase') return se('client', 'weak');
      return this.ctx.project?.isClientFactory(name) ? PROJECT_CLIENT : UNKNOWN;
    }
    if (fn.type !== 'member_access_expression') return UNKNOWN;
    const nameNode = this.ctx.field(fn, 'name')!;
    const method = this.ctx.text(nameNode.type === 'generic_name' ? nameNode.namedChild(0)! : nameNode);
    const expr = this.ctx.field(fn, 'expression')!;
    const exprText = this.ctx.text(expr);
    if ((method === 'Connect' || method === 'ConnectAsync') && /(^|\.)ConnectionMultiplexer$/.test(exprText)) return se('mux', this.seImported() ? 'strong' : 'weak');
    // DI: `sp.GetRequiredService<IConnectionMultiplexer>()`.
    if (DI_LOOKUPS.has(method) && nameNode.type === 'generic_name') {
      const t = typeArg(nameNode);
      return t ? this.typeValue(t) : UNKNOWN;
    }
    const ov = this.valueOf(expr);
    // Inside a lambda body: the servers of `GetEndPoints().Select(e => mux.GetServer(e))`.
    if (ov.t === 'cs') {
      const { lib, strength } = ov;
      if (ov.role === 'mux') {
        if (method === 'GetDatabase') return se('client', strength);
        if (method === 'GetServer') return se('server', strength);
        if (method === 'GetServers') return se('server-seq', strength);
        return OTHER;
      }
      if (ov.role === 'server-seq') {
        if (SEQ_KEEP.has(method)) return ov;
        if (SEQ_ONE.has(method)) return se('server', strength);
        return OTHER;
      }
      if (ov.role === 'manager') return /^Get(ReadOnly|Cache)?Client(Async)?$/.test(method) ? { t: 'cs', lib, role: 'client', strength } : method === 'Start' ? ov : OTHER;
      if (ov.role === 'client' && PIPELINE_METHODS.has(method)) return { t: 'cs', lib, role: 'pipeline', strength };
      // ServiceStack `redis.As<T>()`: a typed client; CSRedisCore pipeline steps return the pipeline.
      if (ov.role === 'client' && method === 'As' && lib !== 'stackexchange') return ov;
      if (ov.role === 'pipeline' && lib === 'csredis') return ov;
      return OTHER;
    }
    if (method === 'GetDatabase') return se('client', 'weak');
    if (ov.t === 'unknown' && this.ctx.project?.isClientFactory(method)) return PROJECT_CLIENT;
    if (method === 'Select' && this.lambdaBodyValue(n)?.role === 'server') return se('server-seq', 'weak');
    if (ov.t === 'unknown' && method === 'GetServer') return se('server', 'weak');
    // `ServerIteratorFactory.GetServers(mux, strategy)`, `mux.GetServers()` of a multiplexer the engine cannot see.
    if (ov.t === 'unknown' && method === 'GetServers') return se('server-seq', 'weak');
    return UNKNOWN;
  }

  /** The value of the body of the lambda passed as the first argument of `call`, when it is a StackExchange.Redis value. */
  private lambdaBodyValue(call: Node): Extract<CsValue, { t: 'cs' }> | undefined {
    const args = this.ctx.field(call, 'arguments');
    const lambda = args ? namedKids(args)[0]?.namedChild(0) : undefined;
    if (lambda?.type !== 'lambda_expression') return undefined;
    const body = this.ctx.field(lambda, 'body');
    if (!body || body.type === 'block') return undefined;
    const v = this.valueOf(body);
    return v.t === 'cs' ? v : undefined;
  }

  /** `Task<IDatabase>`, `ValueTask<IDatabase>` -> `IDatabase`. */
  private unwrapTask(type: Node): Node {
    if (type.type !== 'generic_name') return type;
    const name = type.namedChild(0);
    if (!name || !/^(Task|ValueTask)$/.test(this.ctx.text(name))) return type;
    const list = namedKids(type).find((k) => k.type === 'type_argument_list');
    return list?.namedChild(0) ?? type;
  }

  /** `x.Value` where `x` is a `Lazy<ConnectionMultiplexer>` (a field or local declared so, or `new Lazy<...>(...)`). */
  private lazyOf(expr: Node): CsValue | undefined {
    let type: Node | null = null;
    if (expr.type === 'identifier') type = this.lookup(this.ctx.text(expr), expr)?.type ?? null;
    else if (expr.type === 'member_access_expression' && ['this_expression', 'this'].includes(this.ctx.field(expr, 'expression')?.type ?? '')) type = this.memberDecl(expr, this.ctx.text(this.ctx.field(expr, 'name')!))?.type ?? null;
    if (type?.type !== 'generic_name' || this.ctx.text(type.namedChild(0)!) !== 'Lazy') return undefined;
    const inner = namedKids(type).find((k) => k.type === 'type_argument_list')?.namedChild(0);
    const v = inner ? this.typeValue(inner) : OTHER;
    return v.t === 'cs' ? v : undefined;
  }

  private declValue(d: Decl): CsValue {
    if (d.lambda) return this.lambdaParamValue(d.lambda, d);
    if (d.type && d.type.type !== 'implicit_type') {
      const tv = this.typeValue(d.type);
      if (tv.t !== 'unknown' && !d.element) return tv;
    }
    if (!d.value) return UNKNOWN;
    const v = this.valueOf(d.value);
    if (!d.element) return v;
    return v.t === 'cs' && v.role === 'server-seq' ? se('server', v.strength) : v.t === 'cs' ? OTHER : v;
  }

  /** A lambda parameter without a type: an element of a sequence of servers, or the pipeline of `StartPipe(p => ...)`. */
  private lambdaParamValue(lambda: Node, d: Decl): CsValue {
    if (d.type) {
      const tv = this.typeValue(d.type);
      if (tv.t !== 'unknown') return tv;
    }
    const arg = this.ctx.parentOf(lambda);
    const list = arg?.type === 'argument' ? this.ctx.parentOf(arg) : null;
    const call = list?.type === 'argument_list' ? this.ctx.parentOf(list) : null;
    const fn = call?.type === 'invocation_expression' ? this.ctx.field(call, 'function') : null;
    if (fn?.type !== 'member_access_expression') return UNKNOWN;
    const method = this.ctx.text(this.ctx.field(fn, 'name')!).replace(/<.*$/s, '');
    // Moq: `mock.Setup(d => d.StringSetAsync(...))`, `mock.Verify(d => ..., Times.Once)`.
    if (/^(?:Setup|SetupSequence|SetupGet|Verify|VerifySet|Callback|Returns|When)$/.test(method)) return OTHER;
    const ov = this.valueOf(this.ctx.field(fn, 'expression')!);
    if (ov.t !== 'cs') return UNKNOWN;
    if (ov.role === 'server-seq' && SEQ_EACH.has(method)) return se('server', ov.strength);
    const cb = CALLBACK_METHODS[method];
    if (cb && (ov.role === 'client' || ov.role === 'pipeline') && ov.lib !== 'stackexchange') return { ...ov, role: cb };
    return OTHER;
  }

  private typeValue(type: Node): CsValue {
    let t: Node | null = type;
    if (t.type === 'nullable_type') t = t.namedChild(0);
    if (!t) return OTHER;
    if (t.type === 'generic_name') {
      // ServiceStack's typed client `IRedisTypedClient<T>`.
      const name = t.namedChild(0) ? this.ctx.text(t.namedChild(0)!) : '';
      if (name === 'IRedisTypedClient') return { t: 'cs', lib: 'servicestack', role: 'client', strength: 'weak' };
      // `IEnumerable<IServer> _servers`, `List<IServer>`: a sequence of servers (`foreach (var server in _servers)`).
      const arg = namedKids(t).find((k) => k.type === 'type_argument_list')?.namedChild(0);
      const inner = arg && /^(?:IEnumerable|ICollection|IList|IReadOnlyList|IReadOnlyCollection|List|ImmutableArray)$/.test(name) ? this.typeValue(arg) : OTHER;
      return inner.t === 'cs' && inner.role === 'server' ? { ...inner, role: 'server-seq' } : OTHER;
    }
    if (t.type === 'array_type') {
      const el = this.ctx.field(t, 'type');
      const inner = el ? this.typeValue(el) : OTHER;
      return inner.t === 'cs' && inner.role === 'server' ? { ...inner, role: 'server-seq' } : OTHER;
    }
    const text = this.ctx.text(t).replace(/\s+/g, '');
    const simple = text.replace(/^(global::)?StackExchange\.Redis\./, '');
    const role = SE_TYPES[simple];
    // Without the `using` (an excerpt, a global using elsewhere), these names are still StackExchange.Redis's.
    if (role) return se(role, simple !== text || this.seImported() ? 'strong' : 'weak');
    const dot = text.lastIndexOf('.');
    const ns = dot >= 0 ? text.slice(0, dot).replace(/^global::/, '') : undefined;
    const other = OTHER_TYPES[dot >= 0 ? text.slice(dot + 1) : text];
    if (!other) return this.ctx.project?.isClientClass(dot >= 0 ? text.slice(dot + 1) : text) ? PROJECT_CLIENT : OTHER;
    const namespaces = ns !== undefined ? [ns] : [...this.usedNamespaces()].filter((u) => other.ns.test(u));
    let lib = other.lib;
    if (lib === 'unknown' && namespaces.length === 1) lib = namespaces[0] === 'FreeRedis' ? 'freeredis' : 'servicestack';
    if (ns !== undefined && !other.ns.test(ns)) return OTHER;
    return { t: 'cs', lib, role: other.role, strength: namespaces.length ? 'strong' : 'weak' };
  }

  // ---- scopes ----------------------------------------------------------------------------------

  private lookup(name: string, at: Node): Decl | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i]!;
      if (!SCOPE_TYPES.has(this.ctx.typeOf(s))) continue;
      const d = this.declsOf(s).get(name);
      if (d) return d;
    }
    return undefined;
  }

  private memberDecl(at: Node, name: string): Decl | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) if (this.ctx.typeOf(chain[i]!) === 'declaration_list') return this.declsOf(chain[i]!).get(name);
    return undefined;
  }

  /** A method of the enclosing class (or classes) by name. */
  private methodDecl(at: Node, name: string): Node | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      if (this.ctx.typeOf(chain[i]!) !== 'declaration_list') continue;
      const m = namedKids(chain[i]!).find((k) => k.type === 'method_declaration' && this.ctx.field(k, 'name') && this.ctx.text(this.ctx.field(k, 'name')!) === name);
      if (m) return m;
    }
    return undefined;
  }

  private declsOf(scope: Node): Map<string, Decl> {
    return this.ctx.memo('cs.decls', scope.id, () => {
      const decls = new Map<string, Decl>();
      const addVariables = (vd: Node) => {
        const type = this.ctx.field(vd, 'type');
        for (const d of namedKids(vd)) {
          if (d.type !== 'variable_declarator') continue;
          const name = this.ctx.field(d, 'name') ?? d.namedChild(0);
          const value = namedKids(d).find((k) => k.id !== name?.id && k.type !== 'bracketed_argument_list');
          const init = value?.type === 'equals_value_clause' ? value.namedChild(0) : value;
          if (name && !decls.has(this.ctx.text(name))) decls.set(this.ctx.text(name), { type, value: init ?? null });
        }
      };
      const params = this.ctx.field(scope, 'parameters');
      if (FUNCTION_TYPES.has(scope.type) && params) {
        const lambda = scope.type === 'lambda_expression' ? scope : undefined;
        let index = 0;
        for (const p of params.type === 'identifier' || params.type === 'implicit_parameter' ? [params] : namedKids(params)) {
          const name = p.type === 'identifier' || p.type === 'implicit_parameter' ? p : this.ctx.field(p, 'name');
          const type = p.type === 'identifier' || p.type === 'implicit_parameter' ? null : this.ctx.field(p, 'type');
          if (name) decls.set(this.ctx.text(name), lambda ? { type, value: null, lambda } : { type, value: null, param: { fn: scope, index } });
          if (p.type === 'parameter') index++;
        }
      }
      if (scope.type === 'foreach_statement') {
        const left = this.ctx.field(scope, 'left');
        if (left?.type === 'identifier') decls.set(this.ctx.text(left), { type: this.ctx.field(scope, 'type'), value: this.ctx.field(scope, 'right'), element: true });
      }
      for (const st of namedKids(scope)) {
        if (st.type === 'local_declaration_statement' || st.type === 'field_declaration' || st.type === 'event_field_declaration') {
          const vd = namedKids(st).find((k) => k.type === 'variable_declaration');
          if (vd) addVariables(vd);
        } else if (st.type === 'property_declaration') {
          const name = this.ctx.field(st, 'name');
          if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(st, 'type'), value: this.ctx.field(st, 'value') });
        } else if (st.type === 'variable_declaration') addVariables(st);
      }
      if (scope.type === 'declaration_list') this.addPrimaryConstructor(scope, decls);
      return decls;
    }, new Map<string, Decl>());
  }

  /** C# 12 primary constructors: `class Store(IDatabase db) { ... db.StringSet(...) }`. */
  private addPrimaryConstructor(body: Node, decls: Map<string, Decl>): void {
    const cls = this.ctx.parentOf(body);
    const params = cls ? namedKids(cls).find((k) => k.type === 'parameter_list') : undefined;
    for (const p of params ? namedKids(params) : []) {
      const name = this.ctx.field(p, 'name');
      if (name && !decls.has(this.ctx.text(name))) decls.set(this.ctx.text(name), { type: this.ctx.field(p, 'type'), value: null });
    }
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) !== 'argument_list') continue;
      const call = chain[i - 1];
      const fn = call?.childForFieldName('function');
      if (call?.type !== 'invocation_expression' || fn?.type !== 'member_access_expression') return undefined;
      const method = this.ctx.text(this.ctx.field(fn, 'name')!);
      if (!['Connect', 'ConnectAsync'].includes(method) || this.ctx.text(this.ctx.field(fn, 'expression')!) !== 'ConnectionMultiplexer' || !this.seImported()) return undefined;
      const literal = namedKids(n).flatMap((a) => a.descendantsOfType(['string_literal_content', 'interpolated_string_text', 'string_content'])).filter((s) => s !== null);
      if (literal.some((s) => /serviceName\s*=/i.test(this.ctx.text(s)))) return undefined;
      return { node: call, range: rangeOf(call), lib: 'stackexchange', evidence: /26379/.test(this.ctx.text(hit)) ? 'port 26379' : `\`${/[\w.]*sentinel[\w.]*/i.exec(this.ctx.text(hit))?.[0] ?? 'sentinel'}\`` };
    }
    return undefined;
  }

  canonicalKey(node: Node): string {
    if (node.type === 'identifier') {
      const d = this.lookup(this.ctx.text(node), node);
      if (d?.value && d.value.type !== 'identifier') return this.ctx.text(d.value).replace(/\s+/g, '');
    }
    return this.ctx.text(node).replace(/\s+/g, '');
  }

}

/**
 * A call of a wrapper that passes more than the key and a value (`Set(key, value, ttl)`) may reach
 * an overload that takes a TTL: not reported.
 */
function passesMoreThanKeyAndValue(site: CallSite, d: OpDraft): boolean {
  const index = site.args.findIndex((a) => a.node.id === d.keys[0]?.id);
  return index >= 0 && (d.cls === 'string-write' || d.cls === 'counter') && site.args.length > index + 2;
}

/** Container lookups that return an instance of their type argument: `sp.GetRequiredService<IRedisService>()`, Autofac's `c.Resolve<RedisService>()`. */
const DI_LOOKUPS = new Set(['GetRequiredService', 'GetService', 'Resolve', 'ResolveNamed', 'ResolveKeyed', 'GetRequiredKeyedService', 'GetKeyedService']);

/** The type argument of a container lookup (`c.Resolve<RedisService>()`). */
function diType(ctx: FileContext, value: Node): Node | undefined {
  const call = value.type === 'await_expression' ? value.lastNamedChild : value;
  const fn = call?.type === 'invocation_expression' ? ctx.field(call, 'function') : null;
  const name = fn?.type === 'member_access_expression' ? ctx.field(fn, 'name') : null;
  if (name?.type !== 'generic_name' || !DI_LOOKUPS.has(ctx.text(name.namedChild(0)!))) return undefined;
  return namedKids(name).find((k) => k.type === 'type_argument_list')?.namedChild(0) ?? undefined;
}

/** The file's `using` directives, in text order. */
export function usingDirectives(ctx: FileContext): Node[] {
  return ctx.memo('cs.usings', 0, () => ctx.spelled(/\busing\b/g).map((kw) => ctx.parentOf(kw)).filter((u): u is Node => u?.type === 'using_directive'), []);
}
