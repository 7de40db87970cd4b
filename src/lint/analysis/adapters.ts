import type { Adapter } from './adapter';
import type { FileContext } from './context';
import { createJavaScriptAdapter, javascriptCallWords } from './javascript';
import { createPythonAdapter, pythonCallWords } from './python';
import { createGoAdapter, goCallWords } from './go';
import { createJavaAdapter, javaCallWords } from './java';
import { createRubyAdapter, rubyCallWords } from './ruby';
import { createPhpAdapter, phpCallWords } from './php';
import { createCSharpAdapter, csharpCallWords } from './csharp';

export function createAdapter(ctx: FileContext): { adapter: Adapter; callWords: readonly string[] } {
  switch (ctx.language) {
    case 'javascript':
    case 'typescript':
    case 'tsx':
      return withWrappers(createJavaScriptAdapter(ctx), javascriptCallWords);
    case 'python':
      return withWrappers(createPythonAdapter(ctx), pythonCallWords);
    case 'go':
      return withWrappers(createGoAdapter(ctx), goCallWords);
    case 'java':
      return withWrappers(createJavaAdapter(ctx), javaCallWords);
    case 'ruby':
      return withWrappers(createRubyAdapter(ctx), rubyCallWords);
    case 'php':
      return withWrappers(createPhpAdapter(ctx), phpCallWords);
    case 'csharp':
      return withWrappers(createCSharpAdapter(ctx), csharpCallWords);
  }
}

/** The engine also looks for the names of project wrappers the file calls (its own and, through `ctx.project`, other files'). */
function withWrappers(adapter: Adapter & { extraCallWords(): string[] }, words: readonly string[]): { adapter: Adapter; callWords: readonly string[] } {
  const extra = adapter.extraCallWords().filter((w) => !words.includes(w));
  return { adapter, callWords: extra.length ? [...words, ...extra] : words };
}
