import { existsSync } from 'node:fs';
import path from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import type { LanguageId } from '../types';
import { grammarFiles } from './languages';

/**
 * The web-tree-sitter runtime and grammars, loaded on first use: the runtime once per process,
 * each grammar the first time a file of its language is linted.
 */
export class GrammarLoader {
  private runtime: Promise<void> | undefined;
  private readonly languages = new Map<LanguageId, Promise<Language>>();
  private readonly loaded = new Map<LanguageId, Language>();

  constructor(private readonly grammarDir: string) {}

  /** The grammar when it is already loaded (synchronous callers), else undefined. */
  loadedLanguage(language: LanguageId): Language | undefined {
    return this.loaded.get(language);
  }

  load(language: LanguageId): Promise<Language> {
    let pending = this.languages.get(language);
    if (!pending) {
      pending = this.init()
        .then(() => Language.load(path.join(this.grammarDir, grammarFiles[language])))
        .then((lang) => {
          this.loaded.set(language, lang);
          return lang;
        });
      pending.catch(() => this.languages.delete(language));
      this.languages.set(language, pending);
    }
    return pending;
  }

  private init(): Promise<void> {
    this.runtime ??= initRuntime(this.grammarDir);
    return this.runtime;
  }
}

let runtimeInit: { dir: string; promise: Promise<void> } | undefined;

/** Parser.init may run once per process: every loader shares it. */
function initRuntime(grammarDir: string): Promise<void> {
  if (!runtimeInit) {
    const dir = existsSync(path.join(grammarDir, 'tree-sitter.wasm')) ? grammarDir : defaultGrammarDir();
    const promise = Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    runtimeInit = { dir, promise };
    promise.catch(() => (runtimeInit = undefined));
  }
  return runtimeInit.promise;
}

/**
 * The folder holding tree-sitter.wasm and the grammars: `grammars/` next to the bundle when the
 * engine runs as dist/lint.js, else the @vscode/tree-sitter-wasm package.
 */
export function defaultGrammarDir(): string {
  const bundled = path.join(__dirname, 'grammars');
  if (existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
    if (existsSync(path.join(candidate, 'tree-sitter.wasm'))) return candidate;
    if (path.dirname(dir) === dir) return bundled;
  }
}
