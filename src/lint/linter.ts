import { Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { createAdapter } from './analysis/adapters';
import { FileContext } from './analysis/context';
import { analyzeFile } from './analysis/engine';
import { BudgetExceeded, checkInput, Deadline, DEFAULT_TIME_BUDGET_MS, type Skip } from './budget';
import { fixesFor } from './fixes/index';
import { textEditFor, type DocumentState } from './parser/incremental';
import { GrammarLoader } from './parser/runtime';
import { allRules, ruleMetas } from './rules/index';
import type { RuleEnv, RuleFinding } from './rules/rule';
import { collectSuppressions, isSuppressed, suppressionEdit } from './suppressions';
import type { Finding, LanguageId, Linter, LintOptions, LintResult, Severity, SuppressionScope, TextEdit } from './types';

/** Nothing can be found in a file that names no Redis/Valkey client, Sentinel or Lua `redis.call`. */
const ANCHOR = /redis|valkey|rueidis|jedis|lettuce|glide|sentinel|26379|rdb/i;
const MAX_DOCUMENTS = 64;

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
    const refused = checkInput(source, options);
    if (refused) return this.skip(refused, docKey);
    if (!ANCHOR.test(source)) {
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
    const deadline = new Deadline(budget);
    const previous = docKey ? this.documents.get(docKey) : undefined;
    let tree: Tree | null;
    try {
      let oldTree: Tree | null = null;
      if (previous && previous.language === language) {
        const edit = textEditFor(previous.source, source);
        if (edit) previous.tree.edit(edit);
        oldTree = previous.tree;
      }
      tree = parser.parse(source, oldTree, { progressCallback: () => deadline.expired() });
    } catch (e) {
      parser.reset();
      return this.skip({ reason: 'parse-error', detail: message(e) }, docKey);
    }
    if (!tree) {
      parser.reset();
      return this.skip({ reason: 'timeout', detail: `parsing took longer than ${budget} ms` }, docKey);
    }
    if (docKey) {
      previous?.tree.delete();
      this.documents.delete(docKey);
      this.documents.set(docKey, { tree, source, language });
      this.evictDocuments();
    }
    try {
      return { findings: this.analyze(source, tree, language, options, deadline) };
    } catch (e) {
      if (e instanceof BudgetExceeded) return { findings: [], skipped: { reason: 'timeout', detail: e.message } };
      return { findings: [], skipped: { reason: "parse-error", detail: `analysis failed: ${message(e)}` } };
    } finally {
      if (!docKey) tree.delete();
    }
  }

  private analyze(source: string, tree: Tree, language: LanguageId, options: LintOptions, deadline: Deadline): Finding[] {
    const enabled = allRules.filter((r) => severityOf(options, r.meta.id, r.meta.defaultSeverity) !== 'off');
    if (enabled.length === 0) return [];
    const ctx = new FileContext(source, tree.rootNode, language, deadline);
    const { adapter, callWords } = createAdapter(ctx);
    const model = analyzeFile(ctx, adapter, callWords);
    if (model.ops.length === 0 && model.sentinel.length === 0) return [];
    const env: RuleEnv = {
      ctx,
      adapter,
      options: { defaultTtlSeconds: options.defaultTtlSeconds ?? 3600 },
      fixesFor: (rule, op) => fixesFor(language, rule, op, env),
    };
    const suppressions = collectSuppressions(source, tree.rootNode);
    const hasDirectives = suppressions.file !== undefined || suppressions.lines.size > 0;
    const findings: Finding[] = [];
    for (const rule of enabled) {
      const ruleSeverity = severityOf(options, rule.meta.id, rule.meta.defaultSeverity);
      for (const f of rule.check(model, env)) {
        const severity = f.collection ? (options.collectionWritesSeverity ?? 'info') : ruleSeverity;
        if (severity === 'off') continue;
        if (hasDirectives && isSuppressed(suppressions, f.rule, suppressionLines(ctx, adapter, f))) continue;
        findings.push({ rule: f.rule, severity, message: f.message, range: f.range, fixes: f.fixes });
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
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

function severityOf(options: LintOptions, id: Finding['rule'], fallback: Severity): Severity {
  return options.rules?.[id] ?? fallback;
}

/** A finding inside a (multi-line) string literal, such as a Lua script, is also suppressed from the line the literal starts on. */
function suppressionLines(ctx: FileContext, adapter: ReturnType<typeof createAdapter>['adapter'], f: RuleFinding): number[] {
  const line = f.range.start.line;
  const node = ctx.root.descendantForPosition({ row: line, column: f.range.start.column });
  if (!node) return [line];
  const literal = [node, ...ctx.ancestors(node).reverse()].find((n) => adapter.stringTypes.has(n.type));
  return literal && literal.startPosition.row !== line ? [line, literal.startPosition.row] : [line];
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
