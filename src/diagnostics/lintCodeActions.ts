import * as vscode from 'vscode';
import { Commands } from '../constants/commands';
import type { Finding, TextEdit } from '../lint/index';
import { LINT_SOURCE, toRange, type LintDiagnostics, type LintedDocument } from './lintDiagnostics';
import type { LintService } from './lintService';

/** `source.fixAll.valkeyWelkin`: usable in `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('valkeyWelkin');

/**
 * Per finding: its exact fix (preferred) when one exists, "ignore on this line", "ignore in this
 * file", and the rule's documentation; plus a fix-all source action for the document.
 */
export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(
    private readonly diagnostics: LintDiagnostics,
    private readonly service: LintService,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const linted = this.diagnostics.lintedDocument(document.uri);
    if (!linted || linted.version !== document.version) return [];
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(document, linted);
    const { linter } = await this.service.get();
    const source = document.getText();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== LINT_SOURCE) continue;
      const finding = findingFor(linted, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document.uri, fix.edits);
        action.isPreferred = fix.isPreferred;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      for (const scope of ['line', 'file'] as const) {
        const action = new vscode.CodeAction(scope === 'line' ? `Ignore ${finding.rule} on this line` : `Ignore ${finding.rule} in this file`, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document.uri, [linter.suppressionEdit(source, linted.language, finding, scope)]);
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${finding.rule}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: Commands.lintShowRuleDocs, arguments: [finding.rule] };
      actions.push(docs);
    }
    if (linted.findings.some((f) => f.fixes.some((x) => x.isPreferred))) actions.push(...this.fixAll(document, linted));
    return actions;
  }

  /** Every preferred fix of the document whose edits do not overlap an earlier one. */
  private fixAll(document: vscode.TextDocument, linted: LintedDocument): vscode.CodeAction[] {
    const edits: TextEdit[] = [];
    const taken: vscode.Range[] = [];
    for (const finding of linted.findings) {
      const fix = finding.fixes.find((f) => f.isPreferred);
      if (!fix) continue;
      const ranges = fix.edits.map((e) => toRange(e.range));
      if (ranges.some((r) => taken.some((t) => t.intersection(r) !== undefined))) continue;
      taken.push(...ranges);
      edits.push(...fix.edits);
    }
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all Valkey lint problems with an exact fix', FIX_ALL_KIND);
    action.edit = workspaceEdit(document.uri, edits);
    return [action];
  }
}

function findingFor(linted: LintedDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
  const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return linted.findings.find((f) => f.rule === rule && toRange(f.range).isEqual(diagnostic.range));
}

function workspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
