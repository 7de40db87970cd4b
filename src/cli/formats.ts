/**
 * valkey-lint's output formats: text (people), json (scripts; a bare array of findings, or with
 * `--json-envelope` an object that also carries skips and config errors), SARIF 2.1.0 (GitHub code
 * scanning and other code-scanning services) and GitLab's Code Quality report.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../lint/index';
import type { Finding, Severity } from '../lint/index';
import { relativeInside } from '../lint/config/config';

export const VERSION = '0.1.0';
export const DOCS_BASE = 'https://github.com/valkey-on-welkin/vscode-valkey-welkin/blob/main/';
const INFORMATION_URI = 'https://github.com/valkey-on-welkin/vscode-valkey-welkin';

export interface FileFinding extends Finding {
  /** As printed: relative to the working directory, or absolute under an absolute PATH. */
  file: string;
  abs: string;
  /** Stable across line moves: rule, path from the base, the line's text and its occurrence. */
  fingerprint: string;
}

/** A file the run could not lint (or linted only in part), and why. */
export interface Notice {
  file: string;
  abs: string;
  /** too-large, step-budget, binary, parse-error, unsupported-language, unreadable. */
  reason: string;
  message: string;
}

export interface ShownConfigError {
  file: string;
  abs: string;
  line: number;
  column: number;
  message: string;
}

export interface Report {
  findings: FileFinding[];
  notices: Notice[];
  configErrors: ShownConfigError[];
  /** %SRCROOT%: the repository root or --base. */
  base: string;
  cwd: string;
  argv: readonly string[];
  start: Date;
  end: Date;
  files: number;
  exitCode: number;
}

/** Fingerprints of one file's findings: the same code moved to other lines keeps its fingerprint. */
export function fingerprints(findings: readonly Finding[], lines: readonly string[], relPath: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const text = (lines[f.range.start.line] ?? '').replace(/\s+/g, ' ').trim();
    const key = `${f.rule}\0${relPath}\0${text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}

export function jsonFinding(f: FileFinding) {
  return {
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.column + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  };
}

export function json(report: Report, envelope: boolean): string {
  const findings = report.findings.map(jsonFinding);
  if (!envelope) return `${JSON.stringify(findings, null, 2)}\n`;
  return `${JSON.stringify(
    {
      version: VERSION,
      files: report.files,
      findings,
      skipped: report.notices.map((n) => ({ file: n.file, reason: n.reason, message: n.message })),
      configErrors: report.configErrors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })),
    },
    null,
    2,
  )}\n`;
}

export function text(report: Report): string {
  const { findings, notices } = report;
  const out: string[] = findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1}: ${f.severity} ${f.rule}: ${f.message}`);
  if (notices.length) {
    if (out.length) out.push('');
    for (const n of notices) out.push(`${n.file}: skipped (${n.reason}): ${n.message}`);
  }
  const files = new Set(findings.map((f) => f.file)).size;
  const skipped = notices.length ? `; ${notices.length} file${notices.length === 1 ? '' : 's'} skipped` : '';
  const summary = findings.length === 0 ? `valkey-lint: no findings${skipped}` : `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${skipped}`;
  return out.length ? `${out.join('\n')}\n\n${summary}\n` : `${summary}\n`;
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A SARIF artifactLocation: relative to %SRCROOT% when the file is inside it, else an absolute file: URI. */
function artifact(abs: string, base: string): { uri: string; uriBaseId?: string } {
  const rel = relativeInside(base, abs);
  if (rel) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

const dirUri = (dir: string): string => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
};

const quoteArg = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export function sarif(report: Report) {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'valkey-lint',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              helpUri: `${DOCS_BASE}${r.docsPath}`,
              help: { text: `${r.title}. See ${DOCS_BASE}${r.docsPath}` },
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : sarifLevel[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(report.base), description: { text: 'The repository root (or --base).' } } },
        invocations: [
          {
            commandLine: ['valkey-lint', ...report.argv].map(quoteArg).join(' '),
            arguments: [...report.argv],
            workingDirectory: { uri: dirUri(report.cwd) },
            startTimeUtc: report.start.toISOString(),
            endTimeUtc: report.end.toISOString(),
            exitCode: report.exitCode,
            // False when a file could not be read: its findings, if any, are missing from the results.
            executionSuccessful: !report.notices.some((n) => n.reason === 'unreadable'),
            toolExecutionNotifications: report.notices.map((n) => ({
              level: n.reason === 'unreadable' ? 'error' : 'warning',
              descriptor: { id: n.reason },
              message: { text: `${n.file}: skipped (${n.reason}): ${n.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(n.abs, report.base) } }],
            })),
            toolConfigurationNotifications: report.configErrors.map((e) => ({
              level: 'error',
              descriptor: { id: 'config' },
              message: { text: `${e.file}:${e.line}:${e.column}: ${e.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(e.abs, report.base), region: { startLine: e.line, startColumn: e.column } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          level: sarifLevel[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(f.abs, report.base),
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.column + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.column + 1,
                },
              },
            },
          ],
          partialFingerprints: { 'valkeyLint/v1': f.fingerprint },
        })),
      },
    ],
  };
}

const gitlabSeverity: Record<Exclude<Severity, 'off'>, string> = { info: 'info', warning: 'minor', error: 'major' };

/** GitLab's Code Quality report (artifacts:reports:codequality): paths relative to the repository root. */
export function gitlab(report: Report): string {
  return `${JSON.stringify(
    report.findings.map((f) => ({
      description: `${f.rule}: ${f.message}`,
      check_name: f.rule,
      fingerprint: f.fingerprint,
      severity: gitlabSeverity[f.severity],
      location: { path: relativeInside(report.base, f.abs) ?? f.abs.split(path.sep).join('/'), lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    })),
    null,
    2,
  )}\n`;
}
