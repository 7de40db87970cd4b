/**
 * `valkey-lint.config.json`: the project's lint configuration, read by the CLI and the language
 * server alike. The nearest file walking up from a source file applies to it (like .editorconfig
 * without cascading: the first one found wins). Its JSON schema is schemas/valkey-lint.config.schema.json.
 *
 *   {
 *     "rules": { "no-keys": "error", "missing-ttl": "warning" },
 *     "collectionWritesSeverity": "info",
 *     "defaultTtlSeconds": 3600,
 *     "ignore": ["generated/", "*.min.js"],
 *     "tests": { "files": ["test/", "*_test.go"], "severity": "info" },
 *     "clients": { "python": ["myapp.cache.get_client"] },
 *     "budget": { "maxBytes": 2000000, "maxSteps": 5000000 }
 *   }
 *
 * Globs (`ignore`, `tests.files`) are gitignore patterns relative to the config file's folder.
 * A file that is not valid JSON, or holds a wrong value, gives errors naming the line; whatever is
 * valid is kept and the rest falls back to the defaults.
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { LanguageId, LintOptions, RuleId, Severity } from '../types';

export const CONFIG_FILE = 'valkey-lint.config.json';

const RULE_IDS: readonly RuleId[] = ['no-keys', 'missing-ttl', 'no-flush', 'sentinel-as-server'];
const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];
/** Languages `clients` may name; `javascript` also covers TypeScript. */
export const CLIENT_LANGUAGES = ['javascript', 'python', 'go', 'java', 'ruby', 'php', 'csharp'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

/**
 * Test code, found by these gitignore patterns when the config names none: folders called test,
 * tests, __tests__, spec or testdata, and the file names the usual test runners look for.
 */
export const DEFAULT_TEST_FILES: readonly string[] = [
  'test/',
  'tests/',
  '__tests__/',
  'spec/',
  'testdata/',
  '*.test.*',
  '*.spec.*',
  '*_test.go',
  'test_*.py',
  '*_test.py',
  '*_spec.rb',
  '*_test.rb',
  '*Test.java',
  '*Tests.java',
  '*IT.java',
  '*Test.php',
  '*Tests.cs',
  '*Test.cs',
];

export interface LintConfig {
  rules: Partial<Record<RuleId, Severity>>;
  collectionWritesSeverity?: Severity;
  defaultTtlSeconds?: number;
  ignore: string[];
  tests: { files: string[]; severity: Severity };
  clients: Partial<Record<ClientLanguage, string[]>>;
  budget: { maxBytes?: number; maxSteps?: number };
}

export interface ConfigError {
  /** The config file (absolute). */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

/** A config file read and checked; `dir` is the folder its globs are relative to. */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: LintConfig;
  errors: ConfigError[];
  ignores: Ignore;
  tests: Ignore;
}

export const emptyConfig = (): LintConfig => ({ rules: {}, ignore: [], tests: { files: [...DEFAULT_TEST_FILES], severity: 'info' }, clients: {}, budget: {} });

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped: Node 20 says "at position N", newer versions also "(line L column C)". */
function syntaxErrorAt(text: string, e: SyntaxError): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(e.message);
  if (pos) return lineColumn(text, Number(pos[1]));
  return lineColumn(text, text.length);
}

/** The line of a key in the config text (the first `"key":` after the section's own key, when given). */
function keyAtFrom(text: string, key: string, section?: string, start = 0): { line: number; column: number } {
  const quoted = (k: string): RegExp => new RegExp(`"${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'g');
  let from = start;
  if (section) {
    const re = quoted(section);
    re.lastIndex = start;
    const s = re.exec(text);
    if (s) from = s.index;
  }
  const re = quoted(key);
  re.lastIndex = from;
  const m = re.exec(text);
  return lineColumn(text, m ? m.index : from);
}

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Checks a config file's text. Never throws: what is wrong becomes an error, the rest is kept. */
export function parseConfig(text: string, file: string, key?: string): { config: LintConfig; errors: ConfigError[] } {
  const config = emptyConfig();
  const errors: ConfigError[] = [];
  const fail = (at: { line: number; column: number }, message: string): void => {
    errors.push({ file, ...at, message });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    fail(syntaxErrorAt(text, e as SyntaxError), `not valid JSON: ${(e as Error).message}`);
    return { config, errors };
  }
  // In package.json the configuration is the value of its `valkeyLint` key; positions are found after that key.
  let start = 0;
  if (key) {
    raw = (raw as Record<string, unknown> | null)?.[key];
    const m = new RegExp(`"${key}"\\s*:`).exec(text);
    start = m ? m.index : 0;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    fail(lineColumn(text, start), `${key ? `"${key}"` : 'the configuration'} must be a JSON object`);
    return { config, errors };
  }
  const r = raw as Record<string, unknown>;
  const keyAt = (k: string, section?: string): { line: number; column: number } => keyAtFrom(text, k, section, start);
  for (const [key, value] of Object.entries(r)) {
    const at = keyAt(key);
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(at, '"rules" must be an object of rule id to severity');
          break;
        }
        for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
          if (!(RULE_IDS as readonly string[]).includes(id)) fail(keyAt(id, 'rules'), `unknown rule "${id}": the rules are ${RULE_IDS.join(', ')}`);
          else if (!isSeverity(severity)) fail(keyAt(id, 'rules'), `rule "${id}": the severity must be off, info, warning or error`);
          else config.rules[id as RuleId] = severity;
        }
        break;
      case 'collectionWritesSeverity':
        if (isSeverity(value)) config.collectionWritesSeverity = value;
        else fail(at, '"collectionWritesSeverity" must be off, info, warning or error');
        break;
      case 'defaultTtlSeconds':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 365 * 24 * 3600) config.defaultTtlSeconds = value;
        else fail(at, '"defaultTtlSeconds" must be a whole number of seconds from 1 to 31536000');
        break;
      case 'ignore':
        if (isStringArray(value)) config.ignore = value;
        else fail(at, '"ignore" must be an array of gitignore patterns');
        break;
      case 'tests': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(at, '"tests" must be an object: { "files": [patterns], "severity": "info" }');
          break;
        }
        const t = value as Record<string, unknown>;
        for (const k of Object.keys(t)) if (k !== 'files' && k !== 'severity') fail(keyAt(k, 'tests'), `unknown key "tests.${k}": use files and severity`);
        if (t['files'] !== undefined) {
          if (isStringArray(t['files'])) config.tests.files = t['files'];
          else fail(keyAt('files', 'tests'), '"tests.files" must be an array of gitignore patterns');
        }
        if (t['severity'] !== undefined) {
          if (isSeverity(t['severity'])) config.tests.severity = t['severity'];
          else fail(keyAt('severity', 'tests'), '"tests.severity" must be off, info, warning or error');
        }
        break;
      }
      case 'clients':
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(at, '"clients" must be an object of language to an array of names');
          break;
        }
        for (const [language, names] of Object.entries(value as Record<string, unknown>)) {
          if (!(CLIENT_LANGUAGES as readonly string[]).includes(language)) fail(keyAt(language, 'clients'), `unknown language "${language}" in "clients": use ${CLIENT_LANGUAGES.join(', ')}`);
          else if (!isStringArray(names)) fail(keyAt(language, 'clients'), `"clients.${language}" must be an array of names`);
          else config.clients[language as ClientLanguage] = names;
        }
        break;
      case 'budget': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(at, '"budget" must be an object: { "maxBytes": N, "maxSteps": N }');
          break;
        }
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (k !== 'maxBytes' && k !== 'maxSteps') fail(keyAt(k, 'budget'), `unknown key "budget.${k}": use maxBytes and maxSteps`);
          else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(keyAt(k, 'budget'), `"budget.${k}" must be a positive whole number`);
          else config.budget[k] = v;
        }
        break;
      }
      default:
        fail(at, `unknown key "${key}"`);
    }
  }
  return { config, errors };
}

/** A config as the matcher needs it. */
export function loaded(file: string, config: LintConfig, errors: ConfigError[]): LoadedConfig {
  return { file, dir: path.dirname(file), config, errors, ignores: safeIgnore(config.ignore), tests: safeIgnore(config.tests.files) };
}

function safeIgnore(patterns: readonly string[]): Ignore {
  const ig = ignore();
  for (const p of patterns) {
    try {
      ig.add(p);
    } catch {
      // An invalid pattern matches nothing.
    }
  }
  return ig;
}

/** `file` relative to `dir` in forward slashes, or undefined when it is not inside. */
export function relativeInside(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return undefined;
  return rel;
}

export function matches(ig: Ignore, dir: string, file: string, isDir = false): boolean {
  const rel = relativeInside(dir, file);
  if (!rel) return false;
  try {
    return ig.ignores(isDir ? `${rel}/` : rel);
  } catch {
    return false;
  }
}

const RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 };
const lower = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** The language whose `clients` list applies to a file of `language`. */
function clientLanguage(language: LanguageId | undefined): ClientLanguage | undefined {
  if (!language) return undefined;
  if (language === 'typescript' || language === 'tsx' || language === 'javascript') return 'javascript';
  return language;
}

export interface FileSettings {
  /** The config ignores the file: it is not linted. */
  ignored: boolean;
  /** The file is test code (`tests.files`): its findings report at most at `tests.severity`. */
  test: boolean;
  options: LintOptions;
}

/**
 * The lint options for one file: the config's values, with `base` (command-line flags, or the
 * settings the user changed in the editor) over them. Without a config file the default test
 * patterns apply relative to `root` (the repository root, when known).
 */
export function settingsFor(cfg: LoadedConfig | undefined, root: string | undefined, file: string, language: LanguageId | undefined, base: LintOptions, defaultSeverity: (rule: RuleId) => Severity): FileSettings {
  const config = cfg?.config ?? emptyConfig();
  const rules: Partial<Record<RuleId, Severity>> = { ...config.rules, ...base.rules };
  const options: LintOptions = { ...base, rules };
  options.defaultTtlSeconds = base.defaultTtlSeconds ?? config.defaultTtlSeconds;
  options.collectionWritesSeverity = base.collectionWritesSeverity ?? config.collectionWritesSeverity;
  options.maxBytes = base.maxBytes ?? config.budget.maxBytes;
  options.maxSteps = base.maxSteps ?? config.budget.maxSteps;
  for (const key of ['defaultTtlSeconds', 'collectionWritesSeverity', 'maxBytes', 'maxSteps'] as const) if (options[key] === undefined) delete options[key];
  const names = config.clients[clientLanguage(language) as ClientLanguage];
  if (names?.length) options.clients = [...(base.clients ?? []), ...names];
  const ignored = cfg ? matches(cfg.ignores, cfg.dir, file) : false;
  const test = cfg ? matches(cfg.tests, cfg.dir, file) : matches(defaultTests, root ?? path.parse(path.resolve(file)).root, path.resolve(file));
  if (test) {
    const cap = config.tests.severity;
    for (const id of RULE_IDS) rules[id] = lower(rules[id] ?? defaultSeverity(id), cap);
    options.collectionWritesSeverity = lower(options.collectionWritesSeverity ?? 'info', cap);
  }
  return { ignored, test, options };
}

const defaultTests = safeIgnore(DEFAULT_TEST_FILES);
