import type { Node } from '@vscode/tree-sitter-wasm';
import { isAccessorName, isClientName, isGenericClientName, isRedisish } from '../clients/naming';
import {
  addressKeys,
  clientMethodResult,
  constructs,
  genericMethods,
  importedValue,
  memberValue,
  moduleLib,
  ttlOptionKeys,
} from '../clients/javascript';
import type { Adapter, Locality, OpDraft } from './adapter';
import { commandFromTokens, methodCommands, normalizeMethod, setTtl, ttlTokens, type CommandInfo, type Token } from './commands';
import type { FileContext } from './context';
import { OTHER, UNKNOWN, type Arg, type CallSite, type ClientRef, type Lib, type Op, type SentinelMisuse, type Ttl, type Value } from './model';
import { redisOnlyReceivers, sentRedisCommands } from './evidence';
import { scriptOps } from './scripts';
import { namedKids, rangeBetween, rangeOf } from './tree';
import { exportOf, isCalledWrapperWrite, localTtlHelpers, localWrappers, projectWrapperCalls, ttlHelpers, wrapperCallOps, wrapperCallWords, wrapperWords, type FunctionInfo, type WrapperHost } from './wrappers';
import { emptySummary, type ClientExport, type FileSummary } from '../project/facts';

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);
const SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'program', 'statement_block', 'for_statement', 'for_in_statement', 'catch_clause', 'switch_case']);
const STRING_TYPES = new Set(['string', 'template_string']);
/**
 * Other functions read a function's returns (a client factory, by its name) and assignments
 * (`client = ...`; `this.x = ...` and the rest of a class body only from inside the class).
 */
const LOCALITY: Locality = {
  bodies: new Set(['statement_block']),
  containers: new Set(['program', 'statement_block', 'class_body', 'interface_body']),
  exported: { return_statement: 'value', assignment_expression: 'target', augmented_assignment_expression: 'target' },
  receivers: ['this'],
  exportedFields: ['name', 'parameters', 'parameter'],
  classes: new Set(['class_declaration', 'class', 'abstract_class_declaration']),
  inert: new Set(['interface_declaration', 'type_alias_declaration', 'enum_declaration']),
};
/** Where `this.x = ...` may start. */
const THIS_ASSIGNMENT = /\bthis\s*\.\s*#?[\w$]+\s*=(?![=>])/g;
/** A file that imports a Redis/Valkey client library, or a NestJS module that injects one. */
const REDIS_IMPORT =
  /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(?\s*)['"](?:ioredis|iovalkey|redis|@redis\/client|@node-redis\/client|@valkey\/valkey-glide|@nestjs-modules\/ioredis|@liaoliaots\/nestjs-redis|@nestjs-redis\/client|@nestjs-redis\/kit|nestjs-redis|@songkeys\/nestjs-redis|redis-om|@upstash\/redis)['"]/;
const REDIS_MODULE =
  /^(?:ioredis|iovalkey|redis|@redis\/client|@node-redis\/client|@valkey\/valkey-glide|@nestjs-modules\/ioredis|@liaoliaots\/nestjs-redis|@nestjs-redis\/client|@nestjs-redis\/kit|nestjs-redis|@songkeys\/nestjs-redis|redis-om|@upstash\/redis)$/;
/** Type names of a client the project defines or re-exports (`RedisClient`, `IRedis`, `RedisConnection`). */
const CLIENT_TYPE_NAME = /^I?(?:Redis|Valkey)(?:Client|Connection|Cluster|Instance)?(?:Type)?$/;
/** Names of test doubles. */
const DOUBLE = /mock|fake|stub|double/i;
/** Names code gives `this` to use it in callbacks (`var self = this`). */
const SELF_NAMES = new Set(['self', 'that', '_this', 'me']);
/** Array methods whose callback gets each element (a cluster's nodes). */
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every']);
/** Client methods that call back with a client. */
const CLIENT_CALLBACKS = new Set(['executeIsolated']);
const PASS_THROUGH = new Set(['await_expression', 'parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression', 'type_assertion']);
const LITERALS = new Set([
  'object',
  'array',
  'string',
  'template_string',
  'number',
  'true',
  'false',
  'null',
  'undefined',
  'regex',
  'arrow_function',
  'function_expression',
  'function',
  'class',
  'jsx_element',
  'jsx_self_closing_element',
]);

export const javascriptCallWords = [
  ...Object.keys(methodCommands),
  'setEx',
  'call',
  'callBuffer',
  'send_command',
  'sendCommand',
  'customCommand',
  'eval',
  'defineCommand',
  'defineScript',
  'script',
  'scriptLoad',
  'Script',
];

type Decl =
  | { kind: 'var'; name: Node; value: Node | null; type: Node | null; scope: Node }
  | { kind: 'import'; lib: Lib | undefined; imported: string; spec?: string }
  | { kind: 'param'; type: Node | null; value: Node | null; fn?: Node; index?: number }
  | { kind: 'function'; node: Node }
  | { kind: 'opaque' };

/** Write commands a wrapper may send on its key parameter. */
const WRAPPER_WORDS = wrapperWords([
  ...Object.entries(methodCommands)
    .filter(([, i]) => i.cls === 'string-write' || i.cls === 'counter' || i.cls === 'collection' || i.cls === 'keys')
    .map(([m]) => m),
  'call',
  'sendCommand',
  'send_command',
]);

/** Commands that set a TTL, for TTL helpers (`touch(key) { return this.client.expire(key, 60) }`). */
const TTL_WORDS = wrapperWords(['expire', 'pexpire', 'expireat', 'pexpireat']);

export function createJavaScriptAdapter(ctx: FileContext): Adapter & { extraCallWords(): string[] } {
  return new JavaScriptAdapter(ctx);
}

class JavaScriptAdapter implements Adapter, WrapperHost {
  readonly functionTypes = FUNCTION_TYPES;
  readonly counterOnCreatedKeyKeepsTtl = true;
  readonly stringTypes = STRING_TYPES;
  readonly locality = LOCALITY;

  constructor(readonly ctx: FileContext) {}

  // ---- call sites ------------------------------------------------------------------------------

  callSite(token: Node): CallSite | undefined {
    const parent = this.ctx.parentOf(token);
    if (!parent) return undefined;
    if (token.type === 'property_identifier' && parent.type === 'member_expression') {
      const call = this.ctx.parentOf(parent);
      if (!call || call.type !== 'call_expression' || this.ctx.field(call, 'function')?.id !== parent.id) return undefined;
      return this.site(call, token, this.ctx.field(parent, 'object'));
    }
    if (token.type === 'identifier') {
      if (parent.type === 'call_expression' && this.ctx.field(parent, 'function')?.id === token.id) return this.site(parent, token, null);
      if (parent.type === 'new_expression' && this.ctx.field(parent, 'constructor')?.id === token.id) return this.site(parent, token, null);
    }
    return undefined;
  }

  private site(call: Node, nameNode: Node, receiver: Node | null): CallSite {
    const argsNode = this.ctx.field(call, 'arguments');
    let args: Arg[] | undefined;
    return {
      call,
      nameNode,
      name: this.ctx.text(nameNode),
      receiver,
      argsNode,
      get args(): Arg[] {
        return (args ??= argsNode ? namedKids(argsNode).map((n) => (n.type === 'spread_element' ? { node: n, spread: true } : { node: n })) : []);
      },
    };
  }

  // ---- ops -------------------------------------------------------------------------------------

  ops(site: CallSite): OpDraft[] {
    const drafts = this.clientOps(site);
    if (drafts.length > 0) {
      if (localWrappers(this, WRAPPER_WORDS).length === 0) return drafts;
      return drafts.filter((d) => !isCalledWrapperWrite(this, WRAPPER_WORDS, d.node));
    }
    if (site.receiver && this.clientOf(site.receiver)) return [];
    return wrapperCallOps(this, WRAPPER_WORDS, site);
  }

  /** Extra words of the engine's search: wrappers of this file that it calls, and the project's. */
  extraCallWords(): string[] {
    return wrapperCallWords(this, WRAPPER_WORDS, TTL_WORDS);
  }

  ttlHelperNames(): readonly string[] {
    return localTtlHelpers(this, TTL_WORDS);
  }

  /** The write's function, or the function a callback around it is passed from (`items.map((i) => r.set(...))`). */
  expiryScope(write: Op): Node | undefined {
    let fn = write.fn;
    for (let parent = fn ? this.ctx.parentOf(fn) : null; fn && parent?.type === 'arguments'; parent = fn ? this.ctx.parentOf(fn) : null) {
      const outer = this.innermostFunction(parent);
      if (!outer) break;
      fn = outer;
    }
    return fn ?? undefined;
  }

  // ---- project summary (see project/facts.ts) -----------------------------------------------------

  summarize(): FileSummary {
    const out = emptySummary();
    const clientish = (n: Node): boolean => {
      const v = this.valueOf(n);
      return v.t === 'client' || (v.t === 'unknown' && this.hint(n));
    };
    const line = (n: Node) => n.startPosition.row;
    const addClient = (c: ClientExport) => {
      if (!out.clients.some((x) => x.name === c.name && x.kind === c.kind && x.owner === c.owner)) out.clients.push(c);
    };
    const named = new Map<string, { kind: ClientExport['kind']; line: number }>();
    const exported: [string, string][] = [];
    const declare = (st: Node, as?: string) => {
      switch (st.type) {
        case 'lexical_declaration':
        case 'variable_declaration':
          for (const d of namedKids(st)) {
            const name = d.type === 'variable_declarator' ? this.ctx.field(d, 'name') : null;
            const value = d.type === 'variable_declarator' ? this.ctx.field(d, 'value') : null;
            if (name?.type !== 'identifier' || !value) {
              if (value && name?.type === 'object_pattern') this.summarizeRequire(value, name, out);
              continue;
            }
            const local = this.ctx.text(name);
            if (this.summarizeRequire(value, name, out)) continue;
            if (FUNCTION_TYPES.has(value.type)) {
              if (this.returnValue(value).t === 'client' || this.returnHint(value)) named.set(local, { kind: 'factory', line: line(d) });
            } else if (clientish(name)) named.set(local, { kind: 'value', line: line(d) });
          }
          return;
        case 'function_declaration':
        case 'generator_function_declaration': {
          const name = this.ctx.field(st, 'name');
          if (name && (this.returnValue(st).t === 'client' || this.returnHint(st))) named.set(this.ctx.text(name), { kind: 'factory', line: line(st) });
          return;
        }
        case 'class_declaration':
        case 'abstract_class_declaration':
        case 'class': {
          const name = this.ctx.field(st, 'name');
          const body = this.ctx.field(st, 'body');
          if (!body) return;
          const cls = name ? this.ctx.text(name) : as;
          if (!cls) return;
          if (this.thisValue(body).t === 'client') named.set(cls, { kind: 'class', line: line(st) });
          const first = body.namedChild(0);
          if (!first) return;
          for (const m of namedKids(body)) {
            if (m.type !== 'method_definition') continue;
            const mname = this.ctx.text(this.ctx.field(m, 'name')!);
            if (mname !== 'constructor' && (this.returnValue(m).t === 'client' || this.returnHint(m))) addClient({ name: mname, kind: 'factory', owner: cls, line: line(m) });
          }
          for (const [field, e] of this.classIndex(body)) {
            if (field === 'constructor') continue;
            // A method is a factory (above); a getter (`get client()`) is a field.
            if (e.types.length === 0 && e.values.length === 0 && !e.getters.some((g) => g.children.some((c) => c?.type === 'get'))) continue;
            const v = this.fieldValue(first, field);
            if (v.t === 'client' || (v.t === 'unknown' && this.fieldHint(first, field))) addClient({ name: field, kind: 'field', owner: cls, line: line(first) });
          }
          return;
        }
        default:
          return;
      }
    };
    for (const st of namedKids(this.ctx.root)) {
      this.ctx.deadline.tick();
      if (st.type === 'import_statement') {
        this.summarizeImport(st, out);
      } else if (st.type === 'export_statement') {
        const source = this.ctx.field(st, 'source');
        const clause = namedKids(st).find((k) => k.type === 'export_clause');
        const specs = clause ? namedKids(clause).filter((k) => k.type === 'export_specifier') : [];
        const isDefault = st.children.some((c) => c?.type === 'default');
        if (source) {
          // A re-export: the index reads it as an import of the names it passes on.
          const from = literalOf(this.ctx, source).literal;
          if (from === undefined) continue;
          const names: Record<string, string> = {};
          for (const sp of specs) names[this.ctx.text(this.ctx.field(sp, 'alias') ?? this.ctx.field(sp, 'name')!)] = this.ctx.text(this.ctx.field(sp, 'name')!);
          if (specs.length === 0) names['*'] = '*';
          out.imports.push({ from, names });
          continue;
        }
        for (const sp of specs) exported.push([this.ctx.text(this.ctx.field(sp, 'name')!), this.ctx.text(this.ctx.field(sp, 'alias') ?? this.ctx.field(sp, 'name')!)]);
        const decl = this.ctx.field(st, 'declaration');
        if (decl) {
          declare(decl, isDefault ? 'default' : undefined);
          const dn = this.ctx.field(decl, 'name');
          if (isDefault && dn) exported.push([this.ctx.text(dn), 'default']);
          continue;
        }
        const value = this.ctx.field(st, 'value') ?? namedKids(st).find((k) => k.type !== 'comment' && k.type !== 'export_clause');
        if (isDefault && value) {
          if (value.type === 'identifier') exported.push([this.ctx.text(value), 'default']);
          else if (FUNCTION_TYPES.has(value.type) ? this.returnValue(value).t === 'client' || this.returnHint(value) : clientish(value)) addClient({ name: 'default', kind: FUNCTION_TYPES.has(value.type) ? 'factory' : 'value', line: line(st) });
          else if (value.type === 'class') declare(value, 'default');
        }
      } else if (st.type === 'expression_statement') {
        const a = st.namedChild(0);
        if (a?.type !== 'assignment_expression') continue;
        const left = this.ctx.field(a, 'left');
        const right = this.ctx.field(a, 'right');
        if (!left || !right) continue;
        const target = this.ctx.text(left).replace(/\s+/g, '');
        const m = /^(?:module\.)?exports(?:\.([\w$]+))?$/.exec(target);
        if (!m || (!m[1] && target === 'exports')) continue;
        if (m[1]) {
          if (right.type === 'identifier') exported.push([this.ctx.text(right), m[1]]);
          else if (clientish(right)) addClient({ name: m[1], kind: 'value', line: line(st) });
        } else if (right.type === 'object') {
          for (const p of namedKids(right)) {
            if (p.type === 'shorthand_property_identifier') exported.push([this.ctx.text(p), this.ctx.text(p)]);
            else if (p.type === 'pair') {
              const k = this.ctx.field(p, 'key');
              const v = this.ctx.field(p, 'value');
              if (k && v?.type === 'identifier') exported.push([this.ctx.text(v), unquote(this.ctx.text(k))]);
              else if (k && v && clientish(v)) addClient({ name: unquote(this.ctx.text(k)), kind: 'value', line: line(p) });
            }
          }
        } else if (right.type === 'identifier') exported.push([this.ctx.text(right), 'default']);
        else if (clientish(right)) addClient({ name: 'default', kind: 'value', line: line(st) });
      } else declare(st);
    }
    for (const [name, c] of named) addClient({ name, kind: c.kind, line: c.line });
    for (const [local, as] of exported) {
      const c = named.get(local);
      if (c && as !== local) addClient({ name: as, kind: c.kind, line: c.line });
    }
    for (const w of localWrappers(this, WRAPPER_WORDS)) {
      out.wrappers.push(exportOf(w));
      // `export default invalidateCache`, `module.exports = { keys: scanKeys }`: importers call it by the name it is exported as.
      if (w.owner === undefined) for (const [local, as] of exported) if (local === w.name && as !== local) out.wrappers.push({ ...exportOf(w), name: as });
    }
    out.ttlHelpers = ttlHelpers(this, TTL_WORDS);
    const calls = projectWrapperCalls(this, WRAPPER_WORDS);
    if (calls.length) out.calls = calls;
    return out;
  }

  /** `const x = require('m')` and `const { a, b: c } = require('m')` as imports. */
  private summarizeRequire(value: Node, name: Node, out: FileSummary): boolean {
    if (value.type !== 'call_expression' || this.ctx.text(this.ctx.field(value, 'function')!) !== 'require') return false;
    const arg = this.ctx.field(value, 'arguments')?.namedChild(0);
    const from = arg ? literalOf(this.ctx, arg).literal : undefined;
    if (from === undefined) return true;
    const names: Record<string, string> = {};
    if (name.type === 'identifier') names[this.ctx.text(name)] = 'default';
    else if (name.type === 'object_pattern') {
      for (const p of namedKids(name)) {
        if (p.type === 'shorthand_property_identifier_pattern') names[this.ctx.text(p)] = this.ctx.text(p);
        else if (p.type === 'pair_pattern') {
          const k = this.ctx.field(p, 'key');
          const v = this.ctx.field(p, 'value');
          if (k && v?.type === 'identifier') names[this.ctx.text(v)] = this.ctx.text(k);
        }
      }
    }
    out.imports.push({ from, names });
    return true;
  }

  private summarizeImport(st: Node, out: FileSummary): void {
    const source = this.ctx.field(st, 'source');
    const requireClause = namedKids(st).find((k) => k.type === 'import_require_clause');
    const specNode = source ?? requireClause?.childForFieldName('source');
    const from = specNode ? literalOf(this.ctx, specNode).literal : undefined;
    if (from === undefined) return;
    const names: Record<string, string> = {};
    if (requireClause) {
      const id = requireClause.namedChild(0);
      if (id?.type === 'identifier') names[this.ctx.text(id)] = 'default';
    }
    const clause = namedKids(st).find((k) => k.type === 'import_clause');
    for (const part of clause ? namedKids(clause) : []) {
      if (part.type === 'identifier') names[this.ctx.text(part)] = 'default';
      else if (part.type === 'namespace_import') {
        const id = part.namedChild(0);
        if (id) names[this.ctx.text(id)] = '*';
      } else if (part.type === 'named_imports') {
        for (const spec of namedKids(part)) {
          const name = this.ctx.field(spec, 'name');
          const alias = this.ctx.field(spec, 'alias');
          if (name) names[this.ctx.text(alias ?? name)] = this.ctx.text(name);
        }
      }
    }
    out.imports.push({ from, names });
  }

  // ---- wrappers (see wrappers.ts) ----------------------------------------------------------------

  paramOf(key: Node): { fn: Node; index: number } | undefined {
    const decl = this.lookup(this.ctx.text(key), key);
    return decl?.kind === 'param' && decl.fn && decl.index !== undefined && this.describe(decl.fn) ? { fn: decl.fn, index: decl.index } : undefined;
  }

  isParam(name: Node): boolean {
    return name.type === 'identifier' && this.lookup(this.ctx.text(name), name)?.kind === 'param';
  }

  derivedParamOf(pattern: Node, depth = 0): { fn: Node; index: number } | undefined {
    if (depth > 3) return undefined;
    switch (pattern.type) {
      case 'identifier': {
        const direct = this.paramOf(pattern);
        if (direct) return direct;
        const decl = this.lookup(this.ctx.text(pattern), pattern);
        return decl?.kind === 'var' && decl.value ? this.derivedParamOf(decl.value, depth + 1) : undefined;
      }
      case 'template_string':
        for (const sub of namedKids(pattern)) {
          const inner = sub.type === 'template_substitution' ? sub.namedChild(0) : null;
          const p = inner ? this.derivedParamOf(inner, depth + 1) : undefined;
          if (p) return p;
        }
        return undefined;
      case 'binary_expression': {
        if (this.ctx.text(this.ctx.field(pattern, 'operator')!) !== '+') return undefined;
        const l = this.ctx.field(pattern, 'left');
        const r = this.ctx.field(pattern, 'right');
        return (l ? this.derivedParamOf(l, depth + 1) : undefined) ?? (r ? this.derivedParamOf(r, depth + 1) : undefined);
      }
      case 'parenthesized_expression':
        return pattern.namedChild(0) ? this.derivedParamOf(pattern.namedChild(0)!, depth + 1) : undefined;
      default:
        return undefined;
    }
  }

  describe(fn: Node): FunctionInfo | undefined {
    const params = this.ctx.field(fn, 'parameters');
    const names = params ? namedKids(params).map((p) => this.ctx.text(this.ctx.field(p, 'pattern') ?? this.ctx.field(p, 'left') ?? p)) : [];
    const single = this.ctx.field(fn, 'parameter');
    if (single) names.push(this.ctx.text(single));
    if (fn.type === 'function_declaration' || fn.type === 'generator_function_declaration') {
      const name = this.ctx.field(fn, 'name');
      return name ? { name: this.ctx.text(name), params: names } : undefined;
    }
    if (fn.type === 'method_definition') {
      const name = this.ctx.text(this.ctx.field(fn, 'name')!);
      const owner = this.className(fn);
      return name === 'constructor' || !owner ? undefined : { name, owner, params: names };
    }
    const parent = this.ctx.parentOf(fn);
    if (parent?.type === 'variable_declarator' && this.ctx.field(parent, 'name')?.type === 'identifier') return { name: this.ctx.text(this.ctx.field(parent, 'name')!), params: names };
    // `export default async (prefix) => { ... }`: importers bind it to a name of their own.
    if (parent?.type === 'export_statement' && parent.children.some((c) => c?.type === 'default')) return { name: 'default', params: names };
    if (parent && (parent.type === 'public_field_definition' || parent.type === 'field_definition')) {
      const fname = this.ctx.field(parent, 'name') ?? this.ctx.field(parent, 'property');
      const owner = this.className(parent);
      return fname && owner ? { name: this.ctx.text(fname), owner, params: names } : undefined;
    }
    return undefined;
  }

  private className(member: Node): string | undefined {
    const body = this.classBodyOf(member);
    const cls = body ? this.ctx.parentOf(body) : null;
    const name = cls ? this.ctx.field(cls, 'name') : null;
    return name ? this.ctx.text(name) : undefined;
  }

  callsFunction(site: CallSite, fn: Node): boolean {
    const decl = this.lookup(site.name, site.nameNode);
    return (decl?.kind === 'function' && decl.node.id === fn.id) || (decl?.kind === 'var' && decl.value?.id === fn.id);
  }

  receiverClass(site: CallSite): string | null | undefined {
    const r = site.receiver;
    if (!r) return undefined;
    if (r.type === 'this') return this.className(r) ?? undefined;
    const named = this.declaredClass(r);
    if (named !== undefined) return named;
    const v = this.valueOf(r);
    return v.t === 'unknown' ? undefined : null;
  }

  /** The class an expression is declared as or constructed from: `x: CacheService`, `new CacheService()`, `this.cache` typed so. */
  private declaredClass(n: Node): string | undefined {
    const fromType = (t: Node | null | undefined): string | undefined => {
      const inner = t?.type === 'type_annotation' ? t.namedChild(0) : t;
      return inner?.type === 'type_identifier' ? this.ctx.text(inner) : undefined;
    };
    const fromNew = (v: Node | null | undefined): string | undefined => {
      const e = v?.type === 'await_expression' ? v.namedChild(0) : v;
      const ctor = e?.type === 'new_expression' ? this.ctx.field(e, 'constructor') : null;
      return ctor?.type === 'identifier' ? this.ctx.text(ctor) : undefined;
    };
    if (n.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(n), n);
      if (decl?.kind === 'param') return fromType(decl.type) ?? fromNew(decl.value);
      if (decl?.kind === 'var') return fromType(decl.type) ?? fromNew(decl.value);
      return undefined;
    }
    if (n.type === 'member_expression' && this.ctx.field(n, 'object')?.type === 'this') {
      const body = this.classBodyOf(n);
      const member = body ? this.classIndex(body).get(this.ctx.text(this.ctx.field(n, 'property')!)) : undefined;
      if (!member) return undefined;
      for (const t of member.types) {
        const c = fromType(t);
        if (c) return c;
      }
      for (const v of member.values) {
        const c = fromNew(v);
        if (c) return c;
      }
    }
    return undefined;
  }

  receiverName(site: CallSite): string | undefined {
    return site.receiver ? this.nameOf(site.receiver) : undefined;
  }

  clientOps(site: CallSite): OpDraft[] {
    const name = normalizeMethod(site.name);
    if (!site.receiver) return this.bareCallOps(site, name);
    const client = this.clientOf(site.receiver) ?? this.luaReceiver(site, name);
    if (!client) return [];
    if (genericMethods.has(name)) return this.genericOps(site, client);
    if (name === 'eval') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    if (name === 'scriptload') return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    if (name === 'script') {
      const sub = site.args[0] ? literalOf(this.ctx, site.args[0].node).literal : undefined;
      return sub?.toUpperCase() === 'LOAD' ? scriptOps(this.ctx, this.scriptLiterals(site.args[1]?.node), client) : [];
    }
    if (name === 'definecommand') {
      const lua = site.args[1] && objectProperty(this.ctx, site.args[1].node, 'lua');
      return scriptOps(this.ctx, this.scriptLiterals(lua ?? undefined), client);
    }
    const info = methodCommands[name];
    if (!info) return [];
    // `client.set('')`: a SET without a value fails and creates nothing.
    if (info.cls === 'string-write' && !info.keyValuePairs && site.args.length < 2 && !site.args.some((a) => a.spread)) return [];
    const keys = info.keyValuePairs ? this.msetKeys(site) : site.args[0] && !site.args[0].spread ? [site.args[0].node] : [];
    const ttl: Ttl = info.cls === 'string-write' ? this.setTtl(site, info) : info.alwaysTtl ? 'yes' : 'no';
    return [{ command: info.command, cls: info.cls, node: site.call, range: this.opRange(site), offset: site.nameNode.startIndex, keys, ttl, via: 'method', client, site }];
  }

  /** `client.script('load', script)` / `.eval(script, ...)` on a receiver the engine cannot trace: a script calling `redis.call(...)` says it is a Redis client. */
  private luaReceiver(site: CallSite, name: string): ClientRef | undefined {
    if (name !== 'eval' && name !== 'script' && name !== 'scriptload' && name !== 'definecommand') return undefined;
    if (!site.receiver || this.valueOf(site.receiver).t !== 'unknown') return undefined;
    const arg = name === 'script' ? site.args[1]?.node : name === 'definecommand' ? (site.args[1] && objectProperty(this.ctx, site.args[1].node, 'lua')) ?? undefined : site.args[0]?.node;
    return this.scriptLiterals(arg).some((l) => /\bredis\.p?call\s*\(/.test(this.ctx.text(l))) ? { lib: 'unknown', role: 'client', strength: 'weak' } : undefined;
  }

  /** `defineScript({ SCRIPT })` (node-redis) and `new Script(code)` (glide) carry Lua scripts. */
  private bareCallOps(site: CallSite, name: string): OpDraft[] {
    const v = this.valueOf(site.nameNode);
    if (v.t !== 'lib') return [];
    const client: ClientRef = { lib: v.lib, role: 'client', strength: 'strong' };
    if (name === 'definescript' && v.what === 'define-script') {
      const script = site.args[0] && objectProperty(this.ctx, site.args[0].node, 'SCRIPT');
      return scriptOps(this.ctx, this.scriptLiterals(script ?? undefined), client);
    }
    if (name === 'script' && v.what === 'script-class' && site.call.type === 'new_expression') {
      return scriptOps(this.ctx, this.scriptLiterals(site.args[0]?.node), client);
    }
    return [];
  }

  private genericOps(site: CallSite, client: ClientRef): OpDraft[] {
    const first = site.args[0]?.node;
    const items = first?.type === 'array' ? namedKids(first) : site.args.map((a) => a.node);
    const tokens: Token[] = items.map((n) => ({ node: n, ...literalOf(this.ctx, n) }));
    const cmd = commandFromTokens(tokens);
    if (!cmd) return [];
    return [{ command: cmd.info.command, cls: cmd.info.cls, node: site.call, range: this.opRange(site), offset: site.nameNode.startIndex, keys: cmd.keys, ttl: cmd.ttl, via: 'command', client, site }];
  }

  private opRange(site: CallSite) {
    return site.receiver && site.receiver.type === 'call_expression' ? rangeBetween(site.nameNode, site.call) : rangeOf(site.call);
  }

  private msetKeys(site: CallSite): Node[] {
    let first = site.args[0]?.node;
    // `mset(user)` after `const user = { name: ..., age: ... }`.
    if (first?.type === 'identifier' && site.args.length === 1) {
      const decl = this.lookup(this.ctx.text(first), first);
      if (decl?.kind === 'var' && decl.value?.type === 'object') first = decl.value;
    }
    if (first?.type === 'object') {
      return namedKids(first)
        .filter((p) => p.type === 'pair')
        .map((p) => this.ctx.field(p, 'key'))
        .filter((k): k is Node => k !== null);
    }
    return site.args.filter((_, i) => i % 2 === 0).map((a) => a.node);
  }

  /**
   * SET's expiry in either option style: ioredis tokens (`'EX', 60`) or a node-redis / glide
   * options object (`{ EX: 60 }`, `{ expiration: {...} }`, `{ expiry: {...} }`).
   */
  private setTtl(site: CallSite, info: CommandInfo): Ttl {
    if (info.alwaysTtl) return 'yes';
    if (info.command !== 'SET') return 'no';
    const rest = site.args.slice(2).filter((a) => !isFunction(a.node));
    if (rest.some((a) => a.spread)) return 'unknown';
    const objects = rest.filter((a) => a.node.type === 'object');
    for (const o of objects) {
      const kids = namedKids(o.node);
      if (kids.some((k) => k.type === 'spread_element' || this.ctx.field(k, 'key')?.type === 'computed_property_name')) return 'unknown';
      for (const k of kids) {
        const key = k.type === 'shorthand_property_identifier' ? k : this.ctx.field(k, 'key');
        if (key && ttlOptionKeys.has(unquote(this.ctx.text(key)).toLowerCase())) return 'yes';
      }
    }
    const tokens: Token[] = rest.filter((a) => a.node.type !== 'object').map((a) => ({ node: a.node, ...literalOf(this.ctx, a.node) }));
    if (tokens.some((t) => t.literal !== undefined && ttlTokens.has(t.literal.toUpperCase()))) return 'yes';
    return setTtl(info, tokens);
  }

  /** String literals a script argument resolves to: a literal, a constant, or a concatenation of them. */
  private scriptLiterals(node: Node | undefined, depth = 0): Node[] {
    if (!node || depth > 4) return [];
    switch (node.type) {
      case 'string':
      case 'template_string':
        return [node];
      case 'binary_expression':
        return [...this.scriptLiterals(this.ctx.field(node, 'left') ?? undefined, depth + 1), ...this.scriptLiterals(this.ctx.field(node, 'right') ?? undefined, depth + 1)];
      case 'parenthesized_expression':
        return this.scriptLiterals(node.namedChild(0) ?? undefined, depth + 1);
      case 'identifier': {
        const decl = this.lookup(this.ctx.text(node), node);
        return decl?.kind === 'var' && decl.value ? this.scriptLiterals(decl.value, depth + 1) : [];
      }
      default:
        return [];
    }
  }

  // ---- receivers -------------------------------------------------------------------------------

  private clientOf(receiver: Node): ClientRef | undefined {
    const v = this.valueOf(receiver);
    if (v.t === 'client') return v.ref;
    if (v.t === 'unknown' && this.hint(receiver)) return { lib: 'unknown', role: 'client', strength: 'weak' };
    return undefined;
  }

  /** The file imports a Redis/Valkey client library (or a NestJS module of one): generic names (`client`, `conn`) are trusted. */
  private redisImported(): boolean {
    // On the tree, not the text: an import in a comment or a string does not count.
    return this.ctx.memo('js.redisImported', 0, () => {
      if (this.ctx.namedAfterRedis()) return true;
      if (!REDIS_IMPORT.test(this.ctx.source)) return false;
      for (const kw of this.ctx.spelled(/\b(?:import|require)\b/g)) {
        const parent = this.ctx.parentOf(kw);
        const spec =
          parent?.type === 'import_statement' || parent?.type === 'export_statement'
            ? this.ctx.field(parent, 'source')
            : parent?.type === 'call_expression'
              ? (this.ctx.field(parent, 'arguments')?.namedChild(0) ?? null)
              : null;
        const text = spec ? literalOf(this.ctx, spec).literal : undefined;
        if (text !== undefined && REDIS_MODULE.test(text)) return true;
      }
      return false;
    }, false);
  }

  /**
   * Whether an expression the engine cannot trace is, by what it is called and where it comes from,
   * a Redis/Valkey client: a client name (`redis`, `redisClient`), an accessor of a Redis holder
   * (`this.redisService.client`, `await this.getClient()`), a variable set from one
   * (`const r = await getRedis()`), a name the project index knows, or a generic name (`client`,
   * `conn`) in a file that imports a client library.
   */
  private hint(n: Node): boolean {
    return this.ctx.memo('js.hint', n.id, () => this.computeHint(n), false);
  }

  private computeHint(n: Node): boolean {
    this.ctx.deadline.tick();
    const project = this.ctx.project;
    if (PASS_THROUGH.has(n.type)) {
      const inner = n.namedChildren.find((c) => c && !c.type.endsWith('type') && c.type !== 'type_annotation');
      return inner ? this.hint(inner) : false;
    }
    switch (n.type) {
      case 'identifier': {
        const name = this.ctx.text(n);
        if (isClientName(name)) return true;
        const decl = this.lookup(name, n);
        if (!decl && project?.isClientValue(name)) return true;
        // A generic name (`client`, `conn`) is trusted unless a variable says where it comes from.
        if (isGenericClientName(name) && this.redisImported() && (!decl || (decl.kind === 'param' && this.untyped(decl.type) && !this.isCallback(decl)) || (decl.kind === 'import' && !decl.lib) || (decl.kind === 'var' && !decl.value && this.untyped(decl.type)))) return true;
        if (!decl) return false;
        if (decl.kind === 'import') return project?.isClientValue(name) === true || (decl.spec !== undefined && isRedisish(decl.spec) && (isGenericClientName(name) || isAccessorName(name)));
        if (decl.kind === 'param') return (decl.type !== null && this.typeHint(decl.type)) || (decl.value !== null && this.hint(decl.value)) || this.callbackParamValue(decl).t === 'client' || (decl.fn !== undefined && this.usedLikeClient(n, decl.fn));
        if (decl.kind === 'var') return (decl.type !== null && this.typeHint(decl.type)) || (decl.value !== null && this.hint(decl.value)) || (!this.madeFromDouble(decl.value) && this.usedLikeClient(n, decl.scope));
        return false;
      }
      case 'member_expression': {
        const obj = this.ctx.field(n, 'object');
        const prop = this.ctx.field(n, 'property');
        if (!obj || !prop) return false;
        const name = this.ctx.text(prop);
        if (isClientName(name)) return true;
        if (obj.type === 'this' && project?.isClientValue(name)) return true;
        if (obj.type === 'this' && this.fieldHint(n, name)) return true;
        if ((isAccessorName(name) || isGenericClientName(name)) && (this.redisImported() || isRedisish(this.nameOf(obj)) || isRedisish(this.ctx.text(obj)) || this.hint(obj))) return true;
        return this.usedLikeClient(n, this.classBodyOf(n) ?? this.ctx.root);
      }
      case 'call_expression': {
        const fn = this.ctx.field(n, 'function');
        if (!fn) return false;
        const name = fn.type === 'member_expression' ? this.ctx.text(this.ctx.field(fn, 'property')!) : fn.type === 'identifier' ? this.ctx.text(fn) : undefined;
        if (name === undefined) return false;
        if (isClientName(name) || project?.isClientFactory(name)) return true;
        if (fn.type === 'member_expression') {
          const obj = this.ctx.field(fn, 'object')!;
          if (obj.type === 'this') {
            const body = this.classMethod(fn, name);
            if (body && this.returnHint(body)) return true;
          }
          // `getConnection()` of a file that also talks to a database: only on a Redis holder.
          if (isAccessorName(name)) return (!/conn(?:ection)?$/i.test(name) && this.redisImported()) || isRedisish(this.ctx.text(obj)) || this.hint(obj);
          return false;
        }
        const decl = this.lookup(name, fn);
        if (decl?.kind === 'function') return this.returnHint(decl.node);
        if (decl?.kind === 'var' && decl.value && FUNCTION_TYPES.has(decl.value.type)) return this.returnHint(decl.value);
        if (decl?.kind === 'import') return decl.spec !== undefined && isRedisish(decl.spec) && isAccessorName(name);
        return false;
      }
      default:
        return false;
    }
  }

  /**
   * The same receiver (`multi`, `this.db`, `self.client`, `that._db`) is sent at least two different
   * commands no in-process map or cache has (`zadd`, `hgetall`, `lrange`, `pexpire`, `setex`...)
   * in the scope of its declaration (`this.x`: its class): it is a client (or a pipeline of one)
   * the engine could not trace.
   */
  private usedLikeClient(n: Node, within: Node): boolean {
    let key: string | undefined;
    let pattern: string | undefined;
    if (n.type === 'identifier') key = this.ctx.text(n);
    else if (n.type === 'member_expression') {
      const obj = this.ctx.field(n, 'object');
      const prop = this.ctx.field(n, 'property');
      if (!obj || !prop || prop.type !== 'property_identifier') return false;
      const o = this.ctx.text(obj);
      const self = obj.type === 'this' || (obj.type === 'identifier' && SELF_NAMES.has(o));
      if (!self && obj.type !== 'identifier') return false;
      key = `${self ? 'this' : o}.${this.ctx.text(prop)}`;
      pattern = `${self ? `(?:this|${[...SELF_NAMES].join('|')})` : escapeWord(o)}\\s*\\.\\s*${escapeWord(this.ctx.text(prop))}`;
    }
    if (!key) return false;
    if (!sentRedisCommands(redisOnlyReceivers(this.ctx, within, 'js', jsReceiverAt), key)) return false;
    // `this.x = new MemoryStorage()` (a constructor function's field): the file says what it is.
    return pattern === undefined || !this.constructedAsOther(pattern, within);
  }


  /**
   * A variable made from a test double (`createGlideClient(new MockGlideClient())`, `new FakeRedis()`,
   * or from a variable holding one): what it is sent reaches no server.
   */
  private madeFromDouble(value: Node | null): boolean {
    if (!value) return false;
    const text = this.ctx.text(value);
    if (DOUBLE.test(text)) return true;
    for (const id of value.descendantsOfType('identifier')) {
      if (!id) continue;
      const d = this.lookup(this.ctx.text(id), id);
      if (d?.kind === 'var' && d.value && d.value.id !== value.id && DOUBLE.test(this.ctx.text(d.value))) return true;
    }
    return false;
  }

  /** The file assigns `<pattern> = new X(...)` with X no client class. */
  private constructedAsOther(pattern: string, within: Node): boolean {
    const re = new RegExp(`(?<![\\w$.])${pattern}\\s*=\\s*new\\s+([\\w$.]+)`, 'g');
    const text = this.ctx.source.slice(within.startIndex, within.endIndex);
    for (let m = re.exec(text); m; m = re.exec(text)) if (!/redis|valkey|cluster/i.test(m[1]!) && !this.ctx.project?.isClientClass(m[1]!)) return true;
    return false;
  }

  /** No type annotation, or one that says nothing (`any`, `unknown`). */
  private untyped(type: Node | null): boolean {
    return type === null || /^:?\s*(?:any|unknown)$/.test(this.ctx.text(type));
  }

  /** A parameter of a function passed as an argument (`rows.map((r) => ...)`): its name says nothing. */
  private isCallback(decl: Extract<Decl, { kind: 'param' }>): boolean {
    return decl.fn !== undefined && this.ctx.parentOf(decl.fn)?.type === 'arguments';
  }

  private returnHint(fn: Node): boolean {
    return this.ctx.memo('js.returnHint', fn.id, () => {
      const body = this.ctx.field(fn, 'body');
      if (!body) return false;
      if (body.type !== 'statement_block') return this.valueOf(body).t === 'client' || this.hint(body);
      for (const ret of body.descendantsOfType('return_statement')) {
        if (!ret || this.innermostFunction(ret)?.id !== fn.id) continue;
        const expr = ret.namedChild(0);
        if (expr && (this.valueOf(expr).t === 'client' || (this.valueOf(expr).t === 'unknown' && this.hint(expr)))) return true;
      }
      return false;
    }, false);
  }

  /** `this.<name>` of a class whose member is declared with a client-like type or assigned a client-like value. */
  private fieldHint(at: Node, name: string): boolean {
    const body = this.classBodyOf(at);
    if (!body) return false;
    return this.ctx.memo('js.fieldHint', `${body.id}:${name}`, () => {
      const member = this.classIndex(body).get(name);
      if (!member) return false;
      return member.types.some((t) => this.typeHint(t)) || member.values.some((v) => this.valueOf(v).t === 'unknown' && this.hint(v)) || member.getters.some((g) => this.returnHint(g));
    }, false);
  }

  /** A type the engine cannot trace to a library, named like a client (`RedisClient`, `Redis` re-exported by the project) or known to the project index. */
  private typeHint(type: Node): boolean {
    if (this.typeValue(type).t !== 'unknown') return false;
    const names = type.type === 'type_identifier' || type.type === 'identifier' ? [type] : type.descendantsOfType(['type_identifier']).filter((t): t is Node => t !== null);
    return names.some((t) => {
      const name = this.ctx.text(t);
      return isClientName(name) || CLIENT_TYPE_NAME.test(name) || this.ctx.project?.isClientClass(name) === true;
    });
  }

  /**
   * A callback's parameter that the call hands a client: `nodes.map((node) => node.keys(p))` over a
   * cluster's nodes, `client.executeIsolated((isolated) => ...)`.
   */
  private callbackParamValue(decl: Extract<Decl, { kind: 'param' }>): Value {
    if (!decl.fn || decl.index !== 0 || decl.type || decl.value) return UNKNOWN;
    const args = this.ctx.parentOf(decl.fn);
    const call = args?.type === 'arguments' ? this.ctx.parentOf(args) : null;
    const callee = call?.type === 'call_expression' ? this.ctx.field(call, 'function') : null;
    if (callee?.type !== 'member_expression') return UNKNOWN;
    const method = this.ctx.text(this.ctx.field(callee, 'property')!);
    const obj = this.ctx.field(callee, 'object')!;
    if (ITERATORS.has(method) || CLIENT_CALLBACKS.has(method)) {
      const ov = this.valueOf(obj);
      if (ITERATORS.has(method) && ov.t === 'lib' && ov.what === 'nodes') return client(ov.lib);
      if (CLIENT_CALLBACKS.has(method) && ov.t === 'client') return { t: 'client', ref: { ...ov.ref, role: 'client' } };
      if (ITERATORS.has(method) && ov.t === 'unknown' && /^(?:nodes|masters|replicas|slaves|shards|clients)$/i.test(this.nameOf(obj) ?? '') && this.redisImported()) {
        return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'weak' } };
      }
    }
    return UNKNOWN;
  }

  /**
   * A parameter of a named function of this file that every call of it in the file passes a client
   * (`buildStore(redisCache, config)` after `const redisCache = createClient()`).
   */
  private callersValue(decl: Extract<Decl, { kind: 'param' }>): Value {
    const fn = decl.fn;
    if (!fn || decl.index === undefined) return UNKNOWN;
    const info = this.describe(fn);
    if (!info || info.owner !== undefined || info.name === 'default') return UNKNOWN;
    const index = decl.index;
    return this.ctx.memo('js.callers', `${fn.id}:${index}`, () => {
      const values: Value[] = [];
      const re = new RegExp(`(?<![\\w$.])${escapeWord(info.name)}\\s*\\(`, 'g');
      for (let m = re.exec(this.ctx.source); m; m = re.exec(this.ctx.source)) {
        this.ctx.deadline.tick();
        const token = this.ctx.nodeAt(m.index, m.index + info.name.length);
        if (!token || token.startIndex !== m.index || token.type !== 'identifier') continue;
        const site = this.callSite(token);
        if (!site || site.receiver || !this.callsFunction(site, fn)) continue;
        const arg = site.args[index];
        if (!arg || arg.spread) return UNKNOWN;
        values.push(this.valueOf(arg.node));
      }
      return values.length > 0 && values.every((v) => v.t === 'client') ? values[0]! : UNKNOWN;
    }, UNKNOWN);
  }

  private nameOf(n: Node): string | undefined {
    switch (n.type) {
      case 'identifier':
        return this.ctx.text(n);
      case 'member_expression':
        return this.ctx.text(this.ctx.field(n, 'property')!);
      case 'call_expression': {
        const fn = this.ctx.field(n, 'function');
        return fn && this.ctx.field(n, 'arguments')?.namedChildCount === 0 ? this.nameOf(fn) : undefined;
      }
      default:
        return PASS_THROUGH.has(n.type) && n.namedChild(0) ? this.nameOf(n.namedChild(0)!) : undefined;
    }
  }

  valueOf(n: Node): Value {
    return this.ctx.memo('js.value', n.id, () => this.computeValue(n), UNKNOWN);
  }

  private computeValue(n: Node): Value {
    this.ctx.deadline.tick();
    const t = n.type;
    if (PASS_THROUGH.has(t)) {
      const inner = n.namedChildren.find((c) => c && !c.type.endsWith('type') && c.type !== 'type_annotation');
      return inner ? this.valueOf(inner) : UNKNOWN;
    }
    if (LITERALS.has(t)) return OTHER;
    switch (t) {
      case 'identifier': {
        const name = this.ctx.text(n);
        if (name === 'undefined') return OTHER;
        const decl = this.lookup(name, n);
        return decl ? this.declValue(decl, name) : UNKNOWN;
      }
      case 'this':
        return this.thisValue(n);
      case 'member_expression': {
        const obj = this.ctx.field(n, 'object');
        const prop = this.ctx.field(n, 'property');
        if (!obj || !prop) return UNKNOWN;
        const propName = this.ctx.text(prop);
        if (obj.type === 'this') return this.fieldValue(n, propName);
        const ov = this.valueOf(obj);
        if (ov.t === 'lib') return memberValue(ov, propName);
        if (ov.t === 'client') return OTHER;
        return UNKNOWN;
      }
      case 'call_expression':
        return this.callValue(n);
      case 'new_expression': {
        const ctor = this.ctx.field(n, 'constructor');
        const l = ctor ? constructs(this.valueOf(ctor), 'new') : undefined;
        if (l) return client(l);
        // A class another file of the project defines as a client (`class Cache extends Redis`).
        const cname = ctor ? this.nameOf(ctor) : undefined;
        if (cname && this.ctx.project?.isClientClass(cname) && this.valueOf(ctor!).t === 'unknown') return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'strong' } };
        return OTHER;
      }
      case 'ternary_expression':
        return combine([this.valueOf(this.ctx.field(n, 'consequence')!), this.valueOf(this.ctx.field(n, 'alternative')!)]);
      case 'binary_expression': {
        const op = this.ctx.field(n, 'operator');
        if (op && ['||', '??', '&&'].includes(this.ctx.text(op))) {
          return combine([this.valueOf(this.ctx.field(n, 'left')!), this.valueOf(this.ctx.field(n, 'right')!)]);
        }
        return OTHER;
      }
      case 'assignment_expression':
        return this.valueOf(this.ctx.field(n, 'right')!);
      case 'sequence_expression':
        return n.lastNamedChild ? this.valueOf(n.lastNamedChild) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private callValue(n: Node): Value {
    const fn = this.ctx.field(n, 'function');
    if (!fn) return UNKNOWN;
    if (fn.type === 'identifier' && this.ctx.text(fn) === 'require') {
      const arg = this.ctx.field(n, 'arguments')?.namedChild(0);
      const spec = arg ? literalOf(this.ctx, arg).literal : undefined;
      const l = spec === undefined ? undefined : moduleLib(spec);
      return l ? importedValue(l, 'default') : UNKNOWN;
    }
    if (fn.type === 'member_expression') {
      const obj = this.ctx.field(fn, 'object')!;
      const method = this.ctx.text(this.ctx.field(fn, 'property')!);
      if (obj.type === 'this') {
        const body = this.classMethod(fn, method);
        return body ? this.returnValue(body) : UNKNOWN;
      }
      const ov = this.valueOf(obj);
      if (ov.t === 'client') {
        const role = clientMethodResult(ov.ref.lib, method);
        if (role) return { t: 'client', ref: { ...ov.ref, role } };
        if (method === 'nodes') return { t: 'lib', lib: ov.ref.lib, what: 'nodes' };
        // Commands queued on a pipeline or MULTI return it: `.multi().set(k, v).incr(n).exec()`.
        if (ov.ref.role === 'pipeline' && methodCommands[normalizeMethod(method)]) return ov;
        return OTHER;
      }
      if (ov.t === 'lib') {
        const l = constructs(memberValue(ov, method), 'call');
        return l ? client(l) : OTHER;
      }
      if (ov.t === 'unknown' && this.hint(obj)) {
        const role = clientMethodResult('unknown', method);
        if (role) return { t: 'client', ref: { lib: 'unknown', role, strength: 'weak' } };
      }
      return UNKNOWN;
    }
    const fv = this.valueOf(fn);
    const l = constructs(fv, 'call');
    if (l) return client(l);
    if (fn.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(fn), fn);
      if (decl?.kind === 'function') return this.returnValue(decl.node);
      if (decl?.kind === 'var' && decl.value && FUNCTION_TYPES.has(decl.value.type)) return this.returnValue(decl.value);
    }
    return UNKNOWN;
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

  /** `this` in a class that extends a client class (`class Cache extends Redis`): the instance is a client. */
  private thisValue(n: Node): Value {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) {
      const t = this.ctx.typeOf(chain[i]!);
      if (t === 'function_expression' || t === 'function' || t === 'function_declaration' || t === 'generator_function_declaration') return OTHER;
      if (t !== 'class_declaration' && t !== 'class' && t !== 'abstract_class_declaration') continue;
      const heritage = namedKids(chain[i]!).find((k) => k.type === 'class_heritage');
      const ext = heritage ? (namedKids(heritage).find((k) => k.type === 'extends_clause') ?? heritage) : undefined;
      const base = ext ? (this.ctx.field(ext, 'value') ?? ext.namedChild(0)) : null;
      if (!base) return OTHER;
      const l = constructs(this.valueOf(base), 'new');
      if (l) return client(l);
      const name = this.nameOf(base);
      if (name && this.ctx.project?.isClientClass(name)) return { t: 'client', ref: { lib: 'unknown', role: 'client', strength: 'strong' } };
      return OTHER;
    }
    return OTHER;
  }

  /** What a function in this file returns (any return statement that yields a client wins). */
  private returnValue(fn: Node): Value {
    return this.ctx.memo('js.return', fn.id, () => {
      const body = this.ctx.field(fn, 'body');
      if (!body) return UNKNOWN;
      if (body.type !== 'statement_block') return this.valueOf(body);
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
        return decl.lib ? importedValue(decl.lib, decl.imported) : this.projectValue(name);
      case 'function':
      case 'opaque':
        return decl.kind === 'function' ? OTHER : UNKNOWN;
      case 'param': {
        if (decl.type) {
          const tv = this.typeValue(decl.type);
          if (tv.t !== 'unknown') return tv;
        }
        if (decl.value) return this.valueOf(decl.value);
        const cb = this.callbackParamValue(decl);
        return cb.t !== 'unknown' ? cb : this.callersValue(decl);
      }
      case 'var': {
        const typed = decl.type ? this.typeValue(decl.type) : UNKNOWN;
        // `let redis: Redis; ... redis = new (RedisMock as unknown as typeof Redis)()`: what it holds is no client.
        if (typed.t === 'client' && !decl.value) {
          const assigned = this.assignedValues(decl.scope, name);
          if (assigned.length > 0 && assigned.every((v) => v.t === 'other')) return OTHER;
        }
        if (typed.t === 'client') return typed;
        const init = decl.value ? this.valueOf(decl.value) : UNKNOWN;
        if (init.t === 'client' || init.t === 'lib') return init;
        const empty = !decl.value || ['null', 'undefined'].includes(decl.value.type) || this.ctx.text(decl.value) === 'undefined';
        if (empty || init.t === 'unknown') {
          const assigned = this.assignedValues(decl.scope, name);
          if (assigned.length) return combine([init, ...assigned]);
        }
        if (typed.t === 'other' && decl.type) return typed;
        return empty ? UNKNOWN : init;
      }
    }
  }

  /** Values assigned to `name` with `name = ...` anywhere in its scope (lazy singletons). */
  private assignedValues(scope: Node, name: string): Value[] {
    const pattern = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*=(?![=>])`, 'g');
    const out: Value[] = [];
    for (const a of this.assignmentsIn(scope, pattern)) {
      const left = this.ctx.field(a, 'left');
      if (left?.type === 'identifier' && this.ctx.text(left) === name) out.push(this.valueOf(this.ctx.field(a, 'right')!));
    }
    return out;
  }

  /**
   * Assignment expressions in `scope` whose text matches `pattern` at their start: the text says
   * where one may be, the syntax tree says whether it is one (not a comparison, a string, a comment).
   */
  private assignmentsIn(scope: Node, pattern: RegExp): Node[] {
    const text = this.ctx.source.slice(scope.startIndex, scope.endIndex);
    const out: Node[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const at = scope.startIndex + m.index;
      let n: Node | null = this.ctx.root.descendantForIndex(at, at + 1);
      for (let depth = 0; n && depth < 4 && n.startIndex === at; depth++, n = this.ctx.parentOf(n)) {
        if (n.type === 'assignment_expression') {
          out.push(n);
          break;
        }
      }
    }
    return out;
  }

  /** TypeScript annotations: `Redis`, `RedisClientType<...>`, `IORedis.Cluster`, `ReturnType<typeof createClient>`, unions. */
  private typeValue(type: Node, depth = 0): Value {
    if (depth > 6) return UNKNOWN;
    switch (type.type) {
      case 'type_annotation':
      case 'parenthesized_type':
        return type.namedChild(0) ? this.typeValue(type.namedChild(0)!, depth + 1) : UNKNOWN;
      case 'type_identifier':
      case 'identifier': {
        // A type name comes from an import; a class, interface or alias of this file is not a client.
        const decl = this.lookup(this.ctx.text(type), type);
        if (decl?.kind !== 'import') return decl ? OTHER : UNKNOWN;
        const v = this.declValue(decl, this.ctx.text(type));
        return v.t === 'lib' ? typeOfLib(v) : decl.lib ? OTHER : UNKNOWN;
      }
      case 'nested_type_identifier': {
        const mod = this.ctx.field(type, 'module');
        const name = this.ctx.field(type, 'name');
        if (!mod || !name) return UNKNOWN;
        const mv = this.valueOf(mod);
        return mv.t === 'lib' ? typeOfLib(memberValue(mv, this.ctx.text(name)) as Extract<Value, { t: 'lib' }>) : UNKNOWN;
      }
      case 'generic_type': {
        const name = this.ctx.field(type, 'name');
        if (name && this.ctx.text(name) === 'ReturnType') {
          const query = this.ctx.field(type, 'type_arguments')?.namedChild(0);
          const target = query?.type === 'type_query' ? query.namedChild(0) : null;
          if (target) {
            const l = constructs(this.valueOf(target), 'call');
            return l ? client(l) : UNKNOWN;
          }
          return UNKNOWN;
        }
        return name ? this.typeValue(name, depth + 1) : UNKNOWN;
      }
      case 'union_type': {
        const parts = namedKids(type).filter((k) => k.type !== 'literal_type');
        return combine(parts.map((p) => this.typeValue(p, depth + 1)));
      }
      case 'predefined_type':
        return ['any', 'unknown'].includes(this.ctx.text(type)) ? UNKNOWN : OTHER;
      default:
        return OTHER;
    }
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

  private declsOf(scope: Node): Map<string, Decl> {
    return this.ctx.memo('js.decls', scope.id, () => this.collectDecls(scope), new Map<string, Decl>());
  }

  private collectDecls(scope: Node): Map<string, Decl> {
    const decls = new Map<string, Decl>();
    const add = (name: string, d: Decl) => {
      if (!decls.has(name)) decls.set(name, d);
    };
    if (FUNCTION_TYPES.has(scope.type)) {
      const single = this.ctx.field(scope, 'parameter');
      if (single) add(this.ctx.text(single), { kind: 'param', type: null, value: null, fn: scope, index: 0 });
      const params = this.ctx.field(scope, 'parameters');
      if (params) namedKids(params).forEach((p, index) => this.addParam(p, (name, d) => add(name, d.kind === 'param' ? { ...d, fn: scope, index } : d)));
      const name = scope.type === 'function_expression' ? this.ctx.field(scope, 'name') : null;
      if (name) add(this.ctx.text(name), { kind: 'function', node: scope });
      return decls;
    }
    if (scope.type === 'catch_clause') {
      const p = this.ctx.field(scope, 'parameter');
      if (p) add(this.ctx.text(p), { kind: 'opaque' });
      return decls;
    }
    if (scope.type === 'for_in_statement') {
      const left = this.ctx.field(scope, 'left');
      if (left?.type === 'identifier') add(this.ctx.text(left), { kind: 'opaque' });
      return decls;
    }
    const statements = scope.type === 'for_statement' ? [this.ctx.field(scope, 'initializer')].filter((n): n is Node => n !== null) : namedKids(scope);
    for (const st of statements) this.addStatement(st, scope, add);
    return decls;
  }

  private addParam(p: Node, add: (name: string, d: Decl) => void): void {
    switch (p.type) {
      case 'identifier':
        add(this.ctx.text(p), { kind: 'param', type: null, value: null });
        return;
      case 'required_parameter':
      case 'optional_parameter': {
        const pattern = this.ctx.field(p, 'pattern');
        if (pattern?.type === 'identifier') add(this.ctx.text(pattern), { kind: 'param', type: this.ctx.field(p, 'type'), value: this.ctx.field(p, 'value') });
        else if (pattern) this.addPatternNames(pattern, add);
        return;
      }
      case 'assignment_pattern': {
        const left = this.ctx.field(p, 'left');
        if (left?.type === 'identifier') add(this.ctx.text(left), { kind: 'param', type: null, value: this.ctx.field(p, 'right') });
        return;
      }
      default:
        this.addPatternNames(p, add);
    }
  }

  private addPatternNames(pattern: Node, add: (name: string, d: Decl) => void): void {
    for (const id of pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
      if (id) add(this.ctx.text(id), { kind: 'opaque' });
    }
  }

  private addStatement(st: Node, scope: Node, add: (name: string, d: Decl) => void): void {
    switch (st.type) {
      case 'export_statement': {
        const decl = this.ctx.field(st, 'declaration');
        if (decl) this.addStatement(decl, scope, add);
        return;
      }
      case 'ambient_declaration':
        for (const k of namedKids(st)) this.addStatement(k, scope, add);
        return;
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of namedKids(st)) {
          if (d.type !== 'variable_declarator') continue;
          const name = this.ctx.field(d, 'name');
          const value = this.ctx.field(d, 'value');
          if (name?.type === 'identifier') add(this.ctx.text(name), { kind: 'var', name, value, type: this.ctx.field(d, 'type'), scope });
          else if (name?.type === 'object_pattern') this.addDestructured(name, value, add);
          else if (name) this.addPatternNames(name, add);
        }
        return;
      case 'function_declaration':
      case 'generator_function_declaration': {
        const name = this.ctx.field(st, 'name');
        if (name) add(this.ctx.text(name), { kind: 'function', node: st });
        return;
      }
      case 'class_declaration': {
        const name = this.ctx.field(st, 'name');
        if (name) add(this.ctx.text(name), { kind: 'opaque' });
        return;
      }
      case 'import_statement':
        this.addImport(st, add);
        return;
      default:
        return;
    }
  }

  /** `const { createClient } = require('redis')`; other destructuring is opaque. */
  private addDestructured(pattern: Node, value: Node | null, add: (name: string, d: Decl) => void): void {
    let lib: Lib | undefined;
    let spec: string | undefined;
    if (value?.type === 'call_expression' && this.ctx.text(this.ctx.field(value, 'function')!) === 'require') {
      const arg = this.ctx.field(value, 'arguments')?.namedChild(0);
      spec = arg ? literalOf(this.ctx, arg).literal : undefined;
      lib = spec === undefined ? undefined : moduleLib(spec);
    }
    for (const p of namedKids(pattern)) {
      if (p.type === 'shorthand_property_identifier_pattern') {
        const name = this.ctx.text(p);
        add(name, lib || spec !== undefined ? { kind: 'import', lib, imported: name, ...(spec !== undefined ? { spec } : {}) } : { kind: 'opaque' });
      } else if (p.type === 'pair_pattern') {
        const key = this.ctx.field(p, 'key');
        const val = this.ctx.field(p, 'value');
        if (val?.type === 'identifier') add(this.ctx.text(val), (lib || spec !== undefined) && key ? { kind: 'import', lib, imported: this.ctx.text(key), ...(spec !== undefined ? { spec } : {}) } : { kind: 'opaque' });
      } else this.addPatternNames(p, add);
    }
  }

  private addImport(st: Node, add: (name: string, d: Decl) => void): void {
    const source = this.ctx.field(st, 'source');
    const requireClause = namedKids(st).find((k) => k.type === 'import_require_clause');
    const specNode = source ?? requireClause?.childForFieldName('source');
    const spec = specNode ? literalOf(this.ctx, specNode).literal : undefined;
    const lib = spec === undefined ? undefined : moduleLib(spec);
    if (requireClause) {
      const id = requireClause.namedChild(0);
      if (id?.type === 'identifier') add(this.ctx.text(id), { kind: 'import', lib, imported: 'default', ...(spec !== undefined ? { spec } : {}) });
      return;
    }
    const clause = namedKids(st).find((k) => k.type === 'import_clause');
    if (!clause) return;
    for (const part of namedKids(clause)) {
      const at = spec !== undefined ? { spec } : {};
      if (part.type === 'identifier') add(this.ctx.text(part), { kind: 'import', lib, imported: 'default', ...at });
      else if (part.type === 'namespace_import') {
        const id = part.namedChild(0);
        if (id) add(this.ctx.text(id), { kind: 'import', lib, imported: '*', ...at });
      } else if (part.type === 'named_imports') {
        for (const spec2 of namedKids(part)) {
          const name = this.ctx.field(spec2, 'name');
          const alias = this.ctx.field(spec2, 'alias');
          if (name) add(this.ctx.text(alias ?? name), { kind: 'import', lib, imported: this.ctx.text(name), ...at });
        }
      }
    }
  }

  // ---- classes ---------------------------------------------------------------------------------

  private classBodyOf(n: Node): Node | undefined {
    const chain = this.ctx.ancestors(n);
    for (let i = chain.length - 1; i >= 0; i--) if (this.ctx.typeOf(chain[i]!) === 'class_body') return chain[i];
    return undefined;
  }

  private classMethod(at: Node, name: string): Node | undefined {
    const body = this.classBodyOf(at);
    if (!body) return undefined;
    return namedKids(body).find((m) => m.type === 'method_definition' && this.ctx.text(this.ctx.field(m, 'name')!) === name);
  }

  /** `this.<name>`: field initialisers and types, constructor parameter properties, `this.<name> = ...`, getters. */
  private fieldValue(at: Node, name: string): Value {
    const body = this.classBodyOf(at);
    if (!body) return UNKNOWN;
    return this.ctx.memo('js.field', `${body.id}:${name}`, () => {
      const member = this.classIndex(body).get(name);
      if (!member) return UNKNOWN;
      const values: Value[] = [
        ...member.types.map((t) => this.typeValue(t)),
        ...member.values.map((v) => this.valueOf(v)),
        ...member.getters.map((g) => this.returnValue(g)),
      ];
      return values.length ? combine(values) : UNKNOWN;
    }, UNKNOWN);
  }

  /** Everything a class says about each member name, collected in one pass over the class. */
  private classIndex(body: Node): Map<string, { types: Node[]; values: Node[]; getters: Node[] }> {
    return this.ctx.memo('js.classIndex', body.id, () => {
      const index = new Map<string, { types: Node[]; values: Node[]; getters: Node[] }>();
      const entry = (name: string) => {
        let e = index.get(name);
        if (!e) index.set(name, (e = { types: [], values: [], getters: [] }));
        return e;
      };
      for (const m of namedKids(body)) {
        if (m.type === 'public_field_definition' || m.type === 'field_definition') {
          const fname = this.ctx.field(m, 'name') ?? this.ctx.field(m, 'property');
          if (!fname) continue;
          const e = entry(this.ctx.text(fname));
          const type = this.ctx.field(m, 'type');
          if (type) e.types.push(type);
          const value = this.ctx.field(m, 'value');
          if (value) e.values.push(value);
        } else if (m.type === 'method_definition') {
          const mname = this.ctx.text(this.ctx.field(m, 'name')!);
          entry(mname).getters.push(m);
          if (mname !== 'constructor') continue;
          const params = this.ctx.field(m, 'parameters');
          for (const p of params ? namedKids(params) : []) {
            const pattern = this.ctx.field(p, 'pattern');
            const isProperty = namedKids(p).some((k) => k.type === 'accessibility_modifier' || k.type === 'override_modifier') || p.children.some((k) => k?.type === 'readonly');
            if (!isProperty || !pattern) continue;
            const type = this.ctx.field(p, 'type');
            if (type) entry(this.ctx.text(pattern)).types.push(type);
            else entry(this.ctx.text(pattern));
          }
        }
      }
      for (const a of this.assignmentsIn(body, THIS_ASSIGNMENT)) {
        const left = this.ctx.field(a, 'left');
        if (left?.type !== 'member_expression' || this.ctx.field(left, 'object')?.type !== 'this') continue;
        const right = this.ctx.field(a, 'right');
        if (right) entry(this.ctx.text(this.ctx.field(left, 'property')!)).values.push(right);
      }
      return index;
    }, new Map<string, { types: Node[]; values: Node[]; getters: Node[] }>());
  }

  // ---- sentinel --------------------------------------------------------------------------------

  sentinelAt(hit: Node): SentinelMisuse | undefined {
    const chain = this.ctx.ancestors(hit);
    for (let i = chain.length - 1, steps = 0; i >= 0 && steps < 14; i--, steps++) {
      const n = chain[i]!;
      if (this.ctx.typeOf(n) === 'pair') {
        const key = this.ctx.field(n, 'key');
        if (!key || !addressKeys.has(unquote(this.ctx.text(key)))) return undefined;
      } else if (this.ctx.typeOf(n) === 'arguments') {
        const call = chain[i - 1];
        const found = call ? this.misuse(call, hit) : undefined;
        if (found || !call || call.type !== 'call_expression') return found;
        // A conversion around the value (`Number(process.env.VALKEY_SENTINEL_PORT)`): keep walking out.
      } else if (this.ctx.typeOf(n) === 'variable_declarator') {
        const name = this.ctx.field(n, 'name');
        const scope = chain.slice(0, i).reverse().find((s) => SCOPE_TYPES.has(this.ctx.typeOf(s)));
        return name?.type === 'identifier' && scope ? this.misuseVia(this.ctx.text(name), scope, hit) : undefined;
      } else if (FUNCTION_TYPES.has(this.ctx.typeOf(n)) || this.ctx.typeOf(n).endsWith('statement')) return undefined;
    }
    return undefined;
  }

  /** An options object in a variable, passed to the constructor later: `new Redis(options)`. */
  private misuseVia(name: string, scope: Node, hit: Node): SentinelMisuse | undefined {
    const text = this.ctx.source.slice(scope.startIndex, scope.endIndex);
    const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    for (let m = word.exec(text); m; m = word.exec(text)) {
      const at = scope.startIndex + m.index;
      const id = this.ctx.root.descendantForIndex(at, at + name.length);
      const args = id?.type === 'identifier' ? this.ctx.parentOf(id) : null;
      const call = args?.type === 'arguments' ? this.ctx.parentOf(args) : null;
      const found = call ? this.misuse(call, hit) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private misuse(call: Node, hit: Node): SentinelMisuse | undefined {
    let lib: Lib | undefined;
    if (call.type === 'new_expression') {
      const ctor = this.ctx.field(call, 'constructor');
      lib = ctor ? constructs(this.valueOf(ctor), 'new') : undefined;
    } else if (call.type === 'call_expression') {
      const fn = this.ctx.field(call, 'function');
      const fv = fn ? this.valueOf(fn) : UNKNOWN;
      if (fv.t === 'lib' && fv.what === 'sentinel-factory') return undefined;
      lib = constructs(fv, 'call');
    }
    if (!lib) return undefined;
    const args = this.ctx.field(call, 'arguments');
    const objects = args ? namedKids(args).flatMap((a) => (a.type === 'object' ? [a] : a.type === 'identifier' ? this.objectOf(a) : [])) : [];
    const keys = objects.flatMap((o) => namedKids(o).map((p) => unquote(this.ctx.text(this.ctx.field(p, 'key') ?? p))));
    if (keys.includes('sentinels') || keys.includes('sentinelRootNodes')) return undefined;
    const hitText = this.ctx.text(hit);
    if (!/26379/.test(hitText) && objects.some((o) => /\bport\s*:\s*['"]?6379\b/.test(this.ctx.text(o)))) return undefined;
    return { node: call, range: rangeOf(call), lib, evidence: evidenceOf(this.ctx, hit) };
  }

  private objectOf(id: Node): Node[] {
    const decl = this.lookup(this.ctx.text(id), id);
    return decl?.kind === 'var' && decl.value?.type === 'object' ? [decl.value] : [];
  }

  // ---- keys and helper calls -------------------------------------------------------------------

  canonicalKey(node: Node): string {
    if (node.type === 'identifier') {
      const decl = this.lookup(this.ctx.text(node), node);
      if (decl?.kind === 'var' && decl.value && decl.value.type !== 'identifier') return compact(this.ctx.text(decl.value));
    }
    return compact(this.ctx.text(node));
  }

}

function client(lib: Lib): Value {
  return { t: 'client', ref: { lib, role: 'client', strength: 'strong' } };
}

function typeOfLib(v: Extract<Value, { t: 'lib' }>): Value {
  if (v.what === 'ctor' || v.what === 'client-type' || v.what === 'glide-class') return client(v.lib);
  if (v.what === 'pipeline-type') return { t: 'client', ref: { lib: v.lib, role: 'pipeline', strength: 'strong' } };
  return OTHER;
}

/** Client beats unknown beats other: a value that may be a client is treated as one. */
export function combine(values: readonly Value[]): Value {
  return values.find((v) => v.t === 'client') ?? values.find((v) => v.t === 'lib') ?? values.find((v) => v.t === 'unknown') ?? values[0] ?? UNKNOWN;
}

function literalOf(ctx: FileContext, n: Node): { literal?: string } {
  if (n.type === 'string') return { literal: ctx.text(n).slice(1, -1) };
  if (n.type === 'template_string' && !n.descendantsOfType('template_substitution').some((s) => s)) return { literal: ctx.text(n).slice(1, -1) };
  if (n.type === 'number') return { literal: ctx.text(n) };
  return {};
}

function isFunction(n: Node): boolean {
  return n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function';
}

function objectProperty(ctx: FileContext, obj: Node, key: string): Node | null {
  if (obj.type !== 'object') return null;
  for (const p of namedKids(obj)) {
    if (p.type === 'pair' && unquote(ctx.text(p.childForFieldName('key')!)) === key) return p.childForFieldName('value');
    if (p.type === 'shorthand_property_identifier' && ctx.text(p) === key) return p;
  }
  return null;
}

function unquote(s: string): string {
  return s.replace(/^['"`]|['"`]$/g, '');
}

/** The receiver written just before a `.`: `multi`, `this.db`, `self.client` (as `this.client`). */
function jsReceiverAt(before: string): string | undefined {
  const m = /(?<![\w$.])([\w$]+)(?:\s*\.\s*(#?[\w$]+))?\s*$/.exec(before);
  if (!m) return undefined;
  if (m[2] === undefined) return m[1];
  return `${m[1] === 'this' || SELF_NAMES.has(m[1]!) ? 'this' : m[1]}.${m[2]}`;
}

function escapeWord(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

export function evidenceOf(ctx: FileContext, hit: Node): string {
  const text = ctx.text(hit);
  if (/26379/.test(text)) return 'port 26379';
  const m = /[\w.]*sentinel[\w.]*/i.exec(text);
  return m ? `\`${m[0]}\`` : 'a Sentinel address';
}
