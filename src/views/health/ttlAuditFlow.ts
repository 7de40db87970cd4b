import * as vscode from 'vscode';
import { describeTarget, type ClusterTarget } from '../../connections/target';
import { noticeText } from '../../util/markdown';
import type { HealthDeps } from './deps';

/**
 * The TTL audit: a cancellable notification with progress while SCAN samples the keyspace, then the
 * report as a read-only Markdown preview. Failures are one message with "Open Log", cancel is quiet.
 */
export async function runTtlAuditFlow(deps: HealthDeps, target: ClusterTarget): Promise<void> {
  const sampleSize = deps.config.healthTtlAuditSampleSize();
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `TTL audit of ${target.cluster.name}`, cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'connecting…' });
      const [kube, lease] = await Promise.all([deps.loadKube(), deps.connections.shared(target, token)]);
      if (!lease.ok) return lease;
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await kube.health.runTtlAudit(lease.value.session, {
          sampleSize,
          signal: abort.signal,
          ...(deps.locateKeyWrites ? { locate: (prefix: string) => deps.locateKeyWrites!(prefix).map((l) => ({ ...l, uri: previewLink(l.uri) })) } : {}),
          onProgress: (p) => {
            const percent = p.target === 0 ? 100 : Math.min(100, (p.sampled / p.target) * 100);
            progress.report({ increment: percent - reported, message: `${p.sampled.toLocaleString('en-US')} of ${p.target.toLocaleString('en-US')} keys` });
            reported = percent;
          },
        });
      } finally {
        subscription.dispose();
        lease.value.release();
      }
    },
  );
  if (!outcome.ok) {
    if (outcome.error.kind === 'cancelled') return;
    deps.log.warn(`TTL audit of ${describeTarget(target)}: ${outcome.error.message}`);
    const choice = await vscode.window.showErrorMessage(noticeText(`TTL audit of ${target.cluster.name} failed: ${outcome.error.message}`), 'Open Log');
    if (choice === 'Open Log') deps.log.show(true);
    return;
  }
  const kube = await deps.loadKube();
  const markdown = kube.health.ttlAuditMarkdown(outcome.value, `${target.cluster.name} (${target.context})`);
  const uri = deps.previews.add(`ttl-audit-${target.cluster.name}.md`, markdown);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/**
 * A link the Markdown preview opens at the file (the `#L<line>` the report adds picks the line): a
 * path from the root of the first workspace folder, which is how the preview resolves `/…` links.
 * The preview refuses `file:` links (it renders them as text), so files elsewhere get no link.
 */
function previewLink(uri: string): string | undefined {
  const parsed = vscode.Uri.parse(uri);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root || parsed.scheme !== root.scheme || parsed.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return parsed.path.startsWith(base) ? `/${parsed.path.slice(base.length)}` : undefined;
}
