import type * as vscode from 'vscode';
import type { Lint } from '../app/lazy';

/** Documents the linter reads: files on disk (local or remote) and unsaved editors. */
export const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/** VS Code language ids the lint engine understands. */
export const LINTED_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'ruby', 'php', 'csharp', 'lua'] as const;

/** Source files the lint server's project index follows on disk. */
export const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,go,java,rb,php,cs}';

/**
 * The lint engine's metadata (rule titles for the documentation picker), loaded on first use. The
 * analysis itself runs in the lint language server, never in the extension host.
 */
export class LintService implements vscode.Disposable {
  private engine: Promise<Lint> | undefined;

  constructor(private readonly loadLint: () => Promise<Lint>) {}

  get(): Promise<Lint> {
    return (this.engine ??= this.loadLint());
  }

  dispose(): void {
    this.engine = undefined;
  }
}
