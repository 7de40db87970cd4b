import { countByStatus, passSummary, type CheckItem, type GoLiveReport, type ItemStatus } from '../model';

/** Cluster data is text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const BADGE: Readonly<Record<ItemStatus, string>> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unchecked: 'NOT CHECKED' };

export interface HtmlOptions {
  /** The webview's CSP source and a nonce for its one script. */
  readonly cspSource: string;
  readonly nonce: string;
}

function itemHtml(i: CheckItem, index: number): string {
  const details = i.details.length > 0 ? `<ul class="details">${i.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  const fixes = i.fixes.map((f, n) => `<button type="button" data-item="${index}" data-fix="${n}">${escapeHtml(f.title)}</button>`).join('');
  return `<section class="item ${i.status}" data-id="${i.id}">
<h2><span class="badge ${i.status}">${BADGE[i.status]}</span> ${i.number}. ${escapeHtml(i.title)}</h2>
<p class="summary">${escapeHtml(i.summary)}</p>
${details}
<p class="why"><a href="${escapeHtml(i.link.url)}">${escapeHtml(i.link.title)}</a>${fixes ? ` <span class="fixes">${fixes}</span>` : ''}</p>
</section>`;
}

/**
 * The report as a webview page: strict CSP (no network, one nonce'd script that only posts the
 * fix button pressed), the theme's colours, every piece of cluster data escaped.
 */
export function reportHtml(report: GoLiveReport, options: HtmlOptions): string {
  const counts = countByStatus(report.items);
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Go-live: ${escapeHtml(report.cluster)}</title>
<style nonce="${options.nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 20px; line-height: 1.4; }
h1 { font-size: 1.4em; font-weight: 600; }
h2 { font-size: 1.1em; margin: 0 0 4px; }
.meta { color: var(--vscode-descriptionForeground); }
.item { border-left: 4px solid var(--vscode-panel-border); padding: 6px 12px; margin: 12px 0; background: var(--vscode-editorWidget-background); }
.item.pass { border-color: var(--vscode-testing-iconPassed, #3fb950); }
.item.warn { border-color: var(--vscode-editorWarning-foreground, #d29922); }
.item.fail { border-color: var(--vscode-editorError-foreground, #f85149); }
.item.unchecked { border-color: var(--vscode-disabledForeground, #888); }
.badge { font-size: 0.8em; padding: 1px 6px; border-radius: 3px; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); }
.badge.fail { background: var(--vscode-editorError-foreground, #f85149); color: var(--vscode-editor-background); }
.badge.warn { background: var(--vscode-editorWarning-foreground, #d29922); color: var(--vscode-editor-background); }
.badge.pass { background: var(--vscode-testing-iconPassed, #3fb950); color: var(--vscode-editor-background); }
.summary { margin: 4px 0; }
.details { margin: 4px 0; padding-left: 20px; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
.details li { white-space: pre-wrap; word-break: break-word; }
a { color: var(--vscode-textLink-foreground); }
button { margin-left: 6px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
</style>
</head>
<body>
<h1>${escapeHtml(passSummary(report.items))}</h1>
<p class="meta">Cluster <strong>${escapeHtml(report.cluster)}</strong> · namespace <strong>${escapeHtml(report.namespace)}</strong> · context <strong>${escapeHtml(report.context)}</strong> · ${counts.fail} fail, ${counts.warn} warn, ${counts.unchecked} not checked · checked ${escapeHtml(report.checkedAt)} in ${(report.durationMs / 1000).toFixed(1)} s</p>
${report.items.map(itemHtml).join('\n')}
<script nonce="${options.nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-fix]');
  if (b) vscode.postMessage({ type: 'fix', item: Number(b.dataset.item), fix: Number(b.dataset.fix) });
});
</script>
</body>
</html>`;
}
