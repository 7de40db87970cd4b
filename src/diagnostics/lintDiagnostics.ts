import * as vscode from 'vscode';
import { ruleDocsUrl } from '../constants/links';
import type { Configuration } from '../config/configuration';
import type { Finding, LanguageId } from '../lint/index';
import type { Logger } from '../util/logger';
import { LINTED_LANGUAGES, type LintService } from './lintService';

export const LINT_SOURCE = 'valkey-lint';
const DEBOUNCE_MS = 250;

/** What a document was last linted to, so code actions can find a diagnostic's finding. */
export interface LintedDocument {
  readonly version: number;
  readonly language: LanguageId;
  readonly findings: readonly Finding[];
}

/** Where the linted code writes a key without a TTL, and the literal the key starts with. */
export interface KeyWriteLocation {
  /** Workspace-relative path. */
  readonly file: string;
  readonly uri: string;
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

/**
 * Lint diagnostics for open documents: re-linted as the user types (debounced; a result for an
 * older version of the text is dropped), cleared when a document closes, redone when settings
 * change. Workspace-scan results for closed files live in the same collection.
 */
export class LintDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(LINT_SOURCE);
  private readonly linted = new Map<string, LintedDocument>();
  /**
   * The key literals of writes without a TTL, per file, from every lint the editor has run (open
   * documents and workspace scans). Kept when a document closes: the file still writes them.
   */
  private readonly keyWrites = new Map<string, readonly { readonly prefix: string; readonly line: number }[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly service: LintService,
    private readonly config: Configuration,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      config.onDidChange(() => this.relintOpen()),
    );
  }

  /** Lints the documents already open when the extension starts. */
  start(): void {
    this.relintOpen();
  }

  lintedDocument(uri: vscode.Uri): LintedDocument | undefined {
    return this.linted.get(uri.toString());
  }

  /**
   * The code the lint engine has seen writing keys that start with `prefix` (e.g. `session:`)
   * without a TTL: the TTL audit links a prefix to it.
   */
  keyWriteLocations(prefix: string): KeyWriteLocation[] {
    const out: KeyWriteLocation[] = [];
    if (prefix === '') return out;
    for (const [uri, writes] of this.keyWrites) {
      for (const w of writes) {
        if (!w.prefix.startsWith(prefix)) continue;
        const parsed = vscode.Uri.parse(uri);
        out.push({ file: vscode.workspace.asRelativePath(parsed), uri, line: w.line, text: w.prefix });
      }
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }

  private rememberKeyWrites(uri: vscode.Uri, findings: readonly Finding[]): void {
    const writes = findings.flatMap((f) => (f.rule === 'missing-ttl' && f.keyPrefix ? [{ prefix: f.keyPrefix, line: f.range.start.line + 1 }] : []));
    if (writes.length > 0) this.keyWrites.set(uri.toString(), writes);
    else this.keyWrites.delete(uri.toString());
  }

  /** Results of a workspace scan for a file that is not open (open files stay live). */
  setScanned(uri: vscode.Uri, language: LanguageId, findings: readonly Finding[]): void {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    this.rememberKeyWrites(uri, findings);
    this.linted.set(uri.toString(), { version: -1, language, findings });
    this.collection.set(uri, findings.map(toDiagnostic));
  }

  private relintOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    // Other documents never load the engine.
    if (!(LINTED_LANGUAGES as readonly string[]).includes(document.languageId)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(document).catch((e: unknown) => this.log.error(`Lint of ${document.uri.fsPath} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      }, delay),
    );
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const version = document.version;
    const settings = this.config.lint(document.uri);
    if (!settings.enable) {
      this.forget(document);
      this.keyWrites.delete(document.uri.toString());
      return;
    }
    const language = await this.service.languageOf(document.uri, document.languageId);
    if (!language) return;
    const { linter } = await this.service.get();
    const result = await linter.lintDocument(document.uri.toString(), document.getText(), language, this.service.options(document.uri));
    // Superseded: the user typed on (a newer run is scheduled) or closed the document.
    if (document.isClosed || document.version !== version) return;
    if (result.skipped) this.log.info(`Lint skipped ${vscode.workspace.asRelativePath(document.uri)}: ${result.skipped.reason} (${result.skipped.detail})`);
    this.linted.set(document.uri.toString(), { version, language, findings: result.findings });
    this.rememberKeyWrites(document.uri, result.findings);
    this.collection.set(document.uri, result.findings.map(toDiagnostic));
  }

  private closed(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    void this.service.get().then(({ linter }) => linter.forget(document.uri.toString()));
    this.forget(document);
  }

  private forget(document: vscode.TextDocument): void {
    this.linted.delete(document.uri.toString());
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

export function toRange(range: Finding['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const severity =
    finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, severity);
  diagnostic.source = LINT_SOURCE;
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  return diagnostic;
}
