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
      return { adapter: createJavaScriptAdapter(ctx), callWords: javascriptCallWords };
    case 'python':
      return { adapter: createPythonAdapter(ctx), callWords: pythonCallWords };
    case 'go':
      return { adapter: createGoAdapter(ctx), callWords: goCallWords };
    case 'java':
      return { adapter: createJavaAdapter(ctx), callWords: javaCallWords };
    case 'ruby':
      return { adapter: createRubyAdapter(ctx), callWords: rubyCallWords };
    case 'php':
      return { adapter: createPhpAdapter(ctx), callWords: phpCallWords };
    case 'csharp':
      return { adapter: createCSharpAdapter(ctx), callWords: csharpCallWords };
  }
}
