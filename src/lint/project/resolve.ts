/**
 * Import resolution for the project index: which indexed files an import of one file names, per
 * language family, from paths alone (no file system access: the index only knows the files it
 * was given, plus the path aliases of tsconfig/jsconfig files the caller read).
 */
import path from 'node:path';
import type { LanguageId } from '../types';

export type Family = 'js' | 'python' | 'go' | 'java' | 'ruby' | 'php' | 'csharp';

export function familyOf(language: LanguageId): Family {
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'tsx':
      return 'js';
    default:
      return language;
  }
}

/** `compilerOptions.paths` of one tsconfig/jsconfig: the folder it applies to and its patterns. */
export interface PathAliases {
  /** Absolute folder of the config file (aliases apply to files under it). */
  dir: string;
  /** Absolute `baseUrl` (defaults to `dir`). */
  baseUrl: string;
  /** `"@/*": ["src/*"]` */
  paths: Record<string, string[]>;
}

const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

const posix = (p: string): string => p.split(path.sep).join('/');

/** Candidate file paths a JS/TS module specifier may resolve to (in order of preference). */
export function jsCandidates(fromFile: string, specifier: string, aliases: readonly PathAliases[]): string[] {
  const bases: string[] = [];
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    bases.push(path.posix.join(path.posix.dirname(posix(fromFile)), specifier));
  } else {
    for (const a of aliases) {
      if (!posix(fromFile).startsWith(`${posix(a.dir)}/`)) continue;
      for (const [pattern, targets] of Object.entries(a.paths)) {
        const star = pattern.indexOf('*');
        let rest: string | undefined;
        if (star < 0) rest = pattern === specifier ? '' : undefined;
        else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))) {
          rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
        }
        if (rest === undefined) continue;
        for (const t of targets) bases.push(path.posix.join(posix(a.baseUrl), t.replace('*', rest)));
      }
      // A bare specifier under baseUrl (`import x from 'lib/redis'` with baseUrl "src").
      bases.push(path.posix.join(posix(a.baseUrl), specifier));
    }
  }
  const out: string[] = [];
  for (const base of bases) {
    // `./redis.js` written for a `redis.ts` source (TypeScript's ESM convention).
    const stripped = base.replace(/\.(?:m|c)?js$/, '');
    out.push(base);
    for (const ext of JS_EXTENSIONS) out.push(stripped + ext);
    for (const ext of JS_EXTENSIONS) out.push(`${base}/index${ext}`);
  }
  return out;
}

/** Dotted module names a Python file can be imported as (`app/cache/redis.py` → `app.cache.redis`, `cache.redis`, `redis`). */
export function pythonModuleNames(file: string): string[] {
  const parts = posix(file).replace(/\.py$/, '').split('/').filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** The absolute dotted target of a relative Python import (`from ..cache import r` in a/b/c.py → `a.cache`), as path segments. */
export function pythonRelative(fromFile: string, module: string): string | undefined {
  const dots = /^\.+/.exec(module)?.[0].length ?? 0;
  if (dots === 0) return undefined;
  let dir = path.posix.dirname(posix(fromFile));
  for (let i = 1; i < dots; i++) dir = path.posix.dirname(dir);
  const rest = module.slice(dots);
  return rest ? path.posix.join(dir, ...rest.split('.')) : dir;
}

/** Ruby `require_relative 'x'` → candidate paths; `require 'app/cache'` → a path suffix. */
export function rubyCandidates(fromFile: string, required: string, relative: boolean): string[] {
  const withExt = required.endsWith('.rb') ? required : `${required}.rb`;
  if (relative) return [path.posix.join(path.posix.dirname(posix(fromFile)), withExt)];
  return [withExt];
}
