/**
 * The lint settings as the language server receives them (`workspace/configuration`, section
 * `valkeyWelkin.lint`, or initializationOptions from editors that send no configuration), checked
 * the same way the extension's own Configuration checks them.
 */
import type { LintOptions, RuleId, Severity } from '../types';

export interface ServerLintSettings {
  enable: boolean;
  options: LintOptions;
}

const RULES: ReadonlySet<string> = new Set<RuleId>(['no-keys', 'missing-ttl', 'no-flush', 'sentinel-as-server']);
const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info', 'off']);

export const defaultSettings: ServerLintSettings = { enable: true, options: {} };

export function parseSettings(raw: unknown): ServerLintSettings {
  if (!raw || typeof raw !== 'object') return defaultSettings;
  const r = raw as Record<string, unknown>;
  const rules: Partial<Record<RuleId, Severity>> = {};
  if (r['rules'] && typeof r['rules'] === 'object') {
    for (const [k, v] of Object.entries(r['rules'] as Record<string, unknown>)) if (RULES.has(k) && typeof v === 'string' && SEVERITIES.has(v)) rules[k as RuleId] = v as Severity;
  }
  const ttl = typeof r['defaultTtlSeconds'] === 'number' && Number.isFinite(r['defaultTtlSeconds']) ? Math.min(Math.max(Math.round(r['defaultTtlSeconds']), 1), 365 * 24 * 3600) : 3600;
  const collection = typeof r['collectionWritesSeverity'] === 'string' && SEVERITIES.has(r['collectionWritesSeverity']) ? (r['collectionWritesSeverity'] as Severity) : 'info';
  return { enable: r['enable'] !== false, options: { rules, defaultTtlSeconds: ttl, collectionWritesSeverity: collection } };
}
