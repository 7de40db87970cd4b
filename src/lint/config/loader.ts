/**
 * Finds and reads `valkey-lint.config.json` files: the nearest one walking up from a file's folder
 * (or one given file for every source file, `--config PATH`); a package.json with a `valkeyLint`
 * key counts as one (the config file wins in the same folder). Each config file is read once per
 * change (its mtime), and its errors are reported once.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, loaded, parseConfig, type ConfigError, type LoadedConfig } from './config';

/** The key of package.json that may hold the configuration instead of a valkey-lint.config.json. */
export const PACKAGE_KEY = 'valkeyLint';

export interface Resolved {
  config?: LoadedConfig;
  /** The folder the default test patterns are relative to: the config's, else the nearest with `.git`. */
  root?: string;
}

export interface ResolverOptions {
  /** One config for every file (`--config PATH`). */
  explicit?: string;
  /** Called once for every error of a config file as it is read. */
  onError?: (error: ConfigError) => void;
  /**
   * Remember, per folder, where its config is (the CLI: nothing changes during a run). The language
   * server leaves it off, so a config file created or deleted meanwhile is seen.
   */
  cacheFolders?: boolean;
  /** With `cacheFolders`: forget a folder's answer after this long (the language server: a workspace scan asks for every file). */
  cacheMs?: number;
}

function mtimeOf(file: string): number | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? s.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

export class ConfigResolver {
  private readonly files = new Map<string, { mtime: number; config: LoadedConfig }>();
  private readonly folders = new Map<string, { at: number; resolved: Resolved }>();

  constructor(private readonly options: ResolverOptions = {}) {}

  /** Reads one config file (again when it changed); undefined when it does not exist. */
  read(file: string): LoadedConfig | undefined {
    const mtime = mtimeOf(file);
    if (mtime === undefined) return undefined;
    const known = this.files.get(file);
    if (known && known.mtime === mtime) return known.config;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const error = { file, line: 1, column: 1, message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
      this.options.onError?.(error);
      const config = loaded(file, parseConfig('{}', file).config, [error]);
      this.files.set(file, { mtime, config });
      return config;
    }
    const { config, errors } = parseConfig(text, file);
    for (const e of errors) this.options.onError?.(e);
    const result = loaded(file, config, errors);
    this.files.set(file, { mtime, config: result });
    return result;
  }

  private readonly packages = new Map<string, { mtime: number; config: LoadedConfig | undefined }>();

  /**
   * The `valkeyLint` key of a package.json, the alternative to a config file of its own; undefined
   * when the file does not exist, is not valid JSON (not this tool's file to judge) or has no such key.
   */
  readPackage(file: string): LoadedConfig | undefined {
    const mtime = mtimeOf(file);
    if (mtime === undefined) return undefined;
    const known = this.packages.get(file);
    if (known && known.mtime === mtime) return known.config;
    let config: LoadedConfig | undefined;
    try {
      const text = readFileSync(file, 'utf8');
      const json = JSON.parse(text) as Record<string, unknown> | null;
      if (json && typeof json === 'object' && PACKAGE_KEY in json) {
        const parsed = parseConfig(text, file, PACKAGE_KEY);
        for (const e of parsed.errors) this.options.onError?.(e);
        config = loaded(file, parsed.config, parsed.errors);
      }
    } catch {
      config = undefined;
    }
    this.packages.set(file, { mtime, config });
    return config;
  }

  /** The config that applies to `file`. */
  forFile(file: string): Resolved {
    if (this.options.explicit) {
      const config = this.read(path.resolve(this.options.explicit));
      return { config, root: config?.dir };
    }
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  /** The config that applies to the files of folder `dir`. */
  forFolder(dir: string): Resolved {
    const now = this.options.cacheMs === undefined ? 0 : Date.now();
    const cached = this.options.cacheFolders ? this.folders.get(dir) : undefined;
    if (cached && (this.options.cacheMs === undefined || now - cached.at < this.options.cacheMs)) return cached.resolved;
    let result: Resolved;
    const config = this.read(path.join(dir, CONFIG_FILE)) ?? this.readPackage(path.join(dir, 'package.json'));
    if (config) result = { config, root: dir };
    else {
      const up = path.dirname(dir);
      if (up === dir) result = {};
      else {
        result = this.forFolder(up);
        if (!result.config && exists(path.join(dir, '.git'))) result = { root: dir };
      }
    }
    if (this.options.cacheFolders) this.folders.set(dir, { at: now, resolved: result });
    return result;
  }
}

/** `path:line:column: message`, the way the CLI and the server's log print a config error. */
export function formatConfigError(e: ConfigError, shown = e.file): string {
  return `${shown}:${e.line}:${e.column}: ${e.message}`;
}
