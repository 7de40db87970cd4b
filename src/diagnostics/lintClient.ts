/**
 * The entry of the lazily loaded bundle dist/lintClient.js: the LSP client (vscode-languageclient)
 * that starts the lint language server (dist/lintServer.js) in its own Node process. Loaded on
 * the first document the engine lints, never during activation.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export interface LintClientOptions {
  /** Absolute path of dist/lintServer.js. */
  serverModule: string;
  /** Languages × schemes the server lints. */
  selector: { language: string; scheme: string }[];
  /** Source file glob the server's project index watches. */
  watchGlob: string;
  outputChannel: vscode.LogOutputChannel;
  /** Sees every diagnostics notification before VS Code shows it. */
  onDiagnostics: (uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]) => void;
}

export interface LintClient extends vscode.Disposable {
  readonly client: LanguageClient;
  start(): Promise<void>;
  request<R>(method: string, params?: unknown): Promise<R>;
}

export function createLintClient(o: LintClientOptions): LintClient {
  const serverOptions: ServerOptions = {
    run: { module: o.serverModule, transport: TransportKind.ipc },
    debug: { module: o.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(o.watchGlob);
  const clientOptions: LanguageClientOptions = {
    documentSelector: o.selector,
    outputChannel: o.outputChannel,
    synchronize: { configurationSection: 'valkeyWelkin.lint', fileEvents: watcher },
    diagnosticCollectionName: 'valkey-lint',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        o.onDiagnostics(uri, diagnostics);
        next(uri, diagnostics);
      },
    },
  };
  const client = new LanguageClient('valkeyWelkin.lint', 'Valkey lint', serverOptions, clientOptions);
  return {
    client,
    start: () => client.start(),
    request: <R>(method: string, params?: unknown) => client.sendRequest<R>(method, params),
    dispose: () => {
      watcher.dispose();
      void client.stop().catch(() => undefined);
    },
  };
}
