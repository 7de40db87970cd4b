import { goRedisSnippet } from './go';
import { jedisSnippet, lettuceSnippet, springSnippet } from './java';
import { ioSnippet, nodeRedisSnippet } from './javascript';
import { djangoSnippet, pySnippet } from './python';
import { snippetContext, type Snippet, type SnippetOptions } from './snippet';

export type { Snippet, SnippetLanguage, SnippetOptions } from './snippet';

/** Connection code for every supported client, reading the app ConfigMap's variables. */
export function clientSnippets(options: SnippetOptions): Snippet[] {
  const context = snippetContext(options);
  return [
    ioSnippet(context, 'iovalkey'),
    ioSnippet(context, 'ioredis'),
    nodeRedisSnippet(context),
    pySnippet(context, 'redis'),
    pySnippet(context, 'valkey'),
    djangoSnippet(context),
    goRedisSnippet(context),
    jedisSnippet(context),
    lettuceSnippet(context),
    springSnippet(context),
  ];
}
