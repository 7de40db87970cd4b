import { after } from 'node:test';
import { Parser } from '@vscode/tree-sitter-wasm';
import { createAdapter } from '../../../src/lint/analysis/adapters';
import { FileContext } from '../../../src/lint/analysis/context';
import { Deadline } from '../../../src/lint/budget';
import { changeReach } from '../../../src/lint/document/change';
import { createLinter } from '../../../src/lint/index';
import type { Finding, LanguageId, LintOptions, TextEdit } from '../../../src/lint/index';
import { textEditFor } from '../../../src/lint/parser/incremental';
import { GrammarLoader, defaultGrammarDir } from '../../../src/lint/parser/runtime';

/** One linter per test file (grammars load once), disposed when the file's tests end. */
export const linter = createLinter();
after(() => linter.dispose());

export async function findings(source: string, language: LanguageId, options?: LintOptions): Promise<Finding[]> {
  const result = await linter.lint(source, language, options);
  if (result.skipped) throw new Error(`skipped: ${result.skipped.reason} ${result.skipped.detail}`);
  return result.findings;
}

/** `rule@line` (1-based) for each finding, the way a reader of the editor's Problems view sees them. */
export async function summary(source: string, language: LanguageId, options?: LintOptions): Promise<string[]> {
  return (await findings(source, language, options)).map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

/** Applies edits (non-overlapping, any order) to a text. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; column: number }) => (starts[p.line] ?? source.length) + p.column;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = source;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The source with the preferred fix of the only finding of `rule` applied. */
export async function fixed(source: string, language: LanguageId, rule: Finding['rule'], options?: LintOptions): Promise<string> {
  const all = (await findings(source, language, options)).filter((f) => f.rule === rule);
  if (all.length !== 1) throw new Error(`expected one ${rule} finding, got ${all.length}`);
  const fix = all[0]!.fixes.find((f) => f.isPreferred);
  if (!fix) throw new Error(`the ${rule} finding has no preferred fix`);
  return applyEdits(source, fix.edits);
}

export function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

const loader = new GrammarLoader(defaultGrammarDir());

/**
 * What a re-lint re-analyses after `before` becomes `after` (one edit): 'all', 'top level' (the code
 * outside functions only) or the type and first line of the function it re-analyses besides.
 */
export async function reach(language: LanguageId, before: string, after: string): Promise<string> {
  const edit = textEditFor(before, after);
  if (!edit) return 'top level';
  const grammar = await loader.load(language);
  const parser = new Parser();
  parser.setLanguage(grammar);
  const edited = parser.parse(before)!;
  const old = edited.copy();
  edited.edit(edit);
  const tree = parser.parse(after, edited)!;
  try {
    const ctx = new FileContext(after, tree.rootNode, language, new Deadline(60_000));
    const r = changeReach(edit, old, edited, tree, before, ctx, createAdapter(ctx).adapter);
    return !r ? 'all' : r.unit ? `${r.unit.type}@${r.unit.startPosition.row + 1}` : 'top level';
  } finally {
    for (const t of [tree, edited, old]) t.delete();
    parser.delete();
  }
}
