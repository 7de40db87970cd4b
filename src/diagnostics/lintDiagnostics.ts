import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as LintClientModule from './lintClient';
import type { LintClient } from './lintClient';
import { LINTED_LANGUAGES, LINTED_SCHEMES, SOURCE_GLOB } from './lintService';
import type { Logger } from '../util/logger';

export const LINT_SOURCE = 'valkey-lint';
/** Custom requests of the lint language server (src/lint/server/server.ts). */
const SCAN_REQUEST = 'valkeyLint/scanWorkspace';

export interface ScanSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
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

type LoadClient = () => Promise<typeof LintClientModule>;

/**
 * The editor side of lint: starts the lint language server (through the LSP client bundle, loaded
 * on the first document of a linted language) and remembers, from the diagnostics it publishes,
 * which code writes which key prefixes without a TTL (the TTL audit links a prefix to them).
 * Diagnostics, code actions and fix-all come from the server.
 */
export class LintDiagnostics implements vscode.Disposable {
  private client: Promise<LintClient> | undefined;
  /**
   * The key literals of writes without a TTL, per file, from every diagnostics notification
   * (open documents and workspace scans). Kept when a document closes: the file still writes them.
   */
  private readonly keyWrites = new Map<string, readonly { readonly prefix: string; readonly line: number }[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly loadClient: LoadClient,
    private readonly distDir: string,
    private readonly log: vscode.LogOutputChannel & Logger,
  ) {
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => this.maybeStart(d)));
  }

  /** Starts the server when a document it lints is already open. */
  start(): void {
    for (const d of vscode.workspace.textDocuments) this.maybeStart(d);
  }

  /** The running client, started on first need. */
  get(): Promise<LintClient> {
    return (this.client ??= this.startClient().catch((e: unknown) => {
      this.client = undefined;
      throw e;
    }));
  }

  private maybeStart(document: vscode.TextDocument): void {
    if (this.client || !(LINTED_LANGUAGES as readonly string[]).includes(document.languageId) || !LINTED_SCHEMES.has(document.uri.scheme)) return;
    this.get().catch((e: unknown) => this.log.error(`The lint server did not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  }

  private async startClient(): Promise<LintClient> {
    const { createLintClient } = await this.loadClient();
    const client = createLintClient({
      serverModule: path.join(this.distDir, 'lintServer.js'),
      selector: LINTED_LANGUAGES.flatMap((language) => [...LINTED_SCHEMES].map((scheme) => ({ language, scheme }))),
      watchGlob: SOURCE_GLOB,
      outputChannel: this.log,
      onDiagnostics: (uri, diagnostics) => this.rememberKeyWrites(uri, diagnostics),
    });
    this.subscriptions.push(client);
    await client.start();
    return client;
  }

  /** "Scan Workspace": the server lints every indexed file and publishes their diagnostics. */
  async scanWorkspace(): Promise<ScanSummary | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Open a folder to scan it for KEYS and keys without a TTL.');
      return undefined;
    }
    const client = await this.get();
    const summary = await client.request<ScanSummary>(SCAN_REQUEST);
    this.log.info(`Workspace scan: ${JSON.stringify(summary)}`);
    const { files, findings, filesWithFindings, skipped } = summary;
    const text = `${summary.cancelled ? 'Scan cancelled after' : 'Scanned'} ${files} file${files === 1 ? '' : 's'}: ${findings} finding${findings === 1 ? '' : 's'} in ${filesWithFindings} file${filesWithFindings === 1 ? '' : 's'}${skipped ? ` (${skipped} skipped, see the log)` : ''}.`;
    void vscode.window.showInformationMessage(text, 'Open Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return summary;
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

  private rememberKeyWrites(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const writes = diagnostics.flatMap((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const prefix = (d as vscode.Diagnostic & { data?: { keyPrefix?: unknown } }).data?.keyPrefix;
      return code === 'missing-ttl' && typeof prefix === 'string' && prefix ? [{ prefix, line: d.range.start.line + 1 }] : [];
    });
    // A closed document's diagnostics are cleared, but the file still writes those keys.
    if (diagnostics.length === 0 && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (writes.length > 0) this.keyWrites.set(uri.toString(), writes);
    else this.keyWrites.delete(uri.toString());
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
