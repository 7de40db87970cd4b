/**
 * The entry of the lazily loaded bundle dist/lint-client.js: the LSP client (vscode-languageclient)
 * that starts the lint language server (dist/lint-server.js) in its own Node process. Loaded on
 * the first document the engine lints, never during activation.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export interface LintClientOptions {
  /** Absolute path of dist/lint-server.js. */
  serverModule: string;
  /** Languages × schemes the server lints. */
  selector: { language: string; scheme: string }[];
  /** Source file glob the server's project index watches. */
  watchGlob: string;
  outputChannel: vscode.LogOutputChannel;
}

/** Custom request of the lint language server (src/lint/server/server.ts). */
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

export interface LintClient extends vscode.Disposable {
  readonly client: LanguageClient;
  start(): Promise<void>;
  request<R>(method: string, params?: unknown): Promise<R>;
  /** "Scan Workspace": the server lints every indexed file and publishes their diagnostics; a summary is shown. */
  scanWorkspace(): Promise<ScanSummary>;
  keyWriteLocations(prefix: string): KeyWriteLocation[];
}

/**
 * The key literals of writes without a TTL, per file, from every diagnostics notification (open
 * documents and workspace scans). Kept when a document closes: the file still writes them.
 */
class KeyWrites {
  private readonly byUri = new Map<string, readonly { readonly prefix: string; readonly line: number }[]>();

  remember(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const writes = diagnostics.flatMap((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const prefix = (d as vscode.Diagnostic & { data?: { keyPrefix?: unknown } }).data?.keyPrefix;
      return code === 'missing-ttl' && typeof prefix === 'string' && prefix ? [{ prefix, line: d.range.start.line + 1 }] : [];
    });
    // A closed document's diagnostics are cleared, but the file still writes those keys.
    if (diagnostics.length === 0 && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (writes.length > 0) this.byUri.set(uri.toString(), writes);
    else this.byUri.delete(uri.toString());
  }

  locations(prefix: string): KeyWriteLocation[] {
    const out: KeyWriteLocation[] = [];
    if (prefix === '') return out;
    for (const [uri, writes] of this.byUri) {
      for (const w of writes) {
        if (!w.prefix.startsWith(prefix)) continue;
        out.push({ file: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), uri, line: w.line, text: w.prefix });
      }
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }
}

export function createLintClient(o: LintClientOptions): LintClient {
  const serverOptions: ServerOptions = {
    run: { module: o.serverModule, transport: TransportKind.ipc },
    debug: { module: o.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(o.watchGlob);
  const keyWrites = new KeyWrites();
  const clientOptions: LanguageClientOptions = {
    documentSelector: o.selector,
    outputChannel: o.outputChannel,
    synchronize: { configurationSection: 'valkeyWelkin.lint', fileEvents: watcher },
    diagnosticCollectionName: 'valkey-lint',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        keyWrites.remember(uri, diagnostics);
        next(uri, diagnostics);
      },
    },
  };
  const client = new LanguageClient('valkeyWelkin.lint', 'Valkey lint', serverOptions, clientOptions);
  return {
    client,
    start: () => client.start(),
    request: <R>(method: string, params?: unknown) => client.sendRequest<R>(method, params),
    keyWriteLocations: (prefix) => keyWrites.locations(prefix),
    scanWorkspace: async () => {
      const summary = await client.sendRequest<ScanSummary>(SCAN_REQUEST);
      o.outputChannel.info(`Workspace scan: ${JSON.stringify(summary)}`);
      const { files, findings, filesWithFindings, skipped } = summary;
      const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      const text = `${summary.cancelled ? 'Scan cancelled after' : 'Scanned'} ${plural(files, 'file')}: ${plural(findings, 'finding')} in ${plural(filesWithFindings, 'file')}${skipped ? ` (${skipped} skipped, see the log)` : ''}.`;
      void vscode.window.showInformationMessage(text, 'Open Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return summary;
    },
    dispose: () => {
      watcher.dispose();
      void client.stop().catch(() => undefined);
    },
  };
}
