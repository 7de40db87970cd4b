import type { Node } from '@vscode/tree-sitter-wasm';
import { knownType, methodResult, redissonCommand, redissonResult, setParamsTtlSteps, springCommand, typeBySimpleName, type JavaKind } from '../clients/java';
import { isClientName } from '../clients/naming';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import type { CallSite, ClientRef, SentinelMisuse, Ttl } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf, wordOf } from './tree';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression']);
const STRING_TYPES = new Set(['string_literal']);
/** Names resolve through lexical scopes, fields, imports and method return types: nothing in a method body is seen from outside it, nothing in a class body from outside the class. */
const LOCALITY: Locality = {
  bodies: new Set(['block', 'constructor_body']),
  containers: new Set(['program', 'class_body', 'interface_body', 'block', 'constructor_body']),
  exported: {},
  exportedFields: ['name', 'type'],
  classes: new Set(['class_declaration', 'record_declaration', 'enum_declaration', 'interface_declaration']),
};
const SCOPE_TYPES = new Set([
  ...FUNCTION_TYPES,
  'block',
  'constructor_body',
  'class_body',
  'try_with_resources_statement',
  'for_statement',
  'enhanced_for_statement',
  'catch_clause',
  'switch_block_statement_group',
  'program',
]);

export const javaCallWords = [
  ...Object.keys(methodCommands),
  'flushDB',
  'setIfAbsent',
  'multiSet',
  'multiSetIfAbsent',
  'getAndSet',
  'increment',
  'decrement',
  'put',
  'putAll',
  'putIfAbsent',
  'leftPush',
  'rightPush',
  'leftPushAll',
  'rightPushAll',
  'add',
  'incrementScore',
  'sendCommand',
  'dispatch',
  'execute',
  'eval',
  'evalWriteAsync',
  'evalReadAsync',
  'evalWrite',
  'evalRead',
  'DefaultRedisScript',
  'of',
  'setScriptText',
  'customCommand',
  'incrementAndGet',
  'getAndIncrement',
  'decrementAndGet',
  'getAndDecrement',
  'addAndGet',
  'getAndAdd',
  'trySet',
  'getKeysByPattern',
  'findKeysByPattern',
  'getKeysStreamByPattern',
  'expireAt',
  ...['set', 'trySet', 'setIfAbsent', 'getAndSet', 'expire', 'incrementAndGet', 'getAndIncrement', 'addAndGet', 'getAndAdd', 'decrementAndGet'].map((m) => `${m}Async`),
  'setNX',
  'setEx',
  'incrBy',
  'mSet',
];

/** `key`: the key a Redisson object stands for (the argument of `getBucket(key)`). */
const MOCK = /\b(?:mock|spy)\s*\(\s*(?:Jedis|JedisPooled|UnifiedJedis|JedisCluster|JedisPool|RedisTemplate|StringRedisTemplate|ValueOperations|RedisCommands|RedissonClient|RBucket|RAtomicLong|GlideClient)\.class\s*\)|@Mock(?:Bean)?\b[^;]*\b(?:Jedis|JedisPooled|UnifiedJedis|JedisPool|RedisTemplate|StringRedisTemplate|ValueOperations|RedisCommands|RedissonClient|RBucket|RAtomicLong|GlideClient)\b/;

type JValue = { t: 'kind'; kind: JavaKind; strength: 'strong' | 'weak'; key?: Node; bound?: boolean } | { t: 'other' } | { t: 'unknown' };
const BOUND_OPS: Record<string, JavaKind['role'] | undefined> = { boundValueOps: 'value-ops', boundHashOps: 'hash-ops', boundListOps: 'list-ops', boundSetOps: 'set-ops', boundZSetOps: 'zset-ops' };
const UNKNOWN: JValue = { t: 'unknown' };
/** A client another file of the project exports: its methods are named after the commands (Jedis-like). */
const PROJECT_CLIENT: JValue = { t: 'kind', kind: { lib: 'unknown', role: 'client' }, strength: 'weak' };
const OTHER: JValue = { t: 'other' };

/** `lambda`: a parameter (without a type) of that lambda. */
type Decl = { type: Node | null; value: Node | null; lambda?: Node; param?: { fn: Node; index: number } };

/** Methods that send EXPIRE (a TTL helper sends one on its key parameter). */
const TTL_WORDS = /\b(?:expire|expireAt|pexpire|pExpire|pexpireAt|expireAsync|expireAtAsync)\b/g;
/** Write commands a wrapper may send on its key parameter (Jedis/Lettuce names and Spring's). */
const WRAPPER_WORDS = wrapperWords([
  ...Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
  'setIfAbsent',
  'increment',
  'decrement',
  'getAndSet',
  'multiSet',
  'put',
  'putAll',
  'leftPush',
  'rightPush',
  'add',
  'incrementAndGet',
  'addAndGet',
  'trySet',
]);

export function createJavaAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new JavaAdapter(ctx);
}

function combine(values: readonly JValue[]): JValue {
  return values.find((v) => v.t === 'kind') ?? values.find((v) => v.t === 'unknown') ?? values[0] ?? UNKNOWN;
}

class JavaAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'identifier' && token.type !== 'type_identifier') return undefined;
    const parent = this.ctx.parentOf(token);
    if (parent?.type === 'method_invocation' && this.ctx.field(parent, 'name')?.id === token.id) {
      const argsNode = this.ctx.field(parent, 'arguments');
      return { call: parent, nameNode: token, name: this.ctx.text(token), receiver: this.ctx.field(parent, 'object'), args: argsNode ? namedKids(argsNode).map((n) => ({ node: n })) : [], argsNode };
    }
    // `new DefaultRedisScript<>(script, Long.class)`
    const creation = parent?.type === 'generic_type' ? this.ctx.parentOf(parent) : parent;
    if (creation?.type === 'object_creation_expression') {
      const argsNode = this.ctx.field(creation, 'arguments');
      return { call: creation, nameNode: token, name: this.ctx.text(token), receiver: null, args: argsNode ? namedKids(argsNode).map((n) => ({ node: n })) : [], argsNode };
    }
    return undefined;
  }

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.call.type !== 'method_invocation' || this.mocksClients(site.call)) return [];
    if (site.receiver && this.valueOf(site.receiver).t === 'kind') return [];
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
    const names = (params ? namedKids(params) : []).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter').map((p) => (this.ctx.field(p, 'name') ? this.ctx.text(this.ctx.field(p, 'name')!) : ''));
    return owner ? { name, owner, params: names } : { name, params: names };
  }

  /** The name of the class, interface or enum declaring `n`. */
  private ownerOf(n: Node): string | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) {
      const t = this.ctx.typeOf(chain[i]!);
      if (LOCALITY.classes!.has(t)) {
        const name = this.ctx.field(chain[i]!, 'name');
        return name ? this.ctx.text(name) : undefined;
      }
    }
    return undefined;
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    return site.receiver === null && this.methodDecl(site.call, site.name)?.id === fn.id;
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (r.type === 'this') return this.ownerOf(r);
    const v = this.valueOf(r);
    if (v.t === 'kind') return null;
    let type: Node | null = null;
    if (r.type === 'identifier') type = this.lookup(this.ctx.text(r), r)?.type ?? null;
    else if (r.type === 'field_access' && this.ctx.field(r, 'object')?.type === 'this') type = this.fieldDecl(r, this.ctx.text(this.ctx.field(r, 'field')!))?.type ?? null;
    else if (r.type === 'object_creation_expression') type = this.ctx.field(r, 'type');
    else if (r.type === 'method_invocation') type = beanClass(this.ctx, r);
    if (type?.type === 'generic_type') type = type.namedChild(0);
    if (type?.type === 'type_identifier') return this.ctx.text(type);
    if (type?.type === 'scoped_type_identifier') return this.ctx.text(type).replace(/^.*\./, '');
    if (r.type === 'identifier' && /^[A-Z]/.test(this.ctx.text(r)) && !this.lookup(this.ctx.text(r), r)) return this.ctx.text(r);
    return v.t === 'other' ? null : undefined;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  /** The interfaces the class declaring `fn` implements, with the package each comes from (an import, else the file's own). */
  private interfacesOf(fn: Node, pkg: string | undefined): [string, string | undefined][] {
    const cls = this.ctx.ancestors(fn).find((n) => this.ctx.typeOf(n) === 'class_declaration');
    const list = cls ? this.ctx.field(cls, 'interfaces') : null;
    if (!list) return [];
    const { explicit } = this.imports();
    const out: [string, string | undefined][] = [];
    for (const t of list.descendantsOfType('type_identifier')) {
      if (!t || this.ctx.parentOf(t)?.type === 'type_arguments') continue;
      const name = this.ctx.text(t);
      if (name !== this.ctx.text(this.ctx.field(cls!, 'name')!)) out.push([name, explicit.get(name) ?? pkg]);
    }
    return out;
  }

  // ---- project summary ---------------------------------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    const { explicit, wildcard } = this.imports();
    for (const [name, pkg] of explicit) out.imports.push({ from: `${pkg}.${name}`, names: { [name]: name } });
    for (const w of wildcard) out.imports.push({ from: w, names: { '*': '*' } });
    const pkg = namedKids(this.ctx.root).find((k) => k.type === 'package_declaration');
    const pkgName = pkg ? namedKids(pkg).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier') : undefined;
    if (pkgName) out.namespace = this.ctx.text(pkgName);
    for (const w of localWrappers(this, WRAPPER_WORDS)) {
      out.wrappers.push(exportOf(w));
      // `class RedisServiceImpl implements RedisService`: callers hold the interface.
      for (const [iface, ns] of w.owner !== undefined ? this.interfacesOf(w.fn, out.namespace) : []) out.wrappers.push({ ...exportOf(w), owner: iface, ...(ns !== undefined ? { ownerNs: ns } : {}) });
    }
    const isClient = (type: Node | null): boolean => {
      if (!type) return false;
      const v = this.typeValue(type);
      return v.t === 'kind' && (isCommandRole(v.kind.role) || ['pool', 'lettuce-client', 'redisson', 'connection-factory'].includes(v.kind.role));
    };
    for (const kw of this.ctx.spelled(/\b(?:class|interface)\b/g)) {
      const cls = this.ctx.parentOf(kw);
      if (cls?.type !== 'class_declaration' && cls?.type !== 'interface_declaration') continue;
      const name = this.ctx.field(cls, 'name');
      if (!name) continue;
      const owner = this.ctx.text(name);
      const sup = this.ctx.field(cls, 'superclass');
      const supType = sup ? namedKids(sup)[0] ?? null : null;
      if (supType && isClient(supType)) out.clients.push({ name: owner, kind: 'class', line: cls.startPosition.row });
      const body = this.ctx.field(cls, 'body');
      for (const m of body ? namedKids(body) : []) {
        if (m.type === 'field_declaration' && isClient(this.ctx.field(m, 'type'))) {
          for (const d of m.childrenForFieldName('declarator')) {
            const fname = d?.childForFieldName('name');
            if (fname) out.clients.push({ name: this.ctx.text(fname), kind: 'field', owner, line: m.startPosition.row });
          }
        } else if (m.type === 'method_declaration' && isClient(this.ctx.field(m, 'type'))) {
          out.clients.push({ name: this.ctx.text(this.ctx.field(m, 'name')!), kind: 'factory', owner, line: m.startPosition.row });
        }
      }
    }
    out.ttlHelpers.push(...ttlHelpers(this, TTL_WORDS));
    return out;
  }

  clientOps(site: CallSite): OpDraft[] {
    if (site.call.type === 'object_creation_expression') {
      if (site.name !== 'DefaultRedisScript' || !this.isImported('org.springframework.data.redis.core.script', 'DefaultRedisScript')) return [];
      return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), { lib: 'spring', role: 'client', strength: 'strong' });
    }
    if (!site.receiver) return [];
    if ((site.name === 'of' || site.name === 'setScriptText') && this.isSpringScript(site)) {
      return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), { lib: 'spring', role: 'client', strength: 'strong' });
    }
    if (this.mocksClients(site.call) || this.isTestDouble(site.receiver)) return [];
    const v = this.valueOf(site.receiver);
    const split = site.receiver.type === 'method_invocation' || site.receiver.startPosition.row !== site.nameNode.startPosition.row;
    const range = split ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call);
    if (v.t === 'kind' && v.kind.lib === 'redisson') return this.redissonOps(site, v, range);
    let client: ClientRef | undefined;
    if (v.t === 'kind' && isCommandRole(v.kind.role)) client = { lib: v.kind.lib, role: v.kind.role as ClientRef['role'], strength: v.strength };
    // Jedis 6's RedisClient (Lettuce's has no command methods).
    else if (v.t === 'kind' && v.kind.role === 'lettuce-client' && v.kind.lib === 'unknown') client = { lib: 'jedis', role: 'client', strength: 'weak' };
    else if (v.t === 'unknown' && isClientName(this.nameOf(site.receiver))) client = { lib: 'unknown', role: 'client', strength: 'weak' };
    if (!client) {
      // A Lua script sent through an executor the engine does not know (`commandExecutor.evalWriteAsync(..., "local keys = redis.call('keys', ARGV[1]) ...")`).
      if (/^eval/.test(site.name)) {
        const literals = site.args.flatMap((a) => this.scriptLiterals(a.node)).filter((l) => /redis\.p?call\s*\(/.test(this.ctx.text(l)));
        if (literals.length) return scriptOps(this.ctx, literals, { lib: 'unknown', role: 'client', strength: 'weak' });
      }
      return [];
    }
    const base = { node: site.call, range, offset: site.nameNode.startIndex, client, site };
    if (site.name === 'customCommand') {
      const arr = site.args[0]?.node;
      const init = arr?.type === 'array_creation_expression' ? namedKids(arr).find((k) => k.type === 'array_initializer') : arr?.type === 'array_initializer' ? arr : undefined;
      const tokens: Token[] = (init ? namedKids(init) : site.args.map((a) => a.node)).map((n) => ({ node: n, ...this.tokenOf(n) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (site.name === 'sendCommand' || site.name === 'dispatch' || (site.name === 'execute' && client.role === 'connection')) {
      const tokens: Token[] = site.args.map((a) => ({ node: a.node, ...this.tokenOf(a.node) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (site.name === 'eval') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    const info = client.lib === 'spring' ? springCommand(client.role, site.name) : methodCommands[normalizeMethod(site.name)];
    if (!info) return [];
    if (v.t === 'kind' && v.bound) {
      // `boundValueOps(key).set(value[, timeout, unit | Duration])`, `.increment()`: the key is the bound one.
      const boundTtl: Ttl = info.cls === 'string-write' ? (info.command === 'SET' || info.command === 'SETNX' ? (site.args.length >= 2 ? 'yes' : 'no') : 'no') : 'no';
      return [{ ...base, command: info.command, cls: info.cls, keys: v.key ? [v.key] : [], ttl: boundTtl, via: 'method' }];
    }
    const keys = info.keyValuePairs ? [] : site.args[0] ? [site.args[0].node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info, client) : info.alwaysTtl ? 'yes' : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /** Redisson `RBucket.set(v)` (no TTL) / `set(v, 10, SECONDS)`, `RAtomicLong.incrementAndGet()`, `RKeys.getKeysByPattern(p)`: the key is the object's name. */
  private redissonOps(site: CallSite, v: Extract<JValue, { t: 'kind' }>, range: OpDraft['range']): OpDraft[] {
    const info = redissonCommand(v.kind.role, site.name);
    if (!info) return [];
    const client: ClientRef = { lib: 'redisson', role: 'client', strength: v.strength };
    const keys = v.key ? [v.key] : [];
    const ttl: Ttl = info.cls === 'string-write' ? (site.args.length > 1 ? 'yes' : 'no') : 'no';
    return [{ node: site.call, range, offset: site.nameNode.startIndex, client, site, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /**
   * A test that mocks the client types: its calls stub or verify a double, they send nothing. Told
   * by the function around the call and the fields of its classes (what an edit elsewhere cannot change).
   */
  private mocksClients(at: Node): boolean {
    const chain = this.ctx.ancestors(at);
    // `when(jedis.get("k")).thenReturn(...)`, `given(template.keys("*"))`: a stub, whatever the receiver is.
    const up = chain[chain.length - 1];
    const stub = up?.type === 'argument_list' ? chain[chain.length - 2] : undefined;
    if (stub?.type === 'method_invocation' && /^(?:when|given|doReturn|verify)$/.test(this.ctx.text(this.ctx.field(stub, 'name')!))) return true;
    const fn = chain.find((n) => FUNCTION_TYPES.has(this.ctx.typeOf(n)));
    if (fn && this.ctx.memo('java.mocks', fn.id, () => MOCK.test(this.ctx.text(fn)), false)) return true;
    return chain.some((n) => this.ctx.typeOf(n) === 'class_body' && this.ctx.memo('java.mockFields', n.id, () => namedKids(n).some((m) => ['field_declaration'].includes(m.type) && MOCK.test(this.ctx.text(m))), false));
  }


  /**
   * A receiver the code assigns an in-memory double to (`j = new MockJedis("test")`, `new FakeRedisTemplate()`),
   * whatever type it is declared with: nothing it is sent reaches a server.
   */
  private isTestDouble(r: Node): boolean {
    const name = r.type === 'identifier' ? this.ctx.text(r) : r.type === 'field_access' && this.ctx.field(r, 'object')?.type === 'this' ? this.ctx.text(this.ctx.field(r, 'field')!) : undefined;
    if (!name) return false;
    const body = this.ctx.ancestors(r).find((n) => this.ctx.typeOf(n) === 'class_body');
    if (!body) return false;
    return this.ctx.memo('java.doubles', body.id, () => {
      const out = new Set<string>();
      const re = /\b(\w+)\s*=\s*new\s+(?:Mock|Fake|Stub|Dummy|InMemory)\w*\s*[(<]/g;
      const text = this.ctx.text(body);
      for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]!);
      return out;
    }, new Set<string>()).has(name);
  }

  /** Jedis `set(k, v, SetParams...)`, Lettuce `set(k, v, SetArgs...)`, Spring `set(k, v, Duration)` / `set(k, v, 5, MINUTES)`. */
  private setTtl(site: CallSite, info: CommandInfo, client: ClientRef): Ttl {
    if (info.alwaysTtl) return 'yes';
    const n = site.args.length;
    if (client.lib === 'spring') {
      if (client.role === 'connection') return info.command === 'SET' && n >= 3 ? 'yes' : 'no';
      // A timeout held in a variable or parameter may be zero or negative (no expiry): not known.
      if (info.command === 'SET' || info.command === 'SETNX') return n >= 3 ? ((n === 3 && this.isNumber(site.args[2]!.node)) || site.args[2]!.node.type === 'identifier' ? 'unknown' : 'yes') : 'no';
      return 'no';
    }
    if (client.lib === 'glide-java') {
      if (info.command !== 'SET' || n <= 2) return 'no';
      const options = this.resolveLocal(site.args[2]!.node);
      if (!options) return 'unknown';
      return /\bexpiry\b|Expiry\.|KEEP_EXISTING|KeepExisting/.test(this.ctx.text(options)) ? 'yes' : options.type === 'method_invocation' ? 'no' : 'unknown';
    }
    if (info.command !== 'SET') return 'no';
    if (n <= 2) return 'no';
    const params = this.resolveLocal(site.args[2]!.node);
    if (!params) return 'unknown';
    const steps = [params, ...params.descendantsOfType('method_invocation').filter((m): m is Node => m !== null)]
      .filter((m) => m.type === 'method_invocation')
      .map((m) => this.ctx.text(this.ctx.field(m, 'name')!));
    // `xx()`: only overwrites a key that exists (and creates none).
    if (steps.some((s) => setParamsTtlSteps.has(s) || s === 'xx')) return 'yes';
    return steps.length ? 'no' : 'unknown';
  }

  private isNumber(n: Node): boolean {
    return n.type.endsWith('integer_literal') || n.type === 'decimal_floating_point_literal';
  }

  /** The expression a local variable was initialised with (one level), or the node itself. */
  private resolveLocal(n: Node): Node | undefined {
    if (n.type !== 'identifier') return n;
    const d = this.lookup(this.ctx.text(n), n);
    return d?.value ?? undefined;
  }

  private tokenOf(n: Node): { literal?: string } {
    if (n.type === 'string_literal') return { literal: this.ctx.text(n).replace(/^"|"$/g, '') };
    if (n.type === 'decimal_integer_literal') return { literal: this.ctx.text(n) };
    // Protocol.Command.KEYS, CommandType.KEYS, Command.SET
    if (n.type === 'field_access' || n.type === 'identifier') {
      const last = n.type === 'field_access' ? this.ctx.field(n, 'field') : n;
      const text = last ? this.ctx.text(last) : '';
      if (/^[A-Z]+$/.test(text)) return { literal: text };
    }
    return {};
  }

  private isSpringScript(site: CallSite): boolean {
    if (site.name === 'of') return site.receiver?.type === 'identifier' && this.ctx.text(site.receiver) === 'RedisScript' && this.isImported('org.springframework.data.redis.core.script', 'RedisScript');
    const v = site.receiver ? this.lookupType(site.receiver) : undefined;
    return v !== undefined && /RedisScript/.test(v) && this.isImported('org.springframework.data.redis.core.script', 'DefaultRedisScript');
  }

  private lookupType(n: Node): string | undefined {
    if (n.type !== 'identifier') return undefined;
    const d = this.lookup(this.ctx.text(n), n);
    return d?.type ? this.ctx.text(d.type) : d?.value ? this.ctx.text(d.value) : undefined;
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 32) return [];
    if (node.type === 'string_literal') return [node];
    if (node.type === 'binary_expression') return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
    if (node.type === 'identifier') {
      const d = this.lookup(this.ctx.text(node), node);
      return d?.value ? this.scriptLiterals(d.value, depth + 1) : [];
    }
    return [];
  }

  // ---- values ----------------------------------------------------------------------------------

  private nameOf(n: Node): string | undefined {
    if (n.type === 'identifier') return this.ctx.text(n);
    if (n.type === 'field_access') return this.ctx.text(this.ctx.field(n, 'field')!);
    return undefined;
  }

  private valueOf(n: Node): JValue {
    return this.ctx.memo('java.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): JValue {
    this.ctx.deadline.tick();
    switch (n.type) {
      case 'identifier': {
        const d = this.lookup(this.ctx.text(n), n);
        if (d) return this.declValue(d);
        if (this.ctx.project?.isClientValue(this.ctx.text(n))) return PROJECT_CLIENT;
        return byHolderName(this.ctx.text(n)) ?? UNKNOWN;
      }
      case 'field_access': {
        const obj = this.ctx.field(n, 'object');
        // `RedisConfig.JEDIS`: a static field another file of the project holds a client in.
        if (obj?.type === 'identifier' && this.ctx.project?.isClientValue(this.ctx.text(this.ctx.field(n, 'field')!))) return PROJECT_CLIENT;
        if (obj?.type !== 'this') return UNKNOWN;
        const d = this.fieldDecl(n, this.ctx.text(this.ctx.field(n, 'field')!));
        return d ? this.declValue(d) : (byHolderName(this.ctx.text(this.ctx.field(n, 'field')!)) ?? UNKNOWN);
      }
      case 'method_invocation': {
        const obj = this.ctx.field(n, 'object');
        const name = this.ctx.text(this.ctx.field(n, 'name')!);
        if (!obj) {
          const m = this.methodDecl(n, name);
          if (m?.childForFieldName('type')) return this.typeValue(this.ctx.field(m, 'type')!);
          return this.ctx.project?.isClientFactory(name) ? PROJECT_CLIENT : UNKNOWN;
        }
        // static factories: RedisClient.create(...), Redisson.create(config)
        if (obj.type === 'identifier' && name === 'create') {
          const t = this.resolveTypeName(this.ctx.text(obj));
          if (t?.role === 'lettuce-client') return { t: 'kind', kind: t, strength: 'strong' };
          if (t?.role === 'redisson-class') return { t: 'kind', kind: { lib: 'redisson', role: 'redisson' }, strength: 'strong' };
        }
        const ov = this.valueOf(obj);
        if (ov.t === 'kind') {
          // Spring `boundValueOps(key)` / `boundHashOps(key)`...: operations on one key.
          const bound = ov.kind.lib === 'spring' && ov.kind.role === 'template' ? BOUND_OPS[name] : undefined;
          if (bound) {
            const key = this.ctx.field(n, 'arguments')?.namedChild(0) ?? undefined;
            return { t: 'kind', kind: { lib: 'spring', role: bound }, strength: ov.strength, bound: true, ...(key ? { key } : {}) };
          }
          const rk = redissonResult(ov.kind, name);
          if (rk) {
            const key = this.ctx.field(n, 'arguments')?.namedChild(0) ?? undefined;
            return { t: 'kind', kind: rk, strength: ov.strength, ...(key ? { key } : {}) };
          }
          if (ov.kind.role === 'lettuce-client' && ov.kind.lib === 'unknown') return name === 'connect' ? { t: 'kind', kind: { lib: 'lettuce', role: 'connection' }, strength: 'weak' } : OTHER;
          const r = methodResult(ov.kind, name);
          return r ? { t: 'kind', kind: r, strength: ov.strength } : OTHER;
        }
        if (ov.t === 'unknown' && isClientName(this.nameOf(obj))) {
          const r = methodResult({ lib: 'jedis', role: 'client' }, name);
          if (r) return { t: 'kind', kind: { lib: 'unknown', role: r.role }, strength: 'weak' };
        }
        return UNKNOWN;
      }
      case 'object_creation_expression': {
        const type = this.ctx.field(n, 'type');
        return type ? this.typeValue(type) : OTHER;
      }
      case 'cast_expression':
        return this.ctx.field(n, 'type') ? this.typeValue(this.ctx.field(n, 'type')!) : UNKNOWN;
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0)!) : UNKNOWN;
      case 'ternary_expression':
        return combine([this.valueOf(this.ctx.field(n, 'consequence')!), this.valueOf(this.ctx.field(n, 'alternative')!)]);
      default:
        return n.type.endsWith('literal') || n.type === 'lambda_expression' || n.type === 'array_creation_expression' ? OTHER : UNKNOWN;
    }
  }

  private declValue(d: Decl): JValue {
    if (d.type && this.ctx.text(d.type) !== 'var') {
      const tv = this.typeValue(d.type);
      // `RBucket<String> b = redisson.getBucket(key)`: the value knows the key.
      if (tv.t === 'kind' && tv.kind.lib === 'redisson' && d.value) {
        const vv = this.valueOf(d.value);
        if (vv.t === 'kind' && vv.key) return vv;
      }
      return tv;
    }
    if (d.lambda) return this.lambdaParamValue(d.lambda);
    return d.value ? this.valueOf(d.value) : UNKNOWN;
  }

  /** `connection` of `redisTemplate.execute((RedisCallback<...>) connection -> ...)` / `executePipelined(...)`. */
  private lambdaParamValue(lambda: Node): JValue {
    let up = this.ctx.parentOf(lambda);
    if (up?.type === 'cast_expression' || up?.type === 'parenthesized_expression') up = this.ctx.parentOf(up);
    const call = up?.type === 'argument_list' ? this.ctx.parentOf(up) : null;
    if (call?.type !== 'method_invocation') return UNKNOWN;
    const name = this.ctx.text(this.ctx.field(call, 'name')!);
    const obj = this.ctx.field(call, 'object');
    // `Optional.ofNullable(redisTemplate).map(template -> template.keys(p))`
    if (obj?.type === 'method_invocation' && ['map', 'flatMap', 'ifPresent', 'filter', 'ifPresentOrElse'].includes(name)) {
      const inner = this.ctx.text(this.ctx.field(obj, 'name')!);
      const of = this.ctx.field(obj, 'object');
      const arg = this.ctx.field(obj, 'arguments')?.namedChild(0);
      if ((inner === 'ofNullable' || inner === 'of') && of?.type === 'identifier' && this.ctx.text(of) === 'Optional' && arg) return this.valueOf(arg);
    }
    if (!obj || !['execute', 'executePipelined', 'executeWithStickyConnection'].includes(name)) return UNKNOWN;
    const ov = this.valueOf(obj);
    return ov.t === 'kind' && ov.kind.lib === 'spring' && ov.kind.role === 'template' ? { t: 'kind', kind: { lib: 'spring', role: 'connection' }, strength: ov.strength } : UNKNOWN;
  }

  private typeValue(type: Node): JValue {
    let t: Node | null = type;
    if (t.type === 'generic_type') t = t.namedChild(0);
    if (!t) return OTHER;
    if (t.type === 'type_identifier') {
      const kind = this.resolveTypeName(this.ctx.text(t));
      if (kind) return { t: 'kind', kind, strength: 'strong' };
      // A project class that extends a client (`class CacheTemplate extends StringRedisTemplate`).
      return this.ctx.project?.isClientClass(this.ctx.text(t)) ? PROJECT_CLIENT : OTHER;
    }
    if (t.type === 'scoped_type_identifier') {
      const full = this.ctx.text(t).replace(/\s+/g, '');
      const dot = full.lastIndexOf('.');
      const kind = knownType(full.slice(0, dot), full.slice(dot + 1));
      return kind ? { t: 'kind', kind, strength: 'strong' } : OTHER;
    }
    return OTHER;
  }

  /** A simple type name through the file's imports (explicit or on-demand). */
  private resolveTypeName(name: string): JavaKind | undefined {
    const { explicit, wildcard } = this.imports();
    const pkg = explicit.get(name);
    if (pkg !== undefined) return knownType(pkg, name);
    for (const w of wildcard) {
      const k = knownType(w, name);
      if (k) return k;
    }
    // No import names it (an excerpt, a same-package alias): a distinctive library name still tells.
    return this.declaresType(name) ? undefined : typeBySimpleName(name);
  }

  /** The file declares a class or interface of this name (the project's own `RedisClient`). */
  private declaresType(name: string): boolean {
    return this.ctx.memo('java.declares', name, () => this.ctx.spelled(wordOf(name)).some((id) => {
      const p = this.ctx.parentOf(id);
      return (p?.type === 'class_declaration' || p?.type === 'interface_declaration' || p?.type === 'record_declaration') && this.ctx.field(p, 'name')?.id === id.id;
    }), false);
  }

  private isImported(pkg: string, name: string): boolean {
    const { explicit, wildcard } = this.imports();
    return explicit.get(name) === pkg || wildcard.includes(pkg);
  }

  private imports(): { explicit: Map<string, string>; wildcard: string[] } {
    return this.ctx.memo('java.imports', 0, () => {
      const explicit = new Map<string, string>();
      const wildcard: string[] = [];
      for (const imp of namedKids(this.ctx.root)) {
        if (imp.type !== 'import_declaration') continue;
        const path = namedKids(imp).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier');
        if (!path) continue;
        const full = this.ctx.text(path);
        if (namedKids(imp).some((k) => k.type === 'asterisk')) wildcard.push(full);
        else {
          const dot = full.lastIndexOf('.');
          explicit.set(full.slice(dot + 1), full.slice(0, dot));
        }
      }
      return { explicit, wildcard };
    }, { explicit: new Map(), wildcard: [] });
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

  private fieldDecl(at: Node, name: string): Decl | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      if (this.ctx.typeOf(chain[i]!) === 'class_body') return this.declsOf(chain[i]!).get(name);
    }
    return undefined;
  }

  private methodDecl(at: Node, name: string): Node | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      if (this.ctx.typeOf(chain[i]!) !== 'class_body') continue;
      return namedKids(chain[i]!).find((m) => m.type === 'method_declaration' && this.ctx.text(this.ctx.field(m, 'name')!) === name);
    }
    return undefined;
  }

  private declsOf(scope: Node): Map<string, Decl> {
    return this.ctx.memo('java.decls', scope.id, () => {
      const decls = new Map<string, Decl>();
      const addDeclarators = (st: Node) => {
        const type = this.ctx.field(st, 'type');
        for (const d of st.childrenForFieldName('declarator')) {
          const name = d?.childForFieldName('name');
          if (d && name && !decls.has(this.ctx.text(name))) decls.set(this.ctx.text(name), { type, value: this.ctx.field(d, 'value') });
        }
      };
      const addParams = (params: Node | null, fn?: Node) => {
        let index = 0;
        for (const p of params ? namedKids(params) : []) {
          const name = p.type === 'identifier' ? p : this.ctx.field(p, 'name');
          if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(p, 'type'), value: null, ...(fn ? { param: { fn, index } } : {}) });
          if (p.type === 'formal_parameter' || p.type === 'spread_parameter') index++;
        }
      };
      switch (scope.type) {
        case 'method_declaration':
        case 'constructor_declaration':
          addParams(this.ctx.field(scope, 'parameters'), scope);
          break;
        case 'lambda_expression': {
          const p = this.ctx.field(scope, 'parameters');
          if (p?.type === 'identifier') decls.set(this.ctx.text(p), { type: null, value: null, lambda: scope });
          else if (p?.type === 'inferred_parameters') for (const id of namedKids(p)) decls.set(this.ctx.text(id), { type: null, value: null, lambda: scope });
          else addParams(p);
          break;
        }
        case 'try_with_resources_statement':
          for (const r of this.ctx.field(scope, 'resources') ? namedKids(this.ctx.field(scope, 'resources')!) : []) {
            const name = this.ctx.field(r, 'name');
            if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(r, 'type'), value: this.ctx.field(r, 'value') });
          }
          break;
        case 'enhanced_for_statement': {
          const name = this.ctx.field(scope, 'name');
          if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(scope, 'type'), value: null });
          break;
        }
        case 'catch_clause':
          for (const p of scope.descendantsOfType('catch_formal_parameter')) {
            const name = p?.childForFieldName('name');
            if (name) decls.set(this.ctx.text(name), { type: null, value: null });
          }
          break;
        case 'for_statement':
          for (const init of scope.childrenForFieldName('init')) if (init?.type === 'local_variable_declaration') addDeclarators(init);
          break;
        default:
          for (const st of namedKids(scope)) {
            if (st.type === 'local_variable_declaration' || st.type === 'field_declaration' || st.type === 'constant_declaration') addDeclarators(st);
            else if (st.type === 'record_declaration') addParams(this.ctx.field(st, 'parameters'));
          }
          if (scope.type === 'class_body') this.addRecordComponents(scope, decls);
      }
      return decls;
    }, new Map<string, Decl>());
  }

  private addRecordComponents(body: Node, decls: Map<string, Decl>): void {
    const rec = this.ctx.parentOf(body);
    if (rec?.type !== 'record_declaration') return;
    for (const p of this.ctx.field(rec, 'parameters') ? namedKids(this.ctx.field(rec, 'parameters')!) : []) {
      const name = this.ctx.field(p, 'name');
      if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(p, 'type'), value: null });
    }
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 10; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'argument_list') {
        const call = chain[i - 1];
        if (!call) return undefined;
        let kind: JavaKind | undefined;
        if (call.type === 'object_creation_expression') {
          const v = this.typeValue(this.ctx.field(call, 'type')!);
          kind = v.t === 'kind' ? v.kind : undefined;
        } else if (call.type === 'method_invocation' && this.ctx.text(this.ctx.field(call, 'name')!) === 'create') {
          const obj = this.ctx.field(call, 'object');
          const t = obj?.type === 'identifier' ? this.resolveTypeName(this.ctx.text(obj)) : undefined;
          if (t && (t.role === 'lettuce-client' || (t.lib === 'lettuce' && t.role === 'address-config'))) kind = t;
        }
        if (!kind || !['client', 'pool', 'lettuce-client', 'address-config'].includes(kind.role)) continue;
        if (/redis-sentinel|rediss-sentinel/i.test(this.ctx.text(n))) return undefined;
        if (kind.lib === 'jedis' && /Sentinel/.test(this.ctx.text(this.ctx.field(call, 'type') ?? call))) return undefined;
        return { node: call, range: rangeOf(call), lib: kind.lib, evidence: evidenceOf(this.ctx.text(hit)) };
      }
      if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n).endsWith('statement') || this.ctx.typeOf(n).endsWith('declaration')) return undefined;
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
 * A call of a wrapper that passes more than the key and a value (`set(key, value, time)`) may reach
 * an overload that takes a TTL: not reported.
 */
function passesMoreThanKeyAndValue(site: CallSite, d: OpDraft): boolean {
  const index = site.args.findIndex((a) => a.node.id === d.keys[0]?.id);
  return index >= 0 && (d.cls === 'string-write' || d.cls === 'counter') && site.args.length > index + 2;
}

/**
 * A field or variable whose declaration is not in the file (an excerpt, a superclass) but whose
 * name says what it holds the way Spring, Jedis and Redisson code names them: `redisTemplate`,
 * `stringRedisTemplate`, `redisTemplateForToken`, `jedis`, `jedisCluster`, `redissonClient`.
 */
function byHolderName(name: string): JValue | undefined {
  if (/^(?:string|reactive|reactiveString|[a-z]+)?RedisTemplate\w*$|^redisTemplate\w*$/.test(name)) return { t: 'kind', kind: { lib: 'spring', role: 'template' }, strength: 'weak' };
  if (/^(?:jedis|jedisCluster|jedisClient|unifiedJedis|jedisPooled)$/i.test(name)) return { t: 'kind', kind: { lib: 'jedis', role: 'client' }, strength: 'weak' };
  if (/^(?:jedisPool|jedisSentinelPool)$/i.test(name)) return { t: 'kind', kind: { lib: 'jedis', role: 'pool' }, strength: 'weak' };
  if (/^(?:redisson|redissonClient)$/i.test(name)) return { t: 'kind', kind: { lib: 'redisson', role: 'redisson' }, strength: 'weak' };
  return undefined;
}

function isCommandRole(role: JavaKind['role']): boolean {
  return ['client', 'pipeline', 'template', 'connection', 'value-ops', 'hash-ops', 'list-ops', 'set-ops', 'zset-ops'].includes(role) && role !== 'connection-factory';
}

function evidenceOf(text: string): string {
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}

/** The class a Spring bean lookup names: `SpringUtils.getBean(RedisCache.class)`, `context.getBean(RedisCache.class)`. */
function beanClass(ctx: FileContext, call: Node): Node | null {
  if (ctx.text(ctx.field(call, 'name')!) !== 'getBean') return null;
  const args = ctx.field(call, 'arguments');
  const lit = args ? namedKids(args).find((a) => a.type === 'class_literal') : undefined;
  return lit?.namedChild(0) ?? null;
}
