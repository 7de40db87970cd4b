/**
 * Generated application code that does not talk to Redis/Valkey, in every language the engine
 * lints: classes, functions, loops, collections, string handling, validation, error handling. Some
 * of it calls methods named like Redis commands on its own objects (`map.set`, `Object.keys`,
 * `list.add`, `dict.keys()`, `executor.execute`, `http.Client.Do`), which the engine must look at and
 * dismiss. The benchmark mixes it with the labelled fixtures to get a corpus with a realistic density
 * of findings; appcode.test.ts holds that it produces none and parses cleanly.
 */
import type { LanguageId } from '../../../../src/lint/index';
import { csharpCalls, csharpPlain } from './csharp';
import { goCalls, goPlain } from './go';
import { javaCalls, javaPlain } from './java';
import { javascriptCalls, javascriptPlain, tsxCalls, tsxPlain, typescriptCalls, typescriptPlain } from './javascript';
import { cap, Names, prng, snake, type Template } from './names';
import { phpCalls, phpPlain } from './php';
import { pythonCalls, pythonPlain } from './python';
import { rubyCalls, rubyPlain } from './ruby';

export { prng };

/**
 * Templates without and with the method names the engine looks at, and how often a part is drawn
 * from the second. That gives about 0.5 such words per kilobyte in JavaScript, TypeScript and
 * Python, twice what real code has (the JavaScript and TypeScript in node_modules: 0.34, the Python
 * standard library: 0.27), and more in Java (2.5: `list.add`, `map.put`, `List.of`), Go and PHP.
 */
const templates: Record<LanguageId, { plain: Template[]; calls: Template[]; share: number }> = {
  javascript: { plain: javascriptPlain, calls: javascriptCalls, share: 0.2 },
  typescript: { plain: typescriptPlain, calls: typescriptCalls, share: 0.2 },
  tsx: { plain: tsxPlain, calls: tsxCalls, share: 0.2 },
  python: { plain: pythonPlain, calls: pythonCalls, share: 0.2 },
  go: { plain: goPlain, calls: goCalls, share: 0.15 },
  java: { plain: javaPlain, calls: javaCalls, share: 0.25 },
  ruby: { plain: rubyPlain, calls: rubyCalls, share: 0.2 },
  php: { plain: phpPlain, calls: phpCalls, share: 0.12 },
  csharp: { plain: csharpPlain, calls: csharpCalls, share: 0.3 },
};

/**
 * About `bytes` characters of application code in `language` (whole top-level declarations, to put
 * after a file's header), the same for the same seed. The first line mentions the cache URL, as
 * configuration code does, so the engine does not skip the file unread.
 */
export function applicationCode(language: LanguageId, seed: number, bytes: number): string {
  const g = new Names(prng(seed));
  const parts = [configLine(language, g)];
  let size = parts[0]!.length;
  while (size < bytes) {
    const { plain, calls, share } = templates[language];
    const part = g.pick(g.rnd() < share ? calls : plain)(g);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

function configLine(language: LanguageId, g: Names): string {
  const name = `${g.noun()}CacheUrl${g.int(999)}`;
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'tsx':
      return `export const ${name} = process.env.REDIS_URL ?? 'redis://localhost:6379';\n\n`;
    case 'python':
      return `${snake(name).toUpperCase()} = os.environ.get("REDIS_URL", "redis://localhost:6379/0")\n\n`;
    case 'go':
      return `var ${name} = os.Getenv("REDIS_URL")\n\n`;
    case 'java':
      return `final class ${cap(name)} {\n    static final String VALUE = System.getenv("REDIS_URL");\n}\n\n`;
    case 'ruby':
      return `${snake(name).toUpperCase()} = ENV.fetch("REDIS_URL", "redis://localhost:6379")\n\n`;
    case 'php':
      return `const ${snake(name).toUpperCase()} = 'redis://localhost:6379';\n\n`;
    case 'csharp':
      return `public static class ${cap(name)}\n{\n    public static readonly string Value = Environment.GetEnvironmentVariable("REDIS_URL") ?? "localhost:6379";\n}\n\n`;
  }
}
