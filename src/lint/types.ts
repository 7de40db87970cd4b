import type { FileSummary, ProjectFacts } from './project/facts';

/** Public types of the lint engine. Positions are 0-based; columns count UTF-16 code units, like VS Code. */

export type RuleId = 'no-keys' | 'missing-ttl' | 'no-flush' | 'sentinel-as-server';
export type Severity = 'error' | 'warning' | 'info' | 'off';
export type LanguageId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'go' | 'java' | 'ruby' | 'php' | 'csharp';

export interface Position {
  line: number;
  column: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
}
export interface Finding {
  rule: RuleId;
  severity: Exclude<Severity, 'off'>;
  message: string;
  range: Range;
  fixes: Fix[];
  /**
   * missing-ttl: the literal text the key starts with, up to its first interpolation
   * (`session:` for `"session:" + id`, `f"session:{id}"`, `` `session:${id}` ``); absent when the
   * key does not start with a string literal.
   */
  keyPrefix?: string;
  /** Other places that explain the finding (a project wrapper's command, in its own file). */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  /** Path of the file as the project index knows it; absent for the same file. */
  file?: string;
  range: Range;
  message: string;
}

export interface LintOptions {
  /** Severity per rule; 'off' disables it. Missing entries use the rule's default. */
  rules?: Partial<Record<RuleId, Severity>>;
  /** TTL written by the "add an expiry" fixes. Default 3600. */
  defaultTtlSeconds?: number;
  /** Severity of missing-ttl on collection writes (HSET, SADD, LPUSH, ZADD, ...). Default 'info'. */
  collectionWritesSeverity?: Severity;
  /** Files larger than this (UTF-16 code units) are skipped as 'too-large'. Default 2,000,000. */
  maxBytes?: number;
  /** Parse plus analysis time allowed per file before it is skipped as 'timeout'. Default 2,000 ms. */
  timeBudgetMs?: number;
  /**
   * Analysis steps allowed per file before it is skipped as 'timeout': a budget that gives the same
   * result on any machine (the CLI's; `timeBudgetMs` can then be Infinity). Default: no step limit.
   */
  maxSteps?: number;
  /**
   * Names the project's configuration declares as Redis/Valkey clients (valkey-lint.config.json
   * `clients`): treated as client values, classes and factories, and let through the text prefilter.
   */
  clients?: readonly string[];
  /**
   * What the rest of the project says about names this file uses (clients exported elsewhere,
   * project wrappers, TTL helpers); absent for a file linted alone.
   */
  project?: ProjectFacts;
  /** Also summarise the file for the project index from the same syntax tree (LintResult.summary). */
  summarize?: boolean;
  /**
   * More words that let a file through the text prefilter: the project index's module and class
   * names, so a handler that imports `./store` (which holds the client) is analysed although it never
   * names Redis.
   */
  anchorNames?: readonly string[];
  /**
   * The file's path in its project, when known: a module that is itself named after Redis
   * (`cache/redis.go`, `src/database/redis/main.js`) is one whose generic names (`client`, `conn`)
   * are its Redis client, as in a file that imports a client library.
   */
  file?: string;
}

export type SkipReason = 'too-large' | 'binary' | 'timeout' | 'unsupported-language' | 'parse-error';

export interface LintResult {
  findings: Finding[];
  skipped?: { reason: SkipReason; detail: string };
  /** The file's summary for the project index, from the same parse (when `summarize` was asked for). */
  summary?: FileSummary;
}

export interface RuleMeta {
  id: RuleId;
  title: string;
  defaultSeverity: Severity;
  /** Repository-relative path of the rule's documentation, `docs/rules/<id>.md`. */
  docsPath: string;
}

export type SuppressionScope = 'line' | 'file';

export interface Linter {
  /** Lints one source text. Loads the language's grammar on first use. */
  lint(source: string, language: LanguageId, options?: LintOptions): Promise<LintResult>;
  /**
   * Lints a document the caller keeps open (an editor buffer). The previous syntax tree for `docKey`
   * is kept and re-used: the edit is found by comparing with the previous text and tree-sitter
   * re-parses incrementally. Call `forget(docKey)` when the document closes.
   */
  lintDocument(docKey: string, source: string, language: LanguageId, options?: LintOptions): Promise<LintResult>;
  /** Frees the syntax tree kept for a document. */
  forget(docKey: string): void;
  /**
   * What the file offers the rest of its project (exported clients, wrappers, TTL helpers, imports),
   * for the project index. Empty for a file that cannot be parsed or names nothing of interest.
   * With the `docKey` of a document whose last `lintDocument` saw this same text, its kept tree is used.
   */
  summarize(source: string, language: LanguageId, options?: Pick<LintOptions, 'maxBytes' | 'timeBudgetMs' | 'maxSteps' | 'project' | 'anchorNames' | 'clients' | 'file'>, docKey?: string): Promise<FileSummary>;
  /**
   * The edit that suppresses `finding` with a comment: for 'line', a
   * `valkey-lint-disable-next-line <rule>` comment above the finding (appended to an existing one),
   * for 'file', a `valkey-lint-disable-file <rule>` comment at the top (appended to an existing one).
   */
  suppressionEdit(source: string, language: LanguageId, finding: Finding, scope: SuppressionScope): TextEdit;
  /** Grammars are loaded on first use; this loads one ahead of time (optional). */
  preload(language: LanguageId): Promise<void>;
  readonly rules: readonly RuleMeta[];
  /** Frees every kept tree and parser. */
  dispose(): void;
}
