import type * as vscode from 'vscode';
import { grammarDir, type Lint } from '../app/lazy';
import type { Configuration } from '../config/configuration';
import type { LanguageId, Linter, LintOptions } from '../lint/index';

/** Documents the linter reads: files on disk (local or remote) and unsaved editors. */
export const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/** VS Code language ids the lint engine understands. */
export const LINTED_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'ruby', 'php', 'csharp'] as const;

/** The lint engine, loaded with its grammars on first use (never during activation). */
export class LintService implements vscode.Disposable {
  private engine: Promise<{ lint: Lint; linter: Linter }> | undefined;

  constructor(
    private readonly loadLint: () => Promise<Lint>,
    private readonly config: Configuration,
  ) {}

  get(): Promise<{ lint: Lint; linter: Linter }> {
    return (this.engine ??= this.loadLint().then((lint) => ({ lint, linter: lint.createLinter({ grammarDir: grammarDir() }) })));
  }

  /** The engine's language for a file (by VS Code's language id, else its name), or undefined. */
  async languageOf(uri: vscode.Uri, languageId?: string): Promise<LanguageId | undefined> {
    if (!LINTED_SCHEMES.has(uri.scheme)) return undefined;
    const { lint } = await this.get();
    return (languageId ? lint.languageFromVscodeId(languageId) : undefined) ?? lint.languageFromPath(uri.path);
  }

  options(resource: vscode.Uri | undefined): LintOptions {
    const lint = this.config.lint(resource);
    return { rules: lint.rules, defaultTtlSeconds: lint.defaultTtlSeconds, collectionWritesSeverity: lint.collectionWritesSeverity };
  }

  dispose(): void {
    void this.engine?.then(({ linter }) => linter.dispose());
  }
}
