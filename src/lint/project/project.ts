/**
 * A lint project: one linter, the project index over its files, and the two phases every whole
 * project lint goes through (summaries first, then each file's lint with the facts the others
 * give it). The CLI and the language server both use it.
 */
import { readFile, stat } from 'node:fs/promises';
import { decode } from './files';
import { ProjectIndex } from './index';
import { languageFromPath } from '../parser/languages';
import type { LanguageId, Linter, LintOptions, LintResult } from '../types';

/** Files larger than this are neither summarised nor linted from disk (bytes; the engine's own limit is 2,000,000 UTF-16 units). */
export const MAX_FILE_BYTES = 8_000_000;

export class LintProject {
  readonly index = new ProjectIndex();

  constructor(readonly linter: Linter) {}

  /** Reads and summarises one file from disk; true when its summary changed. */
  async indexFile(file: string, options: Pick<LintOptions, 'maxBytes' | 'timeBudgetMs'> = {}): Promise<boolean> {
    const language = languageFromPath(file);
    if (!language) return false;
    const text = await readSource(file);
    if (text === undefined) return this.index.remove(file);
    return this.indexText(file, text, language, options);
  }

  /** Summarises a text (an open buffer, or a file read by the caller); true when the summary changed. */
  async indexText(file: string, text: string, language: LanguageId, options: Pick<LintOptions, 'maxBytes' | 'timeBudgetMs'> = {}, docKey?: string): Promise<boolean> {
    const summary = await this.linter.summarize(text, language, { ...options, ...this.projectOf(file, language), anchorNames: this.index.anchorNames(), file }, docKey);
    return this.index.set(file, language, summary);
  }

  /**
   * A summary may depend on other files' facts (`export const cache = getRedis()` with `getRedis`
   * from another module): re-summarise, from `texts`, the files whose facts are not empty, until
   * nothing changes (at most `rounds` times).
   */
  async settle(texts: (file: string) => Promise<string | undefined>, rounds = 2): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      let changed = false;
      for (const file of this.index.files()) {
        const language = languageFromPath(file);
        if (!language || this.index.factsData(file, language).key === '') continue;
        const text = await texts(file);
        if (text !== undefined && (await this.indexText(file, text, language))) changed = true;
      }
      if (!changed) return;
    }
  }

  /**
   * Files the text prefilter kept out of the index (they name no client) but that name a module or
   * class of the project that exports one: summarised now, so their imports resolve. Run after the
   * first pass over every file.
   */
  async indexImporters(files: Iterable<string>, texts: (file: string) => Promise<string | undefined>): Promise<void> {
    const todo = [...files];
    // A file let through here may itself become an anchor (a wrapper over the client it imports,
    // `scanAndDelete.js` over `client.js`): its importers are looked for again, a few rounds deep.
    let tried = '';
    for (let round = 0; round < 3; round++) {
      const names = this.index.anchorNames();
      if (names.length === 0 || names.join('\0') === tried) return;
      tried = names.join('\0');
      for (const file of todo) {
        const language = languageFromPath(file);
        const known = this.index.summary(file);
        if (!language || (known && known.imports.length > 0)) continue;
        const text = await texts(file);
        if (text === undefined || !names.some((n) => text.includes(n))) continue;
        // Summarised once to learn its imports, then again with the facts they resolve to.
        if ((await this.indexText(file, text, language)) && this.index.factsData(file, language).key !== '') await this.indexText(file, text, language);
      }
    }
  }

  /** Lints `text` as `file` with the facts the project gives it. */
  lint(file: string | undefined, text: string, language: LanguageId, options: LintOptions, docKey?: string): Promise<LintResult> {
    const withFacts = { ...options, ...(file ? { ...this.projectOf(file, language), file } : {}) };
    return docKey ? this.linter.lintDocument(docKey, text, language, withFacts) : this.linter.lint(text, language, withFacts);
  }

  /** The key of the facts `file` would be linted with ('' for none). */
  factsKey(file: string, language: LanguageId): string {
    return this.index.factsData(file, language).key;
  }

  private projectOf(file: string, language: LanguageId): Pick<LintOptions, 'project'> {
    const project = this.index.facts(file, language);
    return project ? { project } : {};
  }
}

/** A source file's text, or undefined when it is missing, unreadable or too large. */
export async function readSource(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return decode(await readFile(file));
  } catch {
    return undefined;
  }
}
