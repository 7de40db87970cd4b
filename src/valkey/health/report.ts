import { Advice } from './advice';
import { bytes, count, duration, percent } from './format';
import { HealthLinks } from './links';
import type { TtlAuditReport } from './ttlAudit';
import { cellCode, code, escapeCell } from '../../util/markdown';

/** Key names, prefixes, types and messages are text: they must not break the table, start a link or raw HTML. */
const cell = escapeCell;

/** The TTL audit as a Markdown document: shares by prefix, by type, and the largest keys. */
export function ttlAuditMarkdown(report: TtlAuditReport, title: string): string {
  const lines: string[] = [];
  const scope = report.complete
    ? `every key (${report.sampled.toLocaleString('en-US')})`
    : `a sample of ${report.sampled.toLocaleString('en-US')} of ${report.keyspaceSize?.toLocaleString('en-US') ?? '?'} keys (SCAN order)`;
  lines.push(`# TTL audit: ${cell(title)}`, '');
  lines.push(`Read ${scope} in ${duration(report.durationMs / 1000)}; prefixes split at ${code(report.delimiter).markdown}.`, '');
  const margin = report.marginOfError > 0 ? ` (± ${percent(report.marginOfError)} at 95 % confidence)` : '';
  lines.push(`**${percent(report.shareWithoutTtl)} of keys have no TTL**${margin}: ${count(report.withoutTtl, 'key')} of ${report.sampled.toLocaleString('en-US')}.`, '');
  lines.push(`> ${Advice.keysWithoutTtl.advice} — [Welkin guide](${HealthLinks.welkinGuide})`, '');
  if (report.vanished > 0) lines.push(`${count(report.vanished, 'key')} expired or were deleted while the audit ran and are not counted.`, '');

  lines.push('## By prefix', '', '| Prefix | Keys | Without TTL | Share without TTL | Memory | Written in |', '|---|---:|---:|---:|---:|---|');
  for (const p of report.prefixes) {
    const where = p.locations.slice(0, 3).map((l) => (l.uri ? `[${cell(l.file)}:${l.line}](${l.uri.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}#L${l.line})` : `${cell(l.file)}:${l.line}`)).join('<br>') + (p.locations.length > 3 ? ` (+${p.locations.length - 3})` : '');
    lines.push(`| ${cellCode(p.label).markdown} | ${p.keys.toLocaleString('en-US')} | ${p.withoutTtl.toLocaleString('en-US')} | ${percent(p.shareWithoutTtl)}${p.shareWithoutTtl === 1 ? ' ⚠' : ''} | ${p.bytes === undefined ? '—' : bytes(p.bytes)} | ${where || '—'} |`);
  }
  if (report.otherPrefixes.prefixes > 0) {
    const o = report.otherPrefixes;
    lines.push(`| ${count(o.prefixes, 'other prefix', 'other prefixes')} | ${o.keys.toLocaleString('en-US')} | ${o.withoutTtl.toLocaleString('en-US')} | ${percent(o.keys === 0 ? 0 : o.withoutTtl / o.keys)} | | |`);
  }
  lines.push('');

  const sized = report.prefixes.filter((p) => p.estimatedBytes !== undefined);
  if (sized.length > 0) {
    const most = Math.max(1, ...sized.map((p) => p.estimatedBytes!));
    const whole = report.complete ? 'counted over every key' : `estimated for all ${report.keyspaceSize?.toLocaleString('en-US') ?? '?'} keys from the sample, ± at 95 % confidence`;
    lines.push('## Memory by prefix', '', `MEMORY USAGE by prefix, ${whole}.`, '', '| Prefix | Memory | |', '|---|---:|---|');
    for (const p of [...sized].sort((a, b) => b.estimatedBytes! - a.estimatedBytes!)) {
      const bar = '█'.repeat(Math.max(1, Math.round((p.estimatedBytes! / most) * 30)));
      const margin = p.estimatedBytesMargin ? ` ± ${bytes(p.estimatedBytesMargin)}` : '';
      lines.push(`| ${cellCode(p.label).markdown} | ${bytes(p.estimatedBytes!)}${margin} | ${bar} |`);
    }
    lines.push('');
  }

  lines.push('## By type', '', '| Type | Keys | Without TTL |', '|---|---:|---:|');
  for (const [type, t] of [...report.byType.entries()].sort((a, b) => b[1].keys - a[1].keys)) {
    lines.push(`| ${cell(type)} | ${t.keys.toLocaleString('en-US')} | ${t.withoutTtl.toLocaleString('en-US')} (${percent(t.keys === 0 ? 0 : t.withoutTtl / t.keys)}) |`);
  }
  lines.push('');

  lines.push('## Largest keys', '');
  if (report.memoryUsageProblem !== undefined) {
    lines.push(`MEMORY USAGE is not available here (${cell(report.memoryUsageProblem)}), so sizes are unknown.`, '');
  } else {
    lines.push('| Key | Type | Memory | TTL |', '|---|---|---:|---:|');
    for (const k of report.largest) {
      lines.push(`| ${cellCode(k.key.slice(0, 120)).markdown} | ${cell(k.type)} | ${k.bytes === undefined ? '—' : bytes(k.bytes)} | ${k.ttlSeconds === undefined ? 'none' : duration(k.ttlSeconds)} |`);
    }
    lines.push('');
  }
  lines.push(`Sizes from [MEMORY USAGE](${HealthLinks.memoryUsage}) (nested values sampled); keys from [SCAN](${HealthLinks.scan}), never KEYS.`, '');
  return lines.join('\n');
}
