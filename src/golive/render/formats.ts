/** The report for the terminal and for CI systems: text, JSON, JUnit XML and SARIF 2.1.0. */
import { passSummary, worstStatus, type CheckItem, type GoLiveReport, type ItemStatus } from '../model';

export type ReportFormat = 'text' | 'json' | 'junit' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'sarif'];

/** Exit code by the worst item: 0 all pass, 1 a warning or an item that could not be checked, 2 a failure. */
export function exitCodeOf(items: readonly CheckItem[]): number {
  const worst = worstStatus(items);
  return worst === 'fail' ? 2 : worst === 'pass' ? 0 : 1;
}

const LABEL: Readonly<Record<ItemStatus, string>> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unchecked: 'SKIP' };

/** Terminal control characters in cluster data would reach the terminal: shown as escapes instead. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function reportText(report: GoLiveReport): string {
  const lines = [`${passSummary(report.items)} — cluster ${report.cluster}, namespace ${report.namespace}${report.context ? `, context ${report.context}` : ''}`];
  for (const i of report.items) {
    lines.push('', `${LABEL[i.status]} ${i.number}. ${i.title}${i.source === 'workspace' ? '' : ` [${i.source === 'server' ? 'in-cluster: server' : 'in-cluster'}]`}: ${plain(i.summary)}`);
    for (const d of i.details) lines.push(`    ${plain(d)}`);
    lines.push(`    see ${i.link.url}`);
  }
  return `${lines.join('\n')}\n`;
}

export function reportJson(report: GoLiveReport): string {
  return `${JSON.stringify({ ...report, summary: passSummary(report.items), worst: worstStatus(report.items) }, null, 2)}\n`;
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One test case per item: a failure is a <failure>, a warning a <failure type="warning">, an unchecked item <skipped>. */
export function reportJunit(report: GoLiveReport): string {
  const failures = report.items.filter((i) => i.status === 'fail' || i.status === 'warn').length;
  const skipped = report.items.filter((i) => i.status === 'unchecked').length;
  const cases = report.items.map((i) => {
    const name = `${i.number}. ${i.title}`;
    const body = [i.summary, ...i.details, `see ${i.link.url}`].join('\n');
    const inner =
      i.status === 'fail' ? `<failure type="fail" message="${xml(i.summary)}">${xml(body)}</failure>` : i.status === 'warn' ? `<failure type="warning" message="${xml(i.summary)}">${xml(body)}</failure>` : i.status === 'unchecked' ? `<skipped message="${xml(i.summary)}"/>` : `<system-out>${xml(body)}</system-out>`;
    return `    <testcase classname="go-live.${xml(report.namespace)}.${xml(report.cluster)}" name="${xml(name)}">${inner}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="valkey-welkin check" tests="${report.items.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">
  <testsuite name="Go-live: ${xml(report.cluster)} in ${xml(report.namespace)}" tests="${report.items.length}" failures="${failures}" skipped="${skipped}" timestamp="${xml(report.checkedAt)}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

const SARIF_LEVEL: Readonly<Record<ItemStatus, 'error' | 'warning' | 'note' | 'none'>> = { fail: 'error', warn: 'warning', unchecked: 'note', pass: 'none' };

/** SARIF 2.1.0: one rule per checklist item, one result per item that did not pass (code findings keep their file and line). */
export function reportSarif(report: GoLiveReport): string {
  const rules = report.items.map((i) => ({ id: `go-live/${i.id}`, name: i.title, shortDescription: { text: `${i.number}. ${i.title}` }, helpUri: i.link.url }));
  const results = report.items
    .filter((i) => i.status !== 'pass')
    .map((i) => {
      const places = i.details.flatMap((d) => [...d.matchAll(/([\w./-]+\.[a-z]+):(\d+)\b/g)].map((m) => ({ file: m[1]!, line: Number(m[2]) })));
      return {
        ruleId: `go-live/${i.id}`,
        level: SARIF_LEVEL[i.status],
        message: { text: [i.summary, ...i.details].join('\n') },
        ...(places.length > 0 ? { locations: places.slice(0, 20).map((p) => ({ physicalLocation: { artifactLocation: { uri: p.file }, region: { startLine: p.line } } })) } : {}),
      };
    });
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver: { name: 'valkey-welkin check', informationUri: 'https://github.com/valkey-on-welkin/vscode-valkey-welkin', rules } }, results }] }, null, 2)}\n`;
}

export function renderReport(report: GoLiveReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return reportText(report);
    case 'json':
      return reportJson(report);
    case 'junit':
      return reportJunit(report);
    case 'sarif':
      return reportSarif(report);
  }
}
