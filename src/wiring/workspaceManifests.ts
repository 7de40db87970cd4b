import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { ClusterNode } from '../views/explorer/nodes';
import type { WorkloadAccess } from '../welkin/workloads';

const MANIFESTS = '**/*.{yaml,yml}';
const NOT_MANIFESTS = '{**/node_modules/**,**/.git/**,**/vendor/**}';

/**
 * Adds the access label to the workloads' manifests in the workspace, in place (comments, order
 * and formatting kept), as one undoable edit. Workloads without a manifest get the alternatives:
 * a Kustomize patch file or the Helm values to set.
 */
export async function addLabelInWorkspace(services: AppServices, node: ClusterNode, workloads: readonly WorkloadAccess[], labelKey: string): Promise<void> {
  const kube = await loadKube();
  const edit = new vscode.WorkspaceEdit();
  const found = new Set<WorkloadAccess>();
  const problems: string[] = [];
  const files = await vscode.workspace.findFiles(MANIFESTS, NOT_MANIFESTS, 5000);
  for (const uri of files) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (!workloads.some((w) => text.includes(w.name))) continue;
    const parsed = kube.manifests.parseManifests(text);
    for (const w of workloads) {
      const workload = kube.manifests.findWorkload(parsed, w.kind, w.name, node.namespace.namespace);
      if (!workload) continue;
      const edits = kube.manifests.accessLabelEdits(parsed, workload, labelKey, 'allow');
      if (!edits.ok) {
        problems.push(`${vscode.workspace.asRelativePath(uri)}: ${edits.error.message}`);
        continue;
      }
      found.add(w);
      for (const e of edits.value) {
        edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      }
    }
  }
  if (edit.size > 0) {
    await vscode.workspace.applyEdit(edit);
    void vscode.window.showInformationMessage(`Added ${labelKey}: allow to ${[...found].map((w) => w.name).join(', ')} in your manifests (undo with Ctrl+Z; save to keep).`);
  }
  for (const p of problems) services.log.warn(p);
  const missing = workloads.filter((w) => !found.has(w));
  if (missing.length === 0) return;
  const choice = await vscode.window.showWarningMessage(
    `No manifest in the workspace defines ${missing.map((w) => `${w.kind} "${w.name}"`).join(', ')}.${problems.length ? ' Some could not be edited; see the log.' : ''}`,
    'Create Kustomize Patch…',
    'Show Helm Values',
  );
  if (choice === 'Create Kustomize Patch…') {
    for (const w of missing) {
      const patch = kube.manifests.kustomizeAccessLabelPatch({ flavour: node.cluster.flavour, clusterName: node.cluster.name, kind: w.kind, name: w.name, namespace: node.namespace.namespace }, `${w.name}-${node.cluster.flavour}-access.yaml`);
      if (!patch.ok) continue;
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: `${patch.value.patchYaml}\n# Add to kustomization.yaml:\n${patch.value.kustomizationYaml.replace(/^/gm, '# ')}\n` });
      await vscode.window.showTextDocument(document, { preview: false });
    }
  } else if (choice === 'Show Helm Values') {
    const values = kube.manifests.helmPodLabelsSnippet(node.cluster.flavour, node.cluster.name);
    if (values.ok) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: values.value }), { preview: true });
  }
}
