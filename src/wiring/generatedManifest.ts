import * as vscode from 'vscode';
import { loadWiring } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { ClusterNode } from '../views/explorer/nodes';

export type ManifestKind = 'ConfigMap' | 'NetworkPolicy';

export interface GeneratedInfo {
  readonly node: ClusterNode;
  readonly kind: ManifestKind;
  readonly fileName: string;
}

/** CodeLens-only commands (not in the palette, so not contributed): they act on a tracked document. */
const APPLY_COMMAND = 'valkeyWelkin.wiring.applyGeneratedManifest';
const SAVE_COMMAND = 'valkeyWelkin.wiring.saveGeneratedManifest';

/**
 * The generated manifests open in editors: each is an untitled document named after what it holds
 * (`app-valkey-config (shop).yaml`, generated again it is reused, not duplicated) and keeps
 * "Apply to Cluster…" and "Save to Workspace…" as CodeLenses for as long as it is open.
 */
export class GeneratedManifests implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly open = new Map<string, GeneratedInfo>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly services: () => AppServices) {
    this.disposables = [
      this.changed,
      // Any language: the user may switch the document's language mode and still want the actions.
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d.uri)),
      vscode.commands.registerCommand(APPLY_COMMAND, (uri: vscode.Uri) => this.run(uri, async (info, doc) => (await loadWiring()).applyGeneratedDocument(this.services(), info.node, info.kind, doc))),
      vscode.commands.registerCommand(SAVE_COMMAND, (uri: vscode.Uri) => this.run(uri, async (info, doc) => (await loadWiring()).saveGeneratedDocument(doc, info.fileName))),
    ];
  }

  /** Shows `yamlText` as the named untitled document (replacing an earlier version's text) and tracks it. */
  async show(node: ClusterNode, kind: ManifestKind, yamlText: string, fileName: string, namespace: string): Promise<vscode.TextDocument> {
    const title = `${fileName.replace(/\.ya?ml$/, '')} (${namespace}).yaml`;
    const uri = vscode.Uri.from({ scheme: 'untitled', path: title });
    this.open.set(uri.toString(), { node, kind, fileName });
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), yamlText);
    await vscode.workspace.applyEdit(edit);
    // Setting the language closes and reopens the document (onDidCloseTextDocument fires for it).
    const shown = document.languageId === 'yaml' ? document : await vscode.languages.setTextDocumentLanguage(document, 'yaml');
    await vscode.window.showTextDocument(shown, { preview: false });
    this.changed.fire();
    return shown;
  }

  /**
   * Asks the editor for the lenses again. VS Code drops a pending lens request when the editor
   * loses focus (as it does when the user clicks the notification's buttons) and asks again only
   * on focus or an edit; a change event while it is unfocused makes it ask at once.
   */
  refresh(): void {
    this.changed.fire();
  }

  /**
   * A close event also comes when the document's language changes (it is reopened at once under
   * the same URI), so the document is forgotten only once it is really gone.
   */
  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.open.has(key)) return;
    setTimeout(() => {
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed)) return;
      if (this.open.delete(key)) this.changed.fire();
    }, 500);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const info = this.open.get(document.uri.toString());
    if (!info) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: `$(cloud-upload) Apply to Cluster…`, tooltip: `Dry run, diff and confirmation against context "${info.node.context.name}"`, command: APPLY_COMMAND, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: '$(save) Save to Workspace…', command: SAVE_COMMAND, arguments: [document.uri] }),
    ];
  }

  private async run(uri: vscode.Uri, action: (info: GeneratedInfo, document: vscode.TextDocument) => Promise<void>): Promise<void> {
    const info = this.open.get(uri.toString());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (info && document) await action(info, document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.open.clear();
  }
}
