import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Adapter } from './analysis/adapter';
import { createAdapter } from './analysis/adapters';
import { FileContext } from './analysis/context';
import { analyzeFile } from './analysis/engine';
import type { FileModel } from './analysis/model';
import type { Deadline } from './budget';
import { emptySummary, type FileSummary, type ProjectFacts } from './project/facts';
import { dropRepeatedConstructions, sortRecords, type FindingRecord, type UnitRecords } from './document/records';
import { planReuse, type AnalysisCache, type Previous } from './document/reuse';
import { fixesFor } from './fixes/index';
import { allRules } from './rules/index';
import type { RuleEnv } from './rules/rule';
import { collectSuppressions, isSuppressed } from './suppressions';
import type { Finding, LanguageId, LintOptions, Range, Severity } from './types';

export interface Analysis {
  findings: Finding[];
  /** For the document's next re-lint (only when asked for). */
  cache?: AnalysisCache;
}

/**
 * The findings in one parsed file. With `previous` (a document's last analysis and the edit since),
 * the findings of the functions the edit cannot have changed are kept and only the rest of the file
 * is analysed; the result is the same as a full analysis.
 */
export function analyze(source: string, tree: Tree, language: LanguageId, options: LintOptions, deadline: Deadline, previous?: Previous, keep = false): Analysis {
  const key = optionsKey(options);
  if (!allRules.some((r) => severityOf(options, r.meta.id, r.meta.defaultSeverity) !== 'off')) return { findings: [], ...(keep ? { cache: { options: key, units: [] } } : {}) };
  const ctx = new FileContext(source, tree.rootNode, language, deadline, options.project, options.file);
  const { adapter, callWords } = createAdapter(ctx);
  const plan = previous ? planReuse(previous, key, tree, ctx, adapter) : undefined;
  const model = analyzeFile(ctx, adapter, callWords, plan?.include);
  const fresh = recordsOf(model, ctx, adapter, options);
  // A resolution cut short may answer differently depending on where it started: start over in full.
  if (plan && ctx.truncated) return analyze(source, tree, language, options, deadline, undefined, keep);
  const records = plan ? dropRepeatedConstructions([...plan.units.flatMap((u) => u.records), ...fresh.map((f) => f.record)]) : fresh.map((f) => f.record);
  const findings = unsuppressed(sortRecords(records), ctx, adapter);
  if (!keep || ctx.truncated) return { findings };
  return { findings, cache: { options: key, units: unitsOf(model, fresh, plan?.units ?? []) } };
}

/** The findings of the rules on `model`, at their severities, each with the function it came from. */
function recordsOf(model: FileModel, ctx: FileContext, adapter: Adapter, options: LintOptions): { record: FindingRecord; unit: Node | null }[] {
  const out: { record: FindingRecord; unit: Node | null }[] = [];
  if (model.ops.length === 0 && model.sentinel.length === 0) return out;
  const env: RuleEnv = {
    ctx,
    adapter,
    options: { defaultTtlSeconds: options.defaultTtlSeconds ?? 3600 },
    fixesFor: (rule, op) => fixesFor(ctx.language, rule, op, env),
  };
  allRules.forEach((rule, index) => {
    const ruleSeverity = severityOf(options, rule.meta.id, rule.meta.defaultSeverity);
    if (ruleSeverity === 'off') return;
    for (const f of rule.check(model, env)) {
      const severity = f.collection ? (options.collectionWritesSeverity ?? 'info') : ruleSeverity;
      if (severity === 'off') continue;
      const finding: Finding = {
        rule: f.rule,
        severity,
        message: f.message,
        range: f.range,
        fixes: f.fixes,
        ...(f.keyPrefix ? { keyPrefix: f.keyPrefix } : {}),
        ...(f.related ? { related: f.related } : {}),
      };
      out.push({ record: { finding, order: [index, ...f.origin.order] }, unit: f.origin.unit });
    }
  });
  return out;
}

/** The analysed functions with their findings, and the kept ones, in text order. */
function unitsOf(model: FileModel, fresh: readonly { record: FindingRecord; unit: Node | null }[], kept: readonly UnitRecords[]): UnitRecords[] {
  const byId = new Map<number, UnitRecords>();
  for (const u of model.units) byId.set(u.id, { start: u.startIndex, end: u.endIndex, records: [] });
  for (const { record, unit } of fresh) if (unit) byId.get(unit.id)?.records.push(record);
  return [...kept, ...byId.values()].sort((a, b) => a.start - b.start);
}

function unsuppressed(records: readonly FindingRecord[], ctx: FileContext, adapter: Adapter): Finding[] {
  if (records.length === 0) return [];
  const suppressions = collectSuppressions(ctx.source, ctx.root);
  const hasDirectives = suppressions.file !== undefined || suppressions.lines.size > 0;
  const out: Finding[] = [];
  for (const { finding } of records) {
    if (hasDirectives && isSuppressed(suppressions, finding.rule, suppressionLines(ctx, adapter, finding.range))) continue;
    out.push(finding);
  }
  return out;
}

/** A finding inside a (multi-line) string literal, such as a Lua script, is also suppressed from the line the literal starts on. */
function suppressionLines(ctx: FileContext, adapter: Adapter, range: Range): number[] {
  const line = range.start.line;
  const node = ctx.root.descendantForPosition({ row: line, column: range.start.column });
  if (!node) return [line];
  const literal = [node, ...ctx.ancestors(node).reverse()].find((n) => adapter.stringTypes.has(n.type));
  return literal && literal.startPosition.row !== line ? [line, literal.startPosition.row] : [line];
}

export function severityOf(options: LintOptions, id: Finding['rule'], fallback: Severity): Severity {
  return options.rules?.[id] ?? fallback;
}

/** The options findings depend on, as a comparable string. */
/** The file's summary for the project index (see src/lint/project/facts.ts). */
export function summarizeTree(source: string, tree: Tree, language: LanguageId, deadline: Deadline, project?: ProjectFacts, file?: string): FileSummary {
  const ctx = new FileContext(source, tree.rootNode, language, deadline, project, file);
  const { adapter } = createAdapter(ctx);
  return adapter.summarize?.() ?? emptySummary();
}

function optionsKey(options: LintOptions): string {
  const rules = Object.entries(options.rules ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([rules, options.defaultTtlSeconds ?? 3600, options.collectionWritesSeverity ?? 'info', options.project?.key ?? '']);
}
