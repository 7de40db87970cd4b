/**
 * The source files of a project, as the CLI and the language server both see them: every file the
 * lint engine has a language for, under the given roots, skipping dependency, build and vendored
 * folders and whatever the project's `.gitignore` files ignore (git's own rules, through the
 * `ignore` package, nested .gitignore files included), the `ignore` patterns of the nearest
 * valkey-lint.config.json and the caller's own exclusions (the CLI's `--exclude`).
 */
import { readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { matches } from '../config/config';
import { ConfigResolver } from '../config/loader';
import { isLuaScript } from '../luaFile';
import { languageFromPath } from '../parser/languages';
import type { PathAliases } from './resolve';

/** Folders that never hold the project's own application code (one list for the CLI and the editor). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'bower_components',
  'jspm_packages',
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  '.bundle',
  'Pods',
  '.yarn',
  '.pnpm-store',
]);

export interface WalkOptions {
  /** Stop after this many files (default 50,000). */
  maxFiles?: number;
  /** Read .gitignore files (default true). */
  gitignore?: boolean;
  /** Called for folders that cannot be read. */
  onError?: (dir: string, error: NodeJS.ErrnoException) => void;
  /** Checked between folders; true stops the walk. */
  cancelled?: () => boolean;
  /** Where valkey-lint.config.json files are read from (their `ignore` patterns apply); false: none. Default: a new resolver. */
  config?: ConfigResolver | false;
  /** More exclusions: true leaves the file or folder out (the CLI's `--exclude`). */
  exclude?: (full: string, isDir: boolean) => boolean;
}

/** The config's `ignore` patterns and `exclude`, as one test for files and folders (the CLI and the workspace scan). */
export function excluder(config: ConfigResolver | false, exclude?: (full: string, isDir: boolean) => boolean): (full: string, isDir: boolean) => boolean {
  return (full, isDir) => {
    if (exclude?.(full, isDir)) return true;
    if (!config) return false;
    const cfg = (isDir ? config.forFolder(path.dirname(full)) : config.forFile(full)).config;
    return cfg ? matches(cfg.ignores, cfg.dir, full, isDir) : false;
  };
}

interface Rules {
  base: string;
  ig: Ignore;
}

/** The folder's .gitignore, when its listing has one (read synchronously: a small file, and much cheaper than four async steps). */
function rulesOf(dir: string, entries: readonly Dirent[]): Rules | undefined {
  if (!entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) return undefined;
  try {
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignored(stack: readonly Rules[], full: string, isDir: boolean): boolean {
  for (const r of stack) {
    // The walk only asks about paths below each rule's folder: slice instead of path.relative.
    if (!full.startsWith(r.base + path.sep)) continue;
    let rel = full.slice(r.base.length + 1);
    if (path.sep !== '/') rel = rel.split(path.sep).join('/');
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Source files under `root` (a folder), in a stable order. */
export async function* sourceFiles(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const max = options.maxFiles ?? 50_000;
  let count = 0;
  const useGitignore = options.gitignore ?? true;
  const excluded = excluder(options.config ?? new ConfigResolver({ cacheFolders: true }), options.exclude);
  async function* walk(dir: string, stack: readonly Rules[]): AsyncGenerator<string> {
    if (options.cancelled?.()) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      options.onError?.(dir, e as NodeJS.ErrnoException);
      return;
    }
    const own = useGitignore ? rulesOf(dir, entries) : undefined;
    const rules = own ? [...stack, own] : stack;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (count >= max) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || ignored(rules, full, true) || excluded(full, true)) continue;
        yield* walk(full, rules);
      } else if (e.isFile() && (languageFromPath(e.name) || isLuaScript(e.name)) && !ignored(rules, full, false) && !excluded(full, false)) {
        count++;
        yield full;
      }
    }
  }
  yield* walk(root, []);
}

/** Text of a file: UTF-8 (BOM dropped), or UTF-16 when it starts with a UTF-16 byte order mark. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8');
}

/** `compilerOptions.paths` of the tsconfig.json/jsconfig.json files at the given folders (JSON with comments tolerated). */
export async function readPathAliases(dirs: Iterable<string>): Promise<PathAliases[]> {
  const out: PathAliases[] = [];
  for (const dir of dirs) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      let text: string;
      try {
        text = await readFile(path.join(dir, name), 'utf8');
      } catch {
        continue;
      }
      try {
        const json = JSON.parse(stripJsonComments(text)) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
        const co = json.compilerOptions ?? {};
        if (!co.paths && !co.baseUrl) continue;
        out.push({ dir, baseUrl: path.resolve(dir, co.baseUrl ?? '.'), paths: co.paths ?? {} });
      } catch {
        // A tsconfig we cannot read gives no aliases; relative imports still resolve.
      }
    }
  }
  return out;
}

function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
