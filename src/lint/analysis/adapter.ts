import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallSite, ClientRef, CommandClass, Op, SentinelMisuse, Ttl } from './model';
import type { FileSummary } from '../project/facts';
import type { Range, RelatedLocation } from '../types';

/** An op as an adapter reports it; the engine adds positions and function scopes. */
export interface OpDraft {
  command: string;
  cls: CommandClass;
  /** The node whose range is reported, or an explicit range (inside a Lua string). */
  node: Node;
  range?: Range;
  offset?: number;
  keys: Node[];
  ttl: Ttl;
  via: 'method' | 'command' | 'lua';
  client: ClientRef;
  site?: CallSite;
  /** A call of a project wrapper: where the wrapper sends the command. */
  related?: RelatedLocation[];
}

/**
 * How other code's analysis reaches a node of a function body: through the function's name (a
 * return: calls of the function read it), the assignment's target (`x = ...`, `this.x = ...`: uses
 * of `x` read it), the node's own name (a nested declaration found by name), or in a way no name
 * tells (`any`).
 */
export type Export = 'value' | 'target' | 'name' | 'any';

/**
 * What an edit inside a function body can change for the analysis of the rest of the file. A
 * re-lint re-uses the findings of the other functions when the edit touches none of this, or only
 * exported nodes whose names the rest of the file never mentions (see document/change.ts), so each
 * adapter lists every place its name resolution reads inside a function from outside it.
 */
export interface Locality {
  /** Node types of function bodies made of statements (an expression body is the function's value). */
  readonly bodies: ReadonlySet<string>;
  /** Node types whose children are statements or members, where the analysis skips comments. */
  readonly containers: ReadonlySet<string>;
  /** Node types inside a body that other code's analysis reads (returns, assignments, nested declarations), and how. */
  readonly exported: Readonly<Record<string, Export>>;
  /** Words in assignment targets that stand for the object, not a name (`this`, `self`). */
  readonly receivers?: readonly string[];
  /** Fields of a function node that other code's analysis reads (its name, a declared result type, parameters its returns and assignments may pass on). */
  readonly exportedFields: readonly string[];
  /**
   * Classes whose body (fields, methods, `this.x = ...`) only code in the class reads: an edit in
   * one re-analyses the class, not the file, unless it assigns something else than `this.x`.
   */
  readonly classes?: ReadonlySet<string>;
  /** Declarations the analysis never reads, wherever they are (TypeScript interfaces). */
  readonly inert?: ReadonlySet<string>;
  /** The last statement of a body is the function's value (Ruby). */
  readonly lastStatementIsValue?: boolean;
  /** Text that other code's analysis finds anywhere in a class (Ruby `attr_reader`). */
  readonly exportedText?: RegExp;
}

/** Per-language syntax knowledge, created per file (it caches what it resolves). */
export interface Adapter {
  /** Node types of functions, methods, lambdas and blocks that scope a write and its EXPIRE. */
  readonly functionTypes: ReadonlySet<string>;
  /** Node types of string literals (a finding inside one is suppressed from the line the literal starts on). */
  readonly stringTypes: ReadonlySet<string>;
  /**
   * A counter (INCR...) on a key that a SET earlier in the same function created is not a finding of
   * its own (CONVENTIONS.md of the real-code corpus: the SET is). Opt-in per language while the
   * labels of the other languages' corpus cases are reconciled with that convention.
   */
  readonly counterOnCreatedKeyKeepsTtl?: boolean;
  /** What in a function other code's analysis reads (for re-lints that keep other functions' findings). */
  readonly locality: Locality;
  /** The call whose method or function name is `token`. */
  callSite(token: Node): CallSite | undefined;
  /** What the call sends to the server, if its receiver is a Redis/Valkey client. */
  ops(site: CallSite): OpDraft[];
  /** The client construction that `hit` (a `26379` or `sentinel` token) configures, if it misuses Sentinel. */
  sentinelAt(hit: Node): SentinelMisuse | undefined;
  /** Canonical text of a key expression, to match a write with a later EXPIRE. */
  canonicalKey(node: Node): string;
  /**
   * What this file offers other files of the project: exported clients, wrappers, TTL helpers, and
   * the imports the index resolves (see src/lint/project/facts.ts). Optional while languages adopt it.
   */
  summarize?(): FileSummary;
  /**
   * Where a helper that sets the TTL of a write's key may be called (default: the outermost function
   * around the write). A language whose modules are often one function around the whole file
   * (`module.exports = function (module) { module.set = ...; module.expire = ... }`) narrows it.
   */
  expiryScope?(write: Op): Node | undefined;
  /** Functions and methods of this file that set the TTL of the key they are given (a call of one after a write sets its expiry). */
  ttlHelperNames?(): readonly string[];
}
