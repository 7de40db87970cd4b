/**
 * The lint engine's public API and the entry of the lazily loaded bundle dist/lint.js. Editor-free:
 * the extension's diagnostics and code actions, and the `valkey-lint` CLI, are built on it.
 */
import { TreeSitterLinter } from './linter';
import { defaultGrammarDir } from './parser/runtime';
import { ruleMetas } from './rules/index';
import type { Linter } from './types';

export type {
  Finding,
  Fix,
  LanguageId,
  Linter,
  LintOptions,
  LintResult,
  Position,
  Range,
  RuleId,
  RelatedLocation,
  RuleMeta,
  Severity,
  SkipReason,
  SuppressionScope,
  TextEdit,
} from './types';
export { languageFromPath, languageFromVscodeId, languageIds } from './parser/languages';
export type { ClientExport, FileSummary, ImportRef, ProjectFacts, ResolvedWrapper, WrapperExport } from './project/facts';

/** Rule metadata without loading any grammar. */
export const rules = ruleMetas;

/**
 * A linter. `grammarDir` is the folder holding tree-sitter.wasm and the tree-sitter-<lang>.wasm
 * grammars; by default `grammars/` next to the bundle, else the @vscode/tree-sitter-wasm package.
 */
export function createLinter(options: { grammarDir?: string } = {}): Linter {
  return new TreeSitterLinter(options.grammarDir ?? defaultGrammarDir());
}
