import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { ClusterNode } from '../views/explorer/nodes';
import { reviewAndApply } from './applyFlow';
import type { ManifestKind } from './generatedManifest';

// What the generated manifests offer (in the lazily loaded wiring bundle); the tracking of their
// documents and the CodeLenses are in generatedManifest.ts, loaded at activation.

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
  if (choice === 'Apply to Cluster…') await applyGeneratedDocument(services, node, kind, document);
  else if (choice === 'Save to Workspace…') await saveGeneratedDocument(document, fileName);
}

export async function applyGeneratedDocument(services: AppServices, node: ClusterNode, kind: ManifestKind, document: vscode.TextDocument): Promise<void> {
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

export async function saveGeneratedDocument(document: vscode.TextDocument, fileName: string): Promise<void> {
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
