import type { LanguageId } from '../types';

/** Grammar file (in @vscode/tree-sitter-wasm's wasm folder) for each language. */
export const grammarFiles: Record<LanguageId, string> = {
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  php: 'tree-sitter-php.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
};

export const languageIds = Object.keys(grammarFiles) as LanguageId[];

const byExtension: Record<string, LanguageId> = {
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python',
  '.pyw': 'python',
  '.go': 'go',
  '.java': 'java',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.php': 'php',
  '.cs': 'csharp',
};

const byVscodeId: Record<string, LanguageId> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  python: 'python',
  go: 'go',
  java: 'java',
  ruby: 'ruby',
  php: 'php',
  csharp: 'csharp',
};

/** The language of a file by its extension (`.d.ts` declaration files are not linted). */
export function languageFromPath(filePath: string): LanguageId | undefined {
  const base = filePath.replace(/^.*[\\/]/, '').toLowerCase();
  if (/\.d\.[cm]?ts$/.test(base)) return undefined;
  const dot = base.lastIndexOf('.');
  if (dot < 0) return base === 'rakefile' || base === 'gemfile' ? 'ruby' : undefined;
  return byExtension[base.slice(dot)];
}

/** The language of a VS Code document by its `languageId`. */
export function languageFromVscodeId(id: string): LanguageId | undefined {
  return byVscodeId[id];
}

/** Comment prefix used when the engine writes a line comment into a file of this language. */
export function lineCommentPrefix(language: LanguageId): string {
  return language === 'python' || language === 'ruby' ? '#' : '//';
}
