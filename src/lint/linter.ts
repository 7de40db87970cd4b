import { Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { analyze, summarizeTree } from './analyze';
import { withClients } from './config/clients';
import { fileNamedAfterRedis } from './analysis/context';
import { emptySummary, type FileSummary } from './project/facts';
import { BudgetExceeded, checkInput, Deadline, DEFAULT_TIME_BUDGET_MS, type Skip } from './budget';
import { textEditFor, type DocumentState } from './parser/incremental';
import { GrammarLoader } from './parser/runtime';
import { ruleMetas } from './rules/index';
import { suppressionEdit } from './suppressions';
import type { Finding, LanguageId, Linter, LintOptions, LintResult, Position, Range, SuppressionScope, TextEdit } from './types';

/**
 * Nothing can be found in a file that names no Redis/Valkey client, Sentinel or Lua `redis.call`
 * (StackExchange.Redis code may name only `IDatabase` and its `StringSet…` methods).
 */
const ANCHOR = /redis|valkey|rueidis|jedis|lettuce|glide|sentinel|26379|rdb|\bIDatabase(?:Async)?\b|ConnectionMultiplexer|StringSet|StringIncrement|django\.core\.cache/i;
/**
 * Words that tell a Redis client when a file names none of the above (a test whose client comes from
 * a base class): a `"KEYS"` command literal, yii2-redis `executeCommand('SET', ...)`, a command on
 * Laravel's `->connection()`, methods only Redis clients spell so in C#/Go (`MSet`, `IncrBy`,
 * `FlushDatabase`), CSRedisCore's conventional `rds`.
 */
const COMMAND_ANCHOR = /["'`]KEYS["'`]|executeCommand\(\s*["'][A-Z]+["']|->connection\(\)\s*->\s*(?:set|setnx|incr\w*|decr\w*|keys|mset)\s*\(|\.(?:MSet|MSetNx|IncrBy|DecrBy|SetNx|FlushDatabase(?:Async)?|IncrementValue(?:By)?)\s*\(|\brds\./;
/** Calls of methods named after Redis commands that no in-process map or cache has (`$r.zadd(...)`, `@db.hmset ...`): code that never names its client. */
const COMMAND_CALLS = /\.\s*(?:zadd|zrangebyscore|zrevrange|zincrby|hgetall|hmset|hincrby|lrange|lpush|rpush|sadd|smembers|setex|pexpire|incrby|setnx)\b/i;
const MAX_DOCUMENTS = 64;
const PHP_OPEN = /<\?(?:php|=)/i;
const PHP_PREFIX = '<?php ';

/** Positions of a lint of `PHP_PREFIX + source`, as positions in `source` (the prefix sits on line 0). */
function withoutPhpPrefix(result: LintResult): LintResult {
  const pos = (p: Position): Position => (p.line === 0 ? { line: 0, column: Math.max(0, p.column - PHP_PREFIX.length) } : p);
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  return {
    ...result,
    findings: result.findings.map((f) => ({
      ...f,
      range: range(f.range),
      fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: range(e.range) })) })),
      ...(f.related ? { related: f.related.map((r) => (r.file ? r : { ...r, range: range(r.range) })) } : {}),
    })),
  };
}

export class TreeSitterLinter implements Linter {
  readonly rules = ruleMetas;
  private readonly loader: GrammarLoader;
  private readonly parsers = new Map<LanguageId, Parser>();
  private readonly documents = new Map<string, DocumentState>();

  constructor(grammarDir: string) {
    this.loader = new GrammarLoader(grammarDir);
  }

  async preload(language: LanguageId): Promise<void> {
    await this.loader.load(language);
  }

  async lint(source: string, language: LanguageId, options: LintOptions = {}): Promise<LintResult> {
    return this.run(source, language, options, undefined);
  }

  async lintDocument(docKey: string, source: string, language: LanguageId, options: LintOptions = {}): Promise<LintResult> {
    return this.run(source, language, options, docKey);
  }

  async summarize(source: string, language: LanguageId, options: Pick<LintOptions, 'maxBytes' | 'timeBudgetMs' | 'maxSteps' | 'project' | 'anchorNames' | 'clients' | 'file'> = {}, docKey?: string): Promise<FileSummary> {
    if (options.clients?.length) return this.summarize(source, language, { ...options, project: withClients(options.project, options.clients), clients: undefined }, docKey);
    if (language === 'php' && !PHP_OPEN.test(source)) return this.summarize(PHP_PREFIX + source, language, options, docKey);
    if (checkInput(source, options) || !this.anchored(source, options)) return emptySummary();
    // An open document's last lint kept its tree: summarise that, without parsing again.
    const kept = docKey ? this.documents.get(docKey) : undefined;
    if (kept && kept.source === source && kept.language === language) {
      try {
        return summarizeTree(source, kept.tree, language, new Deadline(options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, options.maxSteps), options.project, options.file);
      } catch {
        return emptySummary();
      }
    }
    let parser: Parser;
    try {
      parser = await this.parserFor(language);
    } catch {
      return emptySummary();
    }
    const deadline = new Deadline(options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, options.maxSteps);
    const tree = parser.parse(source, null, { progressCallback: () => deadline.expired() });
    if (!tree) {
      parser.reset();
      return emptySummary();
    }
    try {
      return summarizeTree(source, tree, language, deadline, options.project, options.file);
    } catch {
      return emptySummary();
    } finally {
      tree.delete();
    }
  }

  /** The text prefilter: a file naming no client, Sentinel or Lua call, nor any client or wrapper of its project, has nothing to find. */
  private anchored(source: string, options: Pick<LintOptions, 'project' | 'anchorNames' | 'file'>): boolean {
    if (ANCHOR.test(source) || COMMAND_ANCHOR.test(source) || fileNamedAfterRedis(options.file) || COMMAND_CALLS.test(source)) return true;
    const names = options.project ? [...options.project.clientNames(), ...options.project.wrapperNames()] : [];
    return names.some((name) => source.includes(name)) || (options.anchorNames ?? []).some((name) => source.includes(name));
  }

  forget(docKey: string): void {
    this.documents.get(docKey)?.tree.delete();
    this.documents.delete(docKey);
  }

  dispose(): void {
    for (const key of [...this.documents.keys()]) this.forget(key);
    for (const p of this.parsers.values()) p.delete();
    this.parsers.clear();
  }

  suppressionEdit(source: string, language: LanguageId, finding: Finding, scope: SuppressionScope): TextEdit {
    const parser = this.parsers.get(language);
    const tree = parser?.parse(source);
    if (!tree) {
      // The grammar is not loaded (no lint ran for this language): fall back to a plain comment line.
      const line = scope === 'file' ? 0 : finding.range.start.line;
      const prefix = language === 'python' || language === 'ruby' ? '#' : '//';
      const kind = scope === 'file' ? 'file' : 'next-line';
      return { range: { start: { line, column: 0 }, end: { line, column: 0 } }, newText: `${prefix} valkey-lint-disable-${kind} ${finding.rule}\n` };
    }
    try {
      const anchor = scope === 'line' ? anchorLine(tree, language, finding) : 0;
      return suppressionEdit(source, tree.rootNode, language, finding.rule, scope, anchor);
    } finally {
      tree.delete();
    }
  }

  private async run(source: string, language: LanguageId, options: LintOptions, docKey: string | undefined): Promise<LintResult> {
    // PHP code without its opening tag (an excerpt, a snippet) would parse as inline HTML: lint it
    // as if `<?php ` opened its first line, and give the positions back.
    if (options.clients?.length) return this.run(source, language, { ...options, project: withClients(options.project, options.clients), clients: undefined }, docKey);
    if (language === 'php' && !PHP_OPEN.test(source)) return withoutPhpPrefix(await this.run(PHP_PREFIX + source, language, options, docKey));
    const refused = checkInput(source, options);
    if (refused) return this.skip(refused, docKey);
    if (!this.anchored(source, options)) {
      if (docKey) this.forget(docKey);
      return { findings: [] };
    }
    let parser: Parser;
    try {
      parser = await this.parserFor(language);
    } catch (e) {
      return this.skip({ reason: 'unsupported-language', detail: `cannot load the ${language} grammar: ${message(e)}` }, docKey);
    }
    const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    const deadline = new Deadline(budget, options.maxSteps);
    const previous = docKey ? this.documents.get(docKey) : undefined;
    const same = previous?.language === language ? previous : undefined;
    const edit = same ? textEditFor(same.source, source) : undefined;
    // The tree as it was, for comparing the edited syntax with (Tree.edit changes the tree in place).
    const before = same?.analysis ? same.tree.copy() : undefined;
    let tree: Tree | null;
    try {
      if (edit) same?.tree.edit(edit);
      tree = parser.parse(source, same?.tree ?? null, { progressCallback: () => deadline.expired() });
    } catch (e) {
      parser.reset();
      before?.delete();
      return this.skip({ reason: 'parse-error', detail: message(e) }, docKey);
    }
    if (!tree) {
      parser.reset();
      before?.delete();
      return this.skip({ reason: 'timeout', detail: `parsing took longer than ${budget} ms` }, docKey);
    }
    const reuse = same?.analysis && before ? { cache: same.analysis, source: same.source, edit, before, edited: same.tree } : undefined;
    let state: DocumentState | undefined = docKey ? { tree, source, language } : undefined;
    try {
      const { findings, cache } = analyze(source, tree, language, options, deadline, reuse, docKey !== undefined);
      if (state && cache) state = { ...state, analysis: cache };
      if (!options.summarize) return { findings };
      return { findings, summary: summarizeTree(source, tree, language, deadline, options.project, options.file) };
    } catch (e) {
      if (e instanceof BudgetExceeded) return { findings: [], skipped: { reason: 'timeout', detail: e.message } };
      return { findings: [], skipped: { reason: 'parse-error', detail: `analysis failed: ${message(e)}` } };
    } finally {
      before?.delete();
      if (docKey && state) this.keep(docKey, state, previous);
      else tree.delete();
    }
  }

  /** Makes `state` the document's, freeing the tree it replaces. */
  private keep(docKey: string, state: DocumentState, previous: DocumentState | undefined): void {
    previous?.tree.delete();
    this.documents.delete(docKey);
    this.documents.set(docKey, state);
    this.evictDocuments();
  }

  private async parserFor(language: LanguageId): Promise<Parser> {
    const existing = this.parsers.get(language);
    if (existing) return existing;
    const lang = await this.loader.load(language);
    let parser = this.parsers.get(language);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(lang);
      this.parsers.set(language, parser);
    }
    return parser;
  }

  private skip(skipped: Skip, docKey: string | undefined): LintResult {
    if (docKey) this.forget(docKey);
    return { findings: [], skipped };
  }

  private evictDocuments(): void {
    while (this.documents.size > MAX_DOCUMENTS) {
      const oldest = this.documents.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }
}

function anchorLine(tree: Tree, language: LanguageId, finding: Finding): number {
  const line = finding.range.start.line;
  const node = tree.rootNode.descendantForPosition({ row: line, column: finding.range.start.column });
  if (!node) return line;
  const stringTypes = stringTypesOf(language);
  for (let n: typeof node | null = node, depth = 0; n && depth < 50; n = n.parent, depth++) {
    if (stringTypes.has(n.type)) return n.startPosition.row;
  }
  return line;
}

function stringTypesOf(language: LanguageId): ReadonlySet<string> {
  return new Set(
    {
      javascript: ['string', 'template_string'],
      typescript: ['string', 'template_string'],
      tsx: ['string', 'template_string'],
      python: ['string', 'concatenated_string'],
      go: ['interpreted_string_literal', 'raw_string_literal'],
      java: ['string_literal'],
      ruby: ['string', 'heredoc_body'],
      php: ['string', 'encapsed_string', 'heredoc', 'nowdoc'],
      csharp: ['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression'],
    }[language],
  );
}

export { stringTypesOf };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
