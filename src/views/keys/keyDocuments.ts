import * as vscode from 'vscode';
import type { Kube } from '../../app/lazy';
import type { ConnectionsApi } from '../../connections/connections';
import type { KeyTargetState } from './keyTargetState';

export const KEY_SCHEME = 'valkey-key';

/**
 * Read-only documents showing a key's value: `valkey-key:/<cluster>/<key>?t=<target>&k=<key bytes>`.
 * The content is read (bounded) through the cluster's shared session each time VS Code asks.
 */
export class KeyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The language each document's last rendering wants (jsonc for JSON strings). */
  private readonly languages = new Map<string, string>();

  constructor(
    private readonly connections: ConnectionsApi,
    private readonly stateById: (id: string) => KeyTargetState | undefined,
    private readonly loadKube: () => Promise<Kube>,
  ) {}

  uriFor(state: KeyTargetState, id: string): vscode.Uri {
    const name = state.lib?.displayId(id) ?? id;
    const query = `t=${encodeURIComponent(state.id)}&k=${Buffer.from(id, 'latin1').toString('base64url')}`;
    return vscode.Uri.from({ scheme: KEY_SCHEME, path: `/${state.target.cluster.name}/${name.replace(/[/\\]/g, '_')}`, query });
  }

  /** Reads an open value document again (after an edit). */
  reload(state: KeyTargetState, id: string): void {
    this.changed.fire(this.uriFor(state, id));
  }

  /** Opens (or re-reads) a key's value in a preview editor. */
  async open(state: KeyTargetState, id: string): Promise<void> {
    const uri = this.uriFor(state, id);
    this.changed.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    const language = this.languages.get(uri.toString()) ?? 'plaintext';
    if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const state = this.stateById(params.get('t') ?? '');
    const key = Buffer.from(params.get('k') ?? '', 'base64url');
    if (!state) return 'This key’s cluster is not open in the Keys view any more. Open the key again from there.\n';
    const lease = await this.connections.shared(state.target, token);
    if (!lease.ok) return `Could not connect to ${state.target.cluster.name}: ${lease.error.message}\n`;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const keys = (await this.loadKube()).keys;
      const value = await keys.readValue(lease.value.session, key, {}, controller.signal);
      if (!value.ok) return `Could not read ${keys.display(key)}: ${value.error.message}\n`;
      const rendered = keys.renderValue(value.value);
      this.languages.set(uri.toString(), rendered.language);
      return rendered.text;
    } finally {
      subscription.dispose();
      lease.value.release();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
