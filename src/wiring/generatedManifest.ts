import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { ClusterNode } from '../views/explorer/nodes';
import { reviewAndApply } from './applyFlow';

type ManifestKind = 'ConfigMap' | 'NetworkPolicy';

interface GeneratedInfo {
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
      vscode.commands.registerCommand(APPLY_COMMAND, (uri: vscode.Uri) => this.run(uri, (info, doc) => applyDocument(this.services(), info.node, info.kind, doc))),
      vscode.commands.registerCommand(SAVE_COMMAND, (uri: vscode.Uri) => this.run(uri, (info, doc) => saveDocument(doc, info.fileName))),
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

/**
 * Shows a generated manifest in an editor for review (it may be edited), then offers to apply it
 * to the cluster (dry run, diff, confirmation) or save it among the workspace's manifests; the
 * editor's CodeLenses keep offering both afterwards.
 */
export async function offerGeneratedManifest(services: AppServices, node: ClusterNode, kind: ManifestKind, yamlText: string, fileName: string, namespace: string): Promise<void> {
  const document = await services.generatedManifests.show(node, kind, yamlText, fileName, namespace);
  const lensesAgain = setTimeout(() => services.generatedManifests.refresh(), 1_500);
  const choice = await vscode.window.showInformationMessage(
    `Review the generated ${kind} (you may edit it), then apply it to namespace "${namespace}" or save it to your workspace (also offered at the top of the document).`,
    'Apply to Cluster…',
    'Save to Workspace…',
  );
  clearTimeout(lensesAgain);
  services.generatedManifests.refresh();
  if (choice === 'Apply to Cluster…') await applyDocument(services, node, kind, document);
  else if (choice === 'Save to Workspace…') await saveDocument(document, fileName);
}

async function applyDocument(services: AppServices, node: ClusterNode, kind: ManifestKind, document: vscode.TextDocument): Promise<void> {
  const kube = await loadKube();
  let object: { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  try {
    object = kube.parseYaml(document.getText()) as typeof object;
  } catch (e) {
    void vscode.window.showErrorMessage(`The ${kind} is not valid YAML any more: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (object?.kind !== kind || typeof object.metadata?.name !== 'string') {
    void vscode.window.showErrorMessage(`The document must stay one ${kind} with a metadata.name.`);
    return;
  }
  const namespace = typeof object.metadata.namespace === 'string' ? object.metadata.namespace : node.namespace.namespace;
  object.metadata.namespace = namespace;
  await reviewAndApply(services, {
    contextName: node.context.name,
    namespace,
    what: `${kind} "${object.metadata.name}"`,
    target: kind === 'ConfigMap' ? { kind, object: object as never } : { kind, object: object as never },
  });
}

async function saveDocument(document: vscode.TextDocument, fileName: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'k8s', fileName) : undefined,
    filters: { YAML: ['yaml', 'yml'] },
    title: 'Save the manifest to your workspace',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(document.getText()));
  await vscode.window.showTextDocument(target);
}
