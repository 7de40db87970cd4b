import type { Node } from '@vscode/tree-sitter-wasm';
import { isClientName, isGenericClientName } from '../clients/naming';
import {
  addressFields,
  builderTtlSteps,
  clientMethodRole,
  factoryResult,
  goMethodAliases,
  importLib,
  sentinelFactories,
  sentinelFields,
  typeRole,
} from '../clients/go';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import type { Arg, CallSite, ClientRef, Lib, Role, SentinelMisuse, Ttl } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf } from './tree';
import { wrapperCallOp, exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type ClientExport, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
/** Other functions read a function's returns and the struct types declared anywhere in the file. */
const LOCALITY: Locality = {
  bodies: new Set(['block']),
  containers: new Set(['source_file', 'block', 'statement_list', 'field_declaration_list', 'import_spec_list']),
  exported: { return_statement: 'value', type_declaration: 'any', type_spec: 'any' },
  exportedFields: ['name', 'parameters', 'result', 'receiver'],
};
const SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'source_file', 'block', 'statement_list', 'if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement', 'communication_case', 'expression_case', 'type_case', 'default_case']);

export const goCallWords = [
  ...Object.keys(methodCommands),
  ...Object.keys(goMethodAliases),
  'Do',
  'Send',
  'Eval',
  'EvalRO',
  'NewScript',
  'NewLuaScript',
  'NewLuaScriptReadOnly',
  'CustomCommand',
  'ScriptLoad',
];
/** Type names of a client a project package defines (`*cache.RedisClient`, `store.Valkey`). */
const CLIENT_TYPE_NAME = /^I?(?:Redis|Valkey)(?:Client|Conn|Connection|Cluster|Cmdable)?$/;

/** What a Go expression is: a client (or pipeline/builder), a package of a client library, a value of a struct type of this file. */
type GoValue =
  | { t: 'client'; ref: ClientRef }
  | { t: 'package'; lib: Lib }
  | { t: 'pool'; lib: Lib }
  | { t: 'struct'; name: string }
  | { t: 'other' }
  | { t: 'unknown' };

const UNKNOWN: GoValue = { t: 'unknown' };
const OTHER: GoValue = { t: 'other' };

type Decl =
  | { kind: 'var'; values: { expr: Node; index: number; multi: boolean }[]; type: Node | null; param?: { fn: Node; index: number } }
  | { kind: 'package'; lib: Lib }
  | { kind: 'opaque' };

/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords([
  ...Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
  'setxx',
  'setargs',
  'Do',
]);

const TTL_WORDS = wrapperWords(['expire', 'pexpire', 'expireat', 'pexpireat']);

/** Go's predeclared types: never a client. */
/** Top-level folders of Go's standard library. */
const GO_STD_ROOTS = new Set('archive bufio builtin bytes cmp compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings sync syscall testing text time unicode unique unsafe vendor'.split(' '));
const GO_PREDECLARED = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64',
  'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);

export function createGoAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new GoAdapter(ctx);
}

function combine(values: readonly GoValue[]): GoValue {
  return values.find((v) => v.t === 'client') ?? values.find((v) => v.t === 'struct' || v.t === 'pool' || v.t === 'package') ?? values.find((v) => v.t === 'unknown') ?? values[0] ?? UNKNOWN;
}

class GoAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    let call: Node | null;
    let receiver: Node | null = null;
    const parent = this.ctx.parentOf(token);
    if (token.type === 'field_identifier' && parent?.type === 'selector_expression' && this.ctx.field(parent, 'field')?.id === token.id) {
      call = this.ctx.parentOf(parent);
      if (call?.type !== 'call_expression' || this.ctx.field(call, 'function')?.id !== parent.id) return undefined;
      receiver = this.ctx.field(parent, 'operand');
    } else if (token.type === 'identifier' && parent?.type === 'call_expression' && this.ctx.field(parent, 'function')?.id === token.id) call = parent;
    else return undefined;
    const argsNode = this.ctx.field(call, 'arguments');
    let args: Arg[] | undefined;
    return {
      call,
      nameNode: token,
      name: this.ctx.text(token),
      receiver,
      argsNode,
      get args(): Arg[] {
        return (args ??= argsNode ? namedKids(argsNode).map((n) => ({ node: n, ...(n.type === 'variadic_argument' ? { spread: true } : {}) })) : []);
      },
    };
  }

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    // A receiver trusted by its type's name (`cache.IRedis`) whose method is the project's wrapper: the wrapper's command, reported here.
    if (drafts.length > 0 && drafts.every((d) => d.client.lib === 'unknown' && d.client.strength === 'weak')) {
      const through = this.interfaceWrapperOps(site, true);
      if (through.length > 0) return through;
    }
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.receiver && this.receiverClass(site) === null) return [];
    const found = wrapperCallOps(this, WRAPPER_WORDS, site);
    return found.length > 0 ? found : this.interfaceWrapperOps(site);
  }

  /**
   * Go interfaces are implemented implicitly: a caller holding `cache.IRedis` (or a package global
   * `global.GVA_CACHE`) calls the method of whichever struct implements it. When the project has one
   * struct whose method of that name is a wrapper, the call goes through it.
   */
  private interfaceWrapperOps(site: CallSite, weakClient = false): OpDraft[] {
    const project = this.ctx.project;
    if (!site.receiver || !project?.wrappersNamed || (!weakClient && this.valueOf(site.receiver).t !== 'unknown')) return [];
    const cls = weakClient ? this.declaredTypeName(site.receiver) : this.receiverClass(site);
    const name = this.nameOf(site.receiver) ?? '';
    if (typeof cls !== 'string' && !/cache|redis|valkey|store/i.test(name)) return [];
    const candidates = project.wrappersNamed(site.name).filter((w) => w.owner !== undefined);
    const owners = new Set(candidates.map((w) => w.owner));
    if (owners.size !== 1 || (typeof cls === 'string' && owners.has(cls))) return [];
    const op = wrapperCallOp(this, site, candidates[0]!);
    return op ? [op] : [];
  }

  extraCallWords(): string[] {
    return wrapperCallWords(this, WRAPPER_WORDS, TTL_WORDS);
  }

  ttlHelperNames(): readonly string[] {
    return localTtlHelpers(this, TTL_WORDS);
  }

  // ---- project summary (see project/facts.ts) -----------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    const add = (c: ClientExport) => {
      if (!out.clients.some((x) => x.name === c.name && x.kind === c.kind && x.owner === c.owner)) out.clients.push(c);
    };
    const clientType = (t: Node | null) => t !== null && this.typeValue(t).t === 'client';
    for (const st of namedKids(this.ctx.root)) {
      this.ctx.deadline.tick();
      switch (st.type) {
        case 'package_clause': {
          const id = st.namedChild(0);
          if (id) out.namespace = this.ctx.text(id);
          break;
        }
        case 'import_declaration':
          for (const spec of st.descendantsOfType('import_spec')) {
            const path = spec ? this.ctx.field(spec, 'path') : null;
            if (!spec || !path) continue;
            const from = this.ctx.text(path).slice(1, -1);
            const alias = this.ctx.field(spec, 'name');
            const local = alias ? this.ctx.text(alias) : (importLib(from)?.name ?? from.split('/').filter((p) => !/^v\d+$/.test(p)).pop() ?? from);
            out.imports.push({ from, names: { [local]: '*' } });
          }
          break;
        case 'var_declaration':
          for (const spec of st.descendantsOfType('var_spec')) {
            if (!spec) continue;
            for (const n of spec.childrenForFieldName('name')) {
              if (n && this.valueOf(n).t === 'client') add({ name: this.ctx.text(n), kind: 'value', line: spec.startPosition.row });
            }
          }
          break;
        case 'function_declaration':
        case 'method_declaration': {
          const name = this.ctx.text(this.ctx.field(st, 'name')!);
          if (this.returnValue(st, 0).t !== 'client') break;
          const owner = st.type === 'method_declaration' ? this.ctx.field(st, 'receiver')?.descendantsOfType('type_identifier')[0] : undefined;
          add({ name, kind: 'factory', ...(owner ? { owner: this.ctx.text(owner) } : {}), line: st.startPosition.row });
          break;
        }
        case 'type_declaration':
          for (const spec of st.descendantsOfType('type_spec')) {
            const name = spec ? this.ctx.field(spec, 'name') : null;
            const type = spec ? this.ctx.field(spec, 'type') : null;
            if (!spec || !name || !type) continue;
            const tname = this.ctx.text(name);
            if (type.type === 'interface_type' || type.type === 'struct_type') {
              const tv = this.typeValue(name.type === 'type_identifier' ? name : type);
              if (tv.t === 'client' && tv.ref.strength === 'strong') add({ name: tname, kind: 'class', line: spec.startPosition.row });
            }
            if (type.type !== 'struct_type') continue;
            for (const f of type.descendantsOfType('field_declaration')) {
              if (!f || !clientType(this.ctx.field(f, 'type'))) continue;
              for (const n of f.childrenForFieldName('name')) if (n) add({ name: this.ctx.text(n), kind: 'field', owner: tname, line: f.startPosition.row });
            }
          }
          break;
        default:
          break;
      }
    }
    for (const w of localWrappers(this, WRAPPER_WORDS)) out.wrappers.push(exportOf(w));
    out.ttlHelpers = ttlHelpers(this, TTL_WORDS);
    return out;
  }

  // ---- wrappers (see wrappers.ts) ----------------------------------------------------------------

  paramOf(key: Node): { fn: Node; index: number } | undefined {
    const decl = this.lookup(this.ctx.text(key), key);
    return decl?.kind === 'var' && decl.param && this.describe(decl.param.fn) ? decl.param : undefined;
  }

  describe(fn: Node): FunctionInfo | undefined {
    if (fn.type !== 'function_declaration' && fn.type !== 'method_declaration') return undefined;
    const name = this.ctx.text(this.ctx.field(fn, 'name')!);
    const params = this.ctx.field(fn, 'parameters');
    const names: string[] = [];
    for (const p of params ? namedKids(params) : []) {
      const ns = p.childrenForFieldName('name').filter((n): n is Node => n !== null);
      if (ns.length === 0) names.push('');
      for (const n of ns) names.push(this.ctx.text(n));
    }
    if (fn.type === 'function_declaration') return { name, params: names };
    const recvType = this.ctx.field(fn, 'receiver')?.descendantsOfType('type_identifier')[0];
    return recvType ? { name, owner: this.ctx.text(recvType), params: names } : undefined;
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    return this.functionDecl(site.name)?.id === fn.id;
  }

  receiverClass(site: CallSite): string | null | undefined {
    if (!site.receiver) return undefined;
    const v = this.valueOf(site.receiver);
    if (v.t === 'struct') return v.name;
    if (v.t !== 'unknown') return null;
    // A value of a type of another file or package: `st *cache.Store`, `s.cache` of a field `cache *Cache`.
    return this.declaredTypeName(site.receiver);
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  clientOps(site: CallSite): OpDraft[] {
    if (!site.receiver) return [];
    const recv = this.valueOf(site.receiver);
    if (recv.t === 'package') return this.packageCallOps(site, recv.lib);
    const client =
      recv.t === 'client' ? recv.ref : (recv.t === 'unknown' && (this.hint(site.receiver) || this.speaksRedis(site))) || this.sendsCommand(site) ? ({ lib: 'unknown', role: 'client', strength: 'weak' } as ClientRef) : undefined;
    if (!client) return [];
    if (client.role === 'builder') return this.builderOps(site, client);
    let name = normalizeMethod(site.name);
    name = goMethodAliases[name] ?? name;
    const args = site.args;
    const skip = args[0] && this.isContext(args[0].node) ? 1 : 0;
    const base = { node: site.call, range: this.opRange(site), offset: site.nameNode.startIndex, client, site };
    if (name === 'do' || name === 'send' || name === 'customcommand') {
      const list = name === 'customcommand' ? args[skip]?.node : undefined;
      const items = list ? (list.type === 'composite_literal' ? namedKids(this.ctx.field(list, 'body') ?? list).map((node) => ({ node: node.type === 'literal_element' ? (node.namedChild(0) ?? node) : node })) : []) : args.slice(skip);
      const tokens: Token[] = items.map((a) => ({ node: a.node, ...('spread' in a && a.spread ? {} : literalOf(this.ctx, a.node)) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (name === 'eval' || name === 'evalro' || name === 'scriptload') return scriptOps(this.ctx, this.scriptLiterals(args[skip]?.node), client);
    const info = methodCommands[name];
    if (!info) return [];
    const keyArgs = args.slice(skip);
    const keys = info.keyValuePairs ? keyArgs.filter((a, i) => i % 2 === 0 && !a.spread).map((a) => a.node) : keyArgs[0] && !keyArgs[0].spread ? [keyArgs[0].node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info, keyArgs.map((a) => a.node)) : info.alwaysTtl ? 'yes' : 'no';
    return [{ ...base, command: info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /**
   * A call whose arguments say it is a Redis command whatever the receiver: redigo's `c.Do("SET", k, v)`
   * (or a project's `rc.do("INCRBY", key, 1)`) with the command spelled in upper case, or a go-redis
   * command method on a generic name (`r.client.SetNX(ctx, key, v, 0)`) given a context first.
   */
  private speaksRedis(site: CallSite): boolean {
    const name = normalizeMethod(site.name);
    const args = site.args;
    return methodCommands[name] !== undefined && args.length >= 2 && this.isContext(args[0]!.node) && /Context|Background|TODO|ctx/i.test(this.ctx.text(args[0]!.node)) && isGenericClientName(this.nameOf(site.receiver!));
  }

  /** `conn.Do("SET", k, v)`, `rc.do("INCRBY", key, 1)`: a generic command call with the command spelled in upper case, whatever holds it. */
  private sendsCommand(site: CallSite): boolean {
    if (normalizeMethod(site.name) !== 'do') return false;
    const args = site.args;
    const first = args[0] && this.isContext(args[0].node) ? args[1] : args[0];
    const lit = first && first.node.type === 'interpreted_string_literal' ? this.ctx.text(first.node).slice(1, -1) : '';
    return /^[A-Z]+$/.test(lit) && methodCommands[lit.toLowerCase()] !== undefined;
  }

  /** `redis.NewScript(src)`, `valkey.NewLuaScript(src)`, redigo `redis.NewScript(keyCount, src)`. */
  private packageCallOps(site: CallSite, lib: Lib): OpDraft[] {
    if (factoryResult(lib, site.name) !== 'script') return [];
    const src = lib === 'redigo' ? site.args[1]?.node : site.args[0]?.node;
    return scriptOps(this.ctx, this.scriptLiterals(src), { lib, role: 'client', strength: 'strong' });
  }

  /** valkey-go / rueidis: `client.B().Set().Key(k).Value(v).ExSeconds(60).Build()`. */
  private builderOps(site: CallSite, client: ClientRef): OpDraft[] {
    const info = methodCommands[normalizeMethod(site.name)];
    if (!info) return [];
    const keys: Node[] = [];
    let ttl: Ttl = info.alwaysTtl ? 'yes' : 'no';
    let end = site.call;
    for (let n = site.call; ; ) {
      const sel = this.ctx.parentOf(n);
      const call = (sel ? this.ctx.parentOf(sel) : null);
      if (sel?.type !== 'selector_expression' || call?.type !== 'call_expression') break;
      const step = normalizeMethod(this.ctx.text(this.ctx.field(sel, 'field')!));
      const arg = this.ctx.field(call, 'arguments')?.namedChild(0);
      if (step === 'key' && arg) keys.push(arg);
      if (info.command === 'SET' && builderTtlSteps.has(step)) ttl = 'yes';
      end = call;
      n = call;
      if (step === 'build') break;
    }
    return [{ command: info.command, cls: info.cls, node: site.call, range: rangeBetween(site.nameNode, end), offset: site.nameNode.startIndex, keys, ttl, via: 'method', client, site }];
  }

  private opRange(site: CallSite) {
    return site.receiver?.type === 'call_expression' ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call);
  }

  /** go-redis `Set(ctx, key, value, expiration)`: 0 means no expiry; `SetArgs` takes a struct. */
  private setTtl(site: CallSite, info: CommandInfo, args: Node[]): Ttl {
    if (info.alwaysTtl) return 'yes';
    const name = normalizeMethod(site.name);
    if (!['set', 'setnx', 'setxx', 'setargs'].includes(name)) return 'no';
    const exp = args[2];
    if (!exp) return name === 'set' ? 'no' : 'unknown';
    if (name === 'setargs') {
      const lit = exp.type === 'unary_expression' ? exp.namedChild(0) : exp;
      if (lit?.type !== 'composite_literal') return 'unknown';
      const fields = lit.descendantsOfType('keyed_element').map((k) => (k ? this.ctx.text(k.namedChild(0)!) : ''));
      return fields.some((f) => ['TTL', 'ExpireAt', 'KeepTTL'].includes(f)) ? 'yes' : 'no';
    }
    const text = this.ctx.text(exp).replace(/\s+/g, '');
    if (text === '0' || text === 'time.Duration(0)') return 'no';
    // An expiration the function is given: whether it is 0 is up to its callers.
    if (exp.type === 'identifier') {
      const decl = this.lookup(text, exp);
      if (decl?.kind === 'var' && decl.param) return 'unknown';
    }
    return 'yes';
  }

  private isContext(n: Node): boolean {
    const text = this.ctx.text(n);
    return /^(ctx|c|context)$/i.test(text) || /ctx$/i.test(text) || /(Context|Background|TODO)\(\)$/.test(text);
  }

  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    if (STRING_TYPES.has(node.type)) return [node];
    if (node.type === 'binary_expression') return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
    if (node.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(node), node);
      if (decl?.kind === 'var') return decl.values.flatMap((v) => this.scriptLiterals(v.expr, depth + 1));
    }
    return [];
  }

  // ---- values ----------------------------------------------------------------------------------

  private nameOf(n: Node): string | undefined {
    if (n.type === 'identifier') return this.ctx.text(n);
    if (n.type === 'selector_expression') return this.ctx.text(this.ctx.field(n, 'field')!);
    return undefined;
  }

  /** The file imports a client library: a generic name (`conn`, `client`) of a value the engine cannot trace is trusted. */
  private redisImported(): boolean {
    return this.imports().size > 0 || this.ctx.namedAfterRedis();
  }

  /**
   * An expression the engine cannot trace that is a client by its name: `rdb`, `s.redisClient`,
   * `cache.GetRedis()`, a name the project index knows, or `conn`/`client` in a file importing a
   * client library.
   */
  private hint(n: Node): boolean {
    return this.ctx.memo('go.hint', n.id, () => {
      const project = this.ctx.project;
      if (n.type === 'parenthesized_expression' || n.type === 'unary_expression') return n.namedChild(0) ? this.hint(n.namedChild(0)!) : false;
      if (n.type === 'call_expression') {
        const fn = this.ctx.field(n, 'function');
        const name = fn ? this.nameOf(fn) : undefined;
        return name !== undefined && (isClientName(name) || project?.isClientFactory(name) === true);
      }
      const name = this.nameOf(n);
      if (name === undefined) return false;
      if (isClientName(name) || project?.isClientValue(name)) return true;
      if (n.type === 'identifier') {
        const decl = this.lookup(name, n);
        if (decl?.kind === 'var' && decl.values.some((v) => !v.multi || v.index === 0 ? this.hint(v.expr) : false)) return true;
        // A generic name (`conn := pool.Get()`) is trusted when nothing declares its type.
        return isGenericClientName(name) && this.redisImported() && decl?.kind === 'var' && !decl.type;
      }
      return false;
    }, false);
  }

  private valueOf(n: Node): GoValue {
    return this.ctx.memo('go.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): GoValue {
    this.ctx.deadline.tick();
    switch (n.type) {
      case 'identifier': {
        const decl = this.lookup(this.ctx.text(n), n);
        return decl ? this.declValue(decl) : UNKNOWN;
      }
      case 'selector_expression': {
        const operand = this.ctx.field(n, 'operand')!;
        const fieldName = this.ctx.text(this.ctx.field(n, 'field')!);
        const ov = this.valueOf(operand);
        if (ov.t === 'struct') return this.fieldValue(ov.name, fieldName);
        return ov.t === 'unknown' ? UNKNOWN : OTHER;
      }
      case 'call_expression':
        return this.callValue(n, 0);
      case 'unary_expression':
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0)!) : UNKNOWN;
      case 'composite_literal': {
        const type = this.ctx.field(n, 'type');
        return type ? this.typeValue(type) : OTHER;
      }
      case 'interpreted_string_literal':
      case 'raw_string_literal':
      case 'int_literal':
      case 'float_literal':
      case 'func_literal':
      case 'nil':
      case 'true':
      case 'false':
        return OTHER;
      default:
        return UNKNOWN;
    }
  }

  /** The `index`-th result of a call. */
  private callValue(call: Node, index: number): GoValue {
    const fn = this.ctx.field(call, 'function');
    if (!fn) return UNKNOWN;
    if (fn.type === 'selector_expression') {
      const operand = this.ctx.field(fn, 'operand')!;
      const method = this.ctx.text(this.ctx.field(fn, 'field')!);
      const ov = this.valueOf(operand);
      if (ov.t === 'package') {
        if (index !== 0) return OTHER;
        return factoryResult(ov.lib, method) === 'client' ? { t: 'client', ref: { lib: ov.lib, role: /Batch$/.test(method) ? 'pipeline' : 'client', strength: 'strong' } } : OTHER;
      }
      if (ov.t === 'client' || ov.t === 'pool') {
        const lib = ov.t === 'pool' ? ov.lib : ov.ref.lib;
        // valkey-glide `batch.Set("a", "1").Set("b", "2")`: each queued command returns the batch.
        if (ov.t === 'client' && lib === 'glide' && ov.ref.role === 'pipeline' && index === 0) return ov;
        const role = clientMethodRole(lib, method);
        if (role && index === 0) return { t: 'client', ref: { lib, role, strength: ov.t === 'pool' ? 'strong' : ov.ref.strength } };
        return OTHER;
      }
      if (ov.t === 'struct') {
        const m = this.methodOf(ov.name, method);
        return m ? this.returnValue(m, index) : UNKNOWN;
      }
      if (ov.t === 'unknown' && this.hint(operand)) {
        const role = clientMethodRole('unknown', method);
        if (role && index === 0) return { t: 'client', ref: { lib: 'unknown', role, strength: 'weak' } };
      }
      if (ov.t === 'unknown' && index === 0 && (isClientName(method) || this.ctx.project?.isClientFactory(method))) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
      return UNKNOWN;
    }
    if (fn.type === 'identifier') {
      const f = this.functionDecl(this.ctx.text(fn));
      return f ? this.returnValue(f, index) : UNKNOWN;
    }
    return UNKNOWN;
  }

  private returnValue(fn: Node, index: number): GoValue {
    return this.ctx.memo('go.return', `${fn.id}:${index}`, () => {
      const result = this.ctx.field(fn, 'result');
      if (result) {
        const types = result.type === 'parameter_list' ? namedKids(result).map((p) => this.ctx.field(p, 'type')).filter((t): t is Node => t !== null) : [result];
        const t = types[index];
        if (t) {
          const tv = this.typeValue(t);
          if (tv.t !== 'unknown') return tv;
        }
      }
      const body = this.ctx.field(fn, 'body');
      const values: GoValue[] = [];
      for (const ret of body ? body.descendantsOfType('return_statement') : []) {
        const list = ret?.namedChild(0);
        const expr = list?.type === 'expression_list' ? list.namedChild(index) : index === 0 ? list : null;
        if (expr) values.push(this.valueOf(expr));
      }
      return values.length ? combine(values) : UNKNOWN;
    }, UNKNOWN);
  }

  private typeValue(type: Node, depth = 0): GoValue {
    if (depth > 5) return UNKNOWN;
    switch (type.type) {
      case 'pointer_type':
      case 'parenthesized_type':
        return type.namedChild(0) ? this.typeValue(type.namedChild(0)!, depth + 1) : UNKNOWN;
      case 'qualified_type': {
        const pkg = this.ctx.text(this.ctx.field(type, 'package')!);
        const name = this.ctx.text(this.ctx.field(type, 'name')!);
        const decl = this.packageDecl(pkg);
        if (!decl) {
          if (this.namedTypeHint(name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
          // A type of the standard library (no dot in its import path) is not a client; one of another package may hold one.
          return this.projectPackages().has(pkg) ? UNKNOWN : OTHER;
        }
        const role = typeRole(decl, name);
        if (role === 'pool') return { t: 'pool', lib: decl };
        return role ? { t: 'client', ref: { lib: decl, role, strength: 'strong' } } : OTHER;
      }
      case 'type_identifier': {
        const name = this.ctx.text(type);
        const iface = this.interfaces().get(name);
        if (iface) return this.interfaceValue(iface, name, depth + 1);
        const st = this.structs().get(name);
        if (!st) {
          if (this.namedTypeHint(name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
          // A type another file of the package declares may hold a client; a predeclared one does not.
          return GO_PREDECLARED.has(name) || this.declaredTypes().has(name) ? OTHER : UNKNOWN;
        }
        const embedded = this.embeddedClient(st, depth + 1);
        return embedded ?? { t: 'struct', name };
      }
      default:
        return OTHER;
    }
  }

  private declValue(decl: Decl): GoValue {
    if (decl.kind === 'package') return { t: 'package', lib: decl.lib };
    if (decl.kind === 'opaque') return UNKNOWN;
    const values: GoValue[] = [];
    if (decl.type) values.push(this.typeValue(decl.type));
    for (const v of decl.values) values.push(v.multi && v.expr.type === 'call_expression' ? this.callValue(v.expr, v.index) : this.valueOf(v.expr));
    return values.length ? combine(values) : UNKNOWN;
  }

  // ---- declarations ----------------------------------------------------------------------------

  private imports(): Map<string, Lib> {
    return this.ctx.memo('go.imports', 0, () => {
      const out = new Map<string, Lib>();
      for (const spec of importSpecs(this.ctx)) {
        const path = this.ctx.field(spec, 'path');
        const found = path ? importLib(this.ctx.text(path).slice(1, -1)) : undefined;
        if (!found) continue;
        const alias = this.ctx.field(spec, 'name');
        out.set(alias ? this.ctx.text(alias) : found.name, found.lib);
      }
      return out;
    }, new Map<string, Lib>());
  }

  /** Names of the imported packages whose path is not the standard library's (it has a dot: `github.com/...`). */
  private projectPackages(): Set<string> {
    return this.ctx.memo('go.projectPackages', 0, () => {
      const out = new Set<string>();
      for (const spec of importSpecs(this.ctx)) {
        const path = this.ctx.field(spec, 'path');
        const text = path ? this.ctx.text(path).slice(1, -1) : '';
        // The standard library's paths have no dot; neither has a local module's (`module chat` → `chat/internal/cache`).
        const head = text.split('/')[0]!;
        if (!head.includes('.') && (GO_STD_ROOTS.has(head) || !text.includes('/'))) continue;
        const alias = this.ctx.field(spec, 'name');
        out.add(alias ? this.ctx.text(alias) : text.split('/').filter((p) => !/^v\d+$/.test(p)).pop()!.replace(/[-.]/g, '_'));
      }
      return out;
    }, new Set<string>());
  }

  private packageDecl(name: string): Lib | undefined {
    return this.imports().get(name);
  }

  private structs(): Map<string, Node> {
    return this.ctx.memo('go.structs', 0, () => {
      const out = new Map<string, Node>();
      for (const spec of declared(this.ctx, 'type', 'type_declaration', 'type_spec')) {
        const type = this.ctx.field(spec, 'type');
        const name = this.ctx.field(spec, 'name');
        if (type?.type === 'struct_type' && name) out.set(this.ctx.text(name), type);
      }
      return out;
    }, new Map<string, Node>());
  }

  /** A type name of another package or file that a project client type is called by (`RedisClient`), or one the index knows. */
  private namedTypeHint(name: string): boolean {
    return CLIENT_TYPE_NAME.test(name) || this.ctx.project?.isClientClass(name) === true;
  }

  /** Every type name this file declares (structs, interfaces, others). */
  private declaredTypes(): Set<string> {
    return this.ctx.memo('go.declaredTypes', 0, () => {
      const out = new Set<string>();
      for (const spec of declared(this.ctx, 'type', 'type_declaration', 'type_spec')) {
        const name = this.ctx.field(spec, 'name');
        if (name) out.add(this.ctx.text(name));
      }
      return out;
    }, new Set<string>());
  }

  /** The named type an expression is declared with: `s *Store`, `c.store` of a field `store Store`, `st *cache.Store`. */
  private declaredTypeName(n: Node): string | undefined {
    let t: Node | null = null;
    if (n.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(n), n);
      t = decl?.kind === 'var' ? decl.type : null;
    } else if (n.type === 'selector_expression') {
      const ov = this.valueOf(this.ctx.field(n, 'operand')!);
      const st = ov.t === 'struct' ? this.structs().get(ov.name) : undefined;
      const field = this.ctx.text(this.ctx.field(n, 'field')!);
      for (const f of st ? st.descendantsOfType('field_declaration') : []) {
        if (f && f.childrenForFieldName('name').some((x) => x !== null && this.ctx.text(x) === field)) t = this.ctx.field(f, 'type');
      }
    }
    while (t && (t.type === 'pointer_type' || t.type === 'parenthesized_type')) t = t.namedChild(0);
    if (t?.type === 'qualified_type') return this.ctx.text(this.ctx.field(t, 'name')!);
    if (t?.type === 'type_identifier') return this.ctx.text(t);
    return undefined;
  }

  private interfaces(): Map<string, Node> {
    return this.ctx.memo('go.interfaces', 0, () => {
      const out = new Map<string, Node>();
      for (const spec of declared(this.ctx, 'type', 'type_declaration', 'type_spec')) {
        const type = this.ctx.field(spec, 'type');
        const name = this.ctx.field(spec, 'name');
        if (type?.type === 'interface_type' && name) out.set(this.ctx.text(name), type);
      }
      return out;
    }, new Map<string, Node>());
  }

  /** A project interface that embeds a client interface (`interface { redis.Cmdable; Close() error }`) is a client. */
  private interfaceValue(iface: Node, name: string, depth: number): GoValue {
    for (const el of namedKids(iface)) {
      if (el.type === 'method_elem' || el.type === 'method_spec' || el.type === 'comment') continue;
      const t = el.type === 'type_elem' || el.type === 'constraint_elem' ? el.namedChild(0) : el;
      if (!t) continue;
      const tv = this.typeValue(t, depth);
      if (tv.t === 'client') return tv;
    }
    return this.namedTypeHint(name) ? { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } } : UNKNOWN;
  }

  private embeddedClient(struct: Node, depth: number): GoValue | undefined {
    for (const f of struct.descendantsOfType('field_declaration')) {
      if (!f || this.ctx.field(f, 'name')) continue;
      const tv = this.typeValue(this.ctx.field(f, 'type')!, depth);
      if (tv.t === 'client') return tv;
    }
    return undefined;
  }

  private fieldValue(structName: string, field: string): GoValue {
    return this.ctx.memo('go.field', `${structName}.${field}`, () => {
      const st = this.structs().get(structName);
      if (!st) return UNKNOWN;
      for (const f of st.descendantsOfType('field_declaration')) {
        if (!f) continue;
        const names = f.childrenForFieldName('name').filter((n): n is Node => n !== null);
        if (names.some((n) => this.ctx.text(n) === field)) return this.typeValue(this.ctx.field(f, 'type')!);
      }
      return OTHER;
    }, UNKNOWN);
  }

  private methodOf(structName: string, method: string): Node | undefined {
    const methods = this.ctx.memo('go.methods', 0, () => this.ctx.spelled(/\bfunc\b/g).map((kw) => this.ctx.parentOf(kw)).filter((m): m is Node => m?.type === 'method_declaration'), []);
    for (const m of methods) {
      if (this.ctx.text(this.ctx.field(m, 'name')!) !== method) continue;
      const recvType = this.ctx.field(m, 'receiver')?.descendantsOfType('type_identifier')[0];
      if (recvType && this.ctx.text(recvType) === structName) return m;
    }
    return undefined;
  }

  private functionDecl(name: string): Node | undefined {
    const fns = this.ctx.memo('go.functions', 0, () => {
      const out = new Map<string, Node>();
      for (const f of namedKids(this.ctx.root)) if (f.type === 'function_declaration') out.set(this.ctx.text(this.ctx.field(f, 'name')!), f);
      return out;
    }, new Map<string, Node>());
    return fns.get(name);
  }

  private lookup(name: string, at: Node): Decl | undefined {
    const chain = this.ctx.ancestors(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i]!;
      if (!SCOPE_TYPES.has(this.ctx.typeOf(s))) continue;
      const d = this.declsOf(s).get(name);
      if (d) return d;
    }
    const lib = this.packageDecl(name);
    return lib ? { kind: 'package', lib } : undefined;
  }

  private declsOf(scope: Node): Map<string, Decl> {
    return this.ctx.memo('go.decls', scope.id, () => this.collectDecls(scope), new Map<string, Decl>());
  }

  private collectDecls(scope: Node): Map<string, Decl> {
    const decls = new Map<string, Decl>();
    const varDecl = (name: string): Extract<Decl, { kind: 'var' }> | undefined => {
      const d = decls.get(name);
      if (d?.kind === 'var') return d;
      if (d) return undefined;
      const nd: Decl = { kind: 'var', values: [], type: null };
      decls.set(name, nd);
      return nd;
    };
    const bindList = (left: Node[], right: Node[]) => {
      const multi = right.length === 1 && left.length > 1;
      left.forEach((l, i) => {
        if (l.type !== 'identifier') return;
        const expr = multi ? right[0] : right[i];
        if (expr) varDecl(this.ctx.text(l))?.values.push({ expr, index: multi ? i : 0, multi });
      });
    };
    if (FUNCTION_TYPES.has(scope.type)) {
      const receiver = this.ctx.field(scope, 'receiver');
      for (const list of [receiver, this.ctx.field(scope, 'parameters')]) {
        let index = 0;
        for (const p of list ? namedKids(list) : []) {
          const type = this.ctx.field(p, 'type');
          const names = p.childrenForFieldName('name').filter((n): n is Node => n !== null);
          for (const n of names) decls.set(this.ctx.text(n), { kind: 'var', values: [], type, ...(list === receiver ? {} : { param: { fn: scope, index } }) });
          index += Math.max(1, names.length);
        }
      }
      return decls;
    }
    for (const st of namedKids(scope)) {
      switch (st.type) {
        case 'short_var_declaration':
        case 'assignment_statement': {
          if (st.type === 'assignment_statement' && this.ctx.text(this.ctx.field(st, 'operator')!) !== '=') break;
          const left = this.ctx.field(st, 'left');
          const right = this.ctx.field(st, 'right');
          if (left && right) bindList(namedKids(left), namedKids(right));
          break;
        }
        case 'var_declaration':
        case 'const_declaration':
          for (const spec of st.descendantsOfType(['var_spec', 'const_spec'])) {
            if (!spec) continue;
            const names = spec.childrenForFieldName('name').filter((n): n is Node => n !== null);
            const type = this.ctx.field(spec, 'type');
            const value = this.ctx.field(spec, 'value');
            if (type) for (const n of names) if (!decls.has(this.ctx.text(n))) decls.set(this.ctx.text(n), { kind: 'var', values: [], type });
            if (value) bindList(names, namedKids(value));
          }
          break;
        default:
          break;
      }
    }
    return decls;
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    let inAddress = false;
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 16; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'keyed_element') {
        const key = this.ctx.text(n.namedChild(0)!);
        if (!addressFields.has(key)) return undefined;
        inAddress = true;
      } else if (this.ctx.typeOf(n) === 'composite_literal' && inAddress) {
        const tv = this.ctx.field(n, 'type');
        if (tv?.type !== 'qualified_type' || !this.packageDecl(this.ctx.text(this.ctx.field(tv, 'package')!))) return undefined;
        const keys = this.ctx.field(n, 'body')?.descendantsOfType('keyed_element').map((k) => (k ? this.ctx.text(k.namedChild(0)!) : '')) ?? [];
        if (keys.some((k) => sentinelFields.has(k))) return undefined;
        const outer = chain.slice(Math.max(0, i - 3), i).reverse().find((c) => c.type === 'call_expression');
        if (outer) {
          const fn = this.ctx.field(outer, 'function');
          const name = fn?.type === 'selector_expression' ? this.ctx.text(this.ctx.field(fn, 'field')!) : '';
          if (sentinelFactories.has(name)) return undefined;
        }
        const node = outer ?? n;
        return { node, range: rangeOf(node), lib: this.packageDecl(this.ctx.text(this.ctx.field(tv, 'package')!))!, evidence: evidenceOf(this.ctx.text(hit)) };
      } else if (this.ctx.typeOf(n) === 'argument_list' && !inAddress) {
        const call = chain[i - 1];
        const fn = call?.childForFieldName('function');
        if (call?.type !== 'call_expression' || fn?.type !== 'selector_expression') continue;
        const pkg = this.valueOf(this.ctx.field(fn, 'operand')!);
        if (pkg.t === 'package' && pkg.lib === 'redigo' && factoryResult('redigo', this.ctx.text(this.ctx.field(fn, 'field')!)) === 'client') {
          return { node: call, range: rangeOf(call), lib: 'redigo', evidence: evidenceOf(this.ctx.text(hit)) };
        }
      } else if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n).endsWith('_statement') || this.ctx.typeOf(n) === 'short_var_declaration') return undefined;
    }
    return undefined;
  }

  canonicalKey(node: Node): string {
    if (node.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(node), node);
      const only = decl?.kind === 'var' && decl.values.length === 1 ? decl.values[0]! : undefined;
      if (only && !only.multi && only.expr.type !== 'identifier') return this.ctx.text(only.expr).replace(/\s+/g, '');
    }
    return this.ctx.text(node).replace(/\s+/g, '');
  }

}

/** The file's import specs, in text order (`import "x"`, `import ( ... )`). */
export function importSpecs(ctx: FileContext): Node[] {
  return ctx.memo('go.importSpecs', 0, () => declared(ctx, 'import', 'import_declaration', 'import_spec'), []);
}

/** The `spec` nodes of every `declaration` the keyword starts (an `import` or `type` declaration, grouped or not), in text order. */
function declared(ctx: FileContext, keyword: string, declaration: string, spec: string): Node[] {
  const out: Node[] = [];
  for (const kw of ctx.spelled(new RegExp(`\\b${keyword}\\b`, 'g'))) {
    const decl = ctx.parentOf(kw);
    if (decl?.type === declaration) for (const s of decl.descendantsOfType(spec)) if (s) out.push(s);
  }
  return out;
}

function literalOf(ctx: FileContext, n: Node): { literal?: string } {
  if (n.type === 'interpreted_string_literal' || n.type === 'raw_string_literal') return { literal: ctx.text(n).slice(1, -1) };
  if (n.type === 'int_literal') return { literal: ctx.text(n) };
  return {};
}

function evidenceOf(text: string): string {
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}

export type { Role };
