/**
 * The lint settings as the language server receives them (`workspace/configuration`, section
 * `valkeyWelkin.lint`, or initializationOptions from editors that send no configuration), checked
 * the same way the extension's own Configuration checks them, and merged with the nearest
 * valkey-lint.config.json (the same file the CLI reads).
 *
 * Precedence: what the user changed in the editor's settings wins over the config file; a setting
 * left at its default (TTL 3600, collection writes `info`, no rule entry) lets the file decide.
 */
import path from 'node:path';
import { ConfigResolver, formatConfigError, settingsFor } from '../config/index';
import { languageFromPath } from '../parser/languages';
import { ruleMetas } from '../rules/index';
import type { LintOptions, RuleId, Severity } from '../types';

export interface ServerLintSettings {
  enable: boolean;
  options: LintOptions;
}

const RULES: ReadonlySet<string> = new Set<RuleId>(['no-keys', 'missing-ttl', 'no-flush', 'sentinel-as-server']);
const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info', 'off']);
const DEFAULT_TTL = 3600;
const DEFAULT_COLLECTION: Severity = 'info';

export const defaultSettings: ServerLintSettings = { enable: true, options: {} };

/** The editor's settings; values equal to the defaults are left out, so a config file can set them. */
export function parseSettings(raw: unknown): ServerLintSettings {
  if (!raw || typeof raw !== 'object') return defaultSettings;
  const r = raw as Record<string, unknown>;
  const rules: Partial<Record<RuleId, Severity>> = {};
  if (r['rules'] && typeof r['rules'] === 'object') {
    for (const [k, v] of Object.entries(r['rules'] as Record<string, unknown>)) if (RULES.has(k) && typeof v === 'string' && SEVERITIES.has(v)) rules[k as RuleId] = v as Severity;
  }
  const ttl = typeof r['defaultTtlSeconds'] === 'number' && Number.isFinite(r['defaultTtlSeconds']) ? Math.min(Math.max(Math.round(r['defaultTtlSeconds']), 1), 365 * 24 * 3600) : DEFAULT_TTL;
  const collection = typeof r['collectionWritesSeverity'] === 'string' && SEVERITIES.has(r['collectionWritesSeverity']) ? (r['collectionWritesSeverity'] as Severity) : DEFAULT_COLLECTION;
  const options: LintOptions = { rules };
  if (ttl !== DEFAULT_TTL) options.defaultTtlSeconds = ttl;
  if (collection !== DEFAULT_COLLECTION) options.collectionWritesSeverity = collection;
  return { enable: r['enable'] !== false, options };
}

const defaultSeverity = (id: RuleId): Severity => ruleMetas.find((r) => r.id === id)?.defaultSeverity ?? 'warning';

/**
 * The settings for one file: the editor's over the nearest valkey-lint.config.json. A file the
 * config ignores is not linted (`enable: false`). Config errors are logged once per change of the file.
 */
export function withProjectConfig(settings: ServerLintSettings, file: string | undefined, resolver: ConfigResolver, workspaceFolder?: string): ServerLintSettings {
  if (!file || !settings.enable) return settings;
  const { config, root } = resolver.forFile(file);
  const s = settingsFor(config, root ?? workspaceFolder, file, languageFromPath(file), settings.options, defaultSeverity);
  return { enable: !s.ignored, options: s.options };
}

/** The server's resolver: folders are looked up again after 2 s, so a new or deleted config file is soon seen. */
export function configResolver(log: (message: string) => void): ConfigResolver {
  return new ConfigResolver({ cacheFolders: true, cacheMs: 2000, onError: (e) => log(`valkey-lint.config.json: ${formatConfigError(e)} (linting goes on with the defaults for what is wrong)`) });
}

/** The innermost of `folders` holding `file`. */
export function workspaceFolderOf(file: string, folders: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) if (f && (file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)) && (!best || f.length > best.length)) best = f;
  return best;
}
