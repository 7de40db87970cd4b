/**
 * A minimal LSP client for tests: starts `valkey-lint --lsp --stdio` (dist/valkey-lint.js) and
 * speaks JSON-RPC to it with vscode-jsonrpc, the library VS Code's own client is built on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  data?: { keyPrefix?: string };
  relatedInformation?: { location: { uri: string }; message: string }[];
}

export interface LspClient {
  readonly connection: MessageConnection;
  /** The server process's id. */
  readonly pid: number;
  open(file: string, languageId: string, text: string): string;
  change(uri: string, text: string): void;
  /** The next diagnostics published for `uri` that satisfy `predicate`. */
  diagnostics(uri: string, predicate?: (d: PublishedDiagnostic[]) => boolean, timeoutMs?: number): Promise<PublishedDiagnostic[]>;
  stop(): Promise<void>;
}

const cli = path.resolve(__dirname, '../../dist/valkey-lint.js');

export async function startLspClient(options: { root?: string; settings?: unknown; configuration?: boolean } = {}): Promise<LspClient> {
  const child: ChildProcess = spawn(process.execPath, [cli, '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishedDiagnostic[]>();
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) w();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  connection.listen();
  const rootUri = options.root ? pathToFileURL(options.root).toString() : null;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    capabilities: { workspace: { configuration: options.configuration ?? true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    connection,
    pid: child.pid!,
    open(file, languageId, text) {
      const uri = file.includes(':') && !file.startsWith('/') ? file : pathToFileURL(file).toString();
      versions.set(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    diagnostics(uri, predicate = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const d = latest.get(uri);
          if (d && predicate(d)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(d);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}
