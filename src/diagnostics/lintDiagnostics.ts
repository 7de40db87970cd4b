import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as LintClientModule from './lintClient';
import type { KeyWriteLocation, LintClient } from './lintClient';
import { LINTED_LANGUAGES, LINTED_SCHEMES, SOURCE_GLOB } from './lintService';
import type { Logger } from '../util/logger';

export type { KeyWriteLocation } from './lintClient';

type LoadClient = () => Promise<typeof LintClientModule>;

/**
 * The editor side of lint: starts the lint language server through the LSP client bundle, loaded
 * on the first document of a linted language. Diagnostics, code actions and fix-all come from the
 * server; the client bundle also keeps which code writes which key prefixes without a TTL.
 */
export class LintDiagnostics implements vscode.Disposable {
  private client: Promise<LintClient> | undefined;
  private started: LintClient | undefined;
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
      serverModule: path.join(this.distDir, 'lint-server.js'),
      selector: LINTED_LANGUAGES.flatMap((language) => [...LINTED_SCHEMES].map((scheme) => ({ language, scheme }))),
      watchGlob: SOURCE_GLOB,
      outputChannel: this.log,
    });
    this.subscriptions.push(client);
    await client.start();
    this.started = client;
    return client;
  }

  /** "Scan Workspace": the server lints every indexed file and publishes their diagnostics. */
  async scanWorkspace(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Open a folder to scan it for KEYS and keys without a TTL.');
      return;
    }
    await (await this.get()).scanWorkspace();
  }

  /**
   * The code the lint engine has seen writing keys that start with `prefix` (e.g. `session:`)
   * without a TTL: the TTL audit links a prefix to it. Empty until the lint server has started.
   */
  keyWriteLocations(prefix: string): KeyWriteLocation[] {
    return this.started?.keyWriteLocations(prefix) ?? [];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
