import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { ClusterNode } from '../views/explorer/nodes';
import { reviewAndApply } from './applyFlow';

/**
 * Shows a generated manifest in an editor for review (it may be edited), then offers to apply it
 * to the cluster (dry run, diff, confirmation) or save it among the workspace's manifests.
 */
export async function offerGeneratedManifest(services: AppServices, node: ClusterNode, kind: 'ConfigMap' | 'NetworkPolicy', yamlText: string, fileName: string, namespace: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: yamlText });
  await vscode.window.showTextDocument(document, { preview: false });
  const choice = await vscode.window.showInformationMessage(
    `Review the generated ${kind} (you may edit it), then apply it to namespace "${namespace}" or save it to your workspace.`,
    'Apply to Cluster…',
    'Save to Workspace…',
  );
  if (choice === 'Apply to Cluster…') await applyDocument(services, node, kind, document);
  else if (choice === 'Save to Workspace…') await saveDocument(document, fileName);
}

async function applyDocument(services: AppServices, node: ClusterNode, kind: 'ConfigMap' | 'NetworkPolicy', document: vscode.TextDocument): Promise<void> {
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
