import type { Node } from '@vscode/tree-sitter-wasm';
import { isClientName } from '../clients/naming';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, commands, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import type { CallSite, ClientRef, Role, SentinelMisuse, Ttl } from './model';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf } from './tree';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'accessor_declaration']);
const STRING_TYPES = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression']);
/** Names resolve through lexical scopes, members and `using` directives: nothing in a method body is seen from outside it, nothing in a class body from outside the class. */
const LOCALITY: Locality = {
  bodies: new Set(['block']),
  containers: new Set(['compilation_unit', 'declaration_list', 'block']),
  exported: {},
  exportedFields: [],
  classes: new Set(['class_declaration', 'struct_declaration', 'record_declaration', 'interface_declaration']),
};
const SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'block', 'declaration_list', 'for_statement', 'foreach_statement', 'using_statement', 'catch_clause', 'switch_section']);

/** StackExchange.Redis types. */
const SE_TYPES: Record<string, Role | 'mux'> = {
  IDatabase: 'client',
  IDatabaseAsync: 'client',
  ITransaction: 'pipeline',
  IBatch: 'pipeline',
  IServer: 'server',
  ConnectionMultiplexer: 'mux',
  IConnectionMultiplexer: 'mux',
};

/** StackExchange.Redis `IDatabase` / `IServer` methods (lower case, without `Async`) and the command each sends. */
const SE_METHODS: Record<string, CommandInfo> = {
  stringset: commands.SET!,
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

export const csharpCallWords = [...Object.keys(SE_METHODS).flatMap((m) => [m, `${m}async`]), 'Execute', 'ExecuteAsync', 'ScriptEvaluate', 'ScriptEvaluateAsync', 'Prepare', 'Connect', 'ConnectAsync'];

type CsValue = { t: 'se'; role: Role | 'mux'; strength: 'strong' | 'weak' } | { t: 'other' } | { t: 'unknown' };
const UNKNOWN: CsValue = { t: 'unknown' };
const OTHER: CsValue = { t: 'other' };

type Decl = { type: Node | null; value: Node | null };

export function createCSharpAdapter(ctx: FileContext): Adapter {
  return new CSharpAdapter(ctx);
}

class CSharpAdapter implements Adapter {
  readonly functionTypes = FUNCTION_TYPES;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(private readonly ctx: FileContext) {}

  callSite(token: Node): CallSite | undefined {
    if (token.type !== 'identifier') return undefined;
    let nameHolder = token;
    const tokenParent = this.ctx.parentOf(token);
    if (tokenParent?.type === 'generic_name') nameHolder = tokenParent;
    const access = this.ctx.parentOf(nameHolder);
    if (access?.type !== 'member_access_expression' || this.ctx.field(access, 'name')?.id !== nameHolder.id) return undefined;
    const call = this.ctx.parentOf(access);
    if (call?.type !== 'invocation_expression' || this.ctx.field(call, 'function')?.id !== access.id) return undefined;
    const argsNode = this.ctx.field(call, 'arguments');
    const args = (argsNode ? namedKids(argsNode) : []).map((a) => {
      const name = this.ctx.field(a, 'name');
      const value = a.lastNamedChild ?? a;
      return name ? { node: value, name: this.ctx.text(name) } : { node: value };
    });
    return { call, nameNode: token, name: this.ctx.text(token), receiver: this.ctx.field(access, 'expression'), args, argsNode };
  }

  private seImported(): boolean {
    return this.ctx.memo('cs.using', 0, () => usingDirectives(this.ctx).some((u) => /StackExchange\s*\.\s*Redis/.test(this.ctx.text(u))), false);
  }

  ops(site: CallSite): OpDraft[] {
    const method = site.name.toLowerCase().replace(/async$/, '');
    if (method === 'prepare') {
      const recv = site.receiver && this.ctx.text(site.receiver);
      return recv === 'LuaScript' && this.seImported() ? scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), { lib: 'stackexchange', role: 'client', strength: 'strong' }) : [];
    }
    const v = this.valueOf(site.receiver!);
    let client: ClientRef | undefined;
    if (v.t === 'se' && v.role !== 'mux') client = { lib: 'stackexchange', role: v.role, strength: v.strength };
    else if (v.t === 'unknown' && isClientName(this.nameOf(site.receiver!))) client = { lib: 'unknown', role: 'client', strength: 'weak' };
    if (!client) return [];
    const base = { node: site.call, range: site.receiver?.type === 'invocation_expression' ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call), offset: site.nameNode.startIndex, client, site };
    if (method === 'execute') {
      const tokens: Token[] = site.args.map((a) => ({ node: a.node, ...this.literalOf(a.node) }));
      const cmd = commandFromTokens(tokens);
      return cmd ? [{ ...base, command: cmd.info.command, cls: cmd.info.cls, keys: cmd.keys, ttl: cmd.ttl, via: 'command' }] : [];
    }
    if (method === 'scriptevaluate') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    const info = SE_METHODS[method];
    if (!info) return [];
    if (info.cls === 'flush' ? client.role !== 'server' && client.lib !== 'unknown' : client.role === 'server') return [];
    const positional = site.args.filter((a) => !a.name);
    const keyArg = site.args.find((a) => a.name === 'key') ?? positional[0];
    const isMset = info.command === 'SET' && positional.length === 1 && !site.args.some((a) => a.name === 'value');
    const keys = keyArg && !isMset ? [keyArg.node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? (isMset ? 'no' : this.setTtl(site, info)) : 'no';
    return [{ ...base, command: isMset ? 'MSET' : info.command, cls: info.cls, keys, ttl, via: 'method' }];
  }

  /** `StringSet(key, value, TimeSpan? expiry = null, When when = Always, CommandFlags flags = None)` and the `keepTtl` overloads. */
  private setTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.command !== 'SET') return 'no';
    for (const a of site.args) {
      if (a.name === 'expiry') return a.node.type === 'null_literal' ? 'no' : 'yes';
      if (a.name === 'keepTtl') return this.ctx.text(a.node) === 'false' ? 'no' : 'yes';
    }
    const third = site.args.filter((a) => !a.name)[2];
    if (!third) return 'no';
    const text = this.ctx.text(third.node);
    if (third.node.type === 'null_literal' || /^(When|CommandFlags)\./.test(text) || text === 'default') return 'no';
    return 'yes';
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
      return d?.value ? this.scriptLiterals(d.value, depth + 1) : [];
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
        const d = this.lookup(this.ctx.text(n), n);
        return d ? this.declValue(d) : UNKNOWN;
      }
      case 'member_access_expression': {
        const expr = this.ctx.field(n, 'expression');
        if (expr?.type !== 'this_expression' && expr?.type !== 'this') return UNKNOWN;
        const d = this.memberDecl(n, this.ctx.text(this.ctx.field(n, 'name')!));
        return d ? this.declValue(d) : UNKNOWN;
      }
      case 'invocation_expression': {
        const fn = this.ctx.field(n, 'function');
        if (fn?.type !== 'member_access_expression') return UNKNOWN;
        const method = this.ctx.text(this.ctx.field(fn, 'name')!).replace(/<.*$/, '');
        const expr = this.ctx.field(fn, 'expression')!;
        if ((method === 'Connect' || method === 'ConnectAsync') && this.ctx.text(expr) === 'ConnectionMultiplexer' && this.seImported()) return { t: 'se', role: 'mux', strength: 'strong' };
        const ov = this.valueOf(expr);
        if (ov.t !== 'se') return UNKNOWN;
        if (ov.role === 'mux' && method === 'GetDatabase') return { t: 'se', role: 'client', strength: ov.strength };
        if (ov.role === 'mux' && method === 'GetServer') return { t: 'se', role: 'server', strength: ov.strength };
        if (ov.role === 'client' && (method === 'CreateTransaction' || method === 'CreateBatch')) return { t: 'se', role: 'pipeline', strength: ov.strength };
        return OTHER;
      }
      case 'await_expression':
      case 'parenthesized_expression':
        return n.lastNamedChild ? this.valueOf(n.lastNamedChild) : UNKNOWN;
      case 'object_creation_expression':
        return this.ctx.field(n, 'type') ? this.typeValue(this.ctx.field(n, 'type')!) : OTHER;
      default:
        return n.type.endsWith('literal') ? OTHER : UNKNOWN;
    }
  }

  private declValue(d: Decl): CsValue {
    if (d.type && d.type.type !== 'implicit_type') {
      const tv = this.typeValue(d.type);
      if (tv.t !== 'unknown') return tv;
    }
    return d.value ? this.valueOf(d.value) : UNKNOWN;
  }

  private typeValue(type: Node): CsValue {
    let t: Node | null = type;
    if (t.type === 'nullable_type') t = t.namedChild(0);
    if (!t) return OTHER;
    const text = this.ctx.text(t).replace(/\s+/g, '');
    const simple = text.replace(/^(global::)?StackExchange\.Redis\./, '');
    const role = SE_TYPES[simple];
    if (!role) return OTHER;
    if (simple !== text || this.seImported()) return { t: 'se', role, strength: 'strong' };
    return OTHER;
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
        for (const p of params.type === 'identifier' ? [params] : namedKids(params)) {
          const name = p.type === 'identifier' ? p : this.ctx.field(p, 'name');
          if (name) decls.set(this.ctx.text(name), { type: this.ctx.field(p, 'type'), value: null });
        }
      }
      for (const st of namedKids(scope)) {
        if (st.type === 'local_declaration_statement' || st.type === 'field_declaration') {
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

/** The file's `using` directives, in text order. */
export function usingDirectives(ctx: FileContext): Node[] {
  return ctx.memo('cs.usings', 0, () => ctx.spelled(/\busing\b/g).map((kw) => ctx.parentOf(kw)).filter((u): u is Node => u?.type === 'using_directive'), []);
}
