import type { Adapter } from '../analysis/adapter';
import type { FileContext } from '../analysis/context';
import type { FileModel, Op, Origin } from '../analysis/model';
import type { Fix, Range, RelatedLocation, RuleId, RuleMeta } from '../types';

export interface ResolvedOptions {
  defaultTtlSeconds: number;
}

export interface RuleEnv {
  ctx: FileContext;
  adapter: Adapter;
  options: ResolvedOptions;
  fixesFor(rule: RuleId, op: Op): Fix[];
}

export interface RuleFinding {
  rule: RuleId;
  range: Range;
  message: string;
  fixes: Fix[];
  /** missing-ttl on a collection write: reported at the collection-writes severity. */
  collection?: boolean;
  /** The op or misuse the finding is about. */
  origin: Origin;
  /** See `Finding.keyPrefix`. */
  keyPrefix?: string;
  /** See `Finding.related`. */
  related?: RelatedLocation[];
}

export interface Rule {
  meta: RuleMeta;
  check(model: FileModel, env: RuleEnv): RuleFinding[];
}

export function docsPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}

/** A short rendering of a key expression for messages. */
export function shortKey(env: RuleEnv, op: Op): string {
  const key = op.keys[0];
  if (!key) return 'the key';
  const text = env.ctx.text(key).replace(/\s+/g, ' ');
  const short = text.length > 48 ? `${text.slice(0, 45)}...` : text;
  // A template literal already reads as code: backticks around it would double up (``k:${id}``).
  return short.startsWith('`') ? short : `\`${short}\``;
}

/**
 * The literal start of a key expression: the characters of its first string literal up to the
 * first interpolation or format directive, when the expression starts with that literal (allowing
 * a call such as `fmt.Sprintf(` or a string prefix such as `f`, `$`, `@`, `b`). `"session:" + id`,
 * `f"session:{id}"`, `` `session:${id}` ``, `"session:#{id}"`, `fmt.Sprintf("session:%s", id)` and
 * `String.format("session:%s", id)` all give `session:`; `key` gives undefined.
 */
export function literalKeyPrefix(expression: string): string | undefined {
  const match = /^\s*(?:[\w.]+\s*\(\s*)?(?:[fFbBuUrR]{1,2}|\$@?|@\$?)?(["'`])/.exec(expression);
  if (!match) return undefined;
  const quote = match[1]!;
  let out = '';
  for (let i = match[0].length; i < expression.length; i++) {
    const c = expression[i]!;
    if (c === quote || c === '{' || c === '%' || c === '\\' || (c === '$' && /[\w{]/.test(expression[i + 1] ?? '')) || (c === '#' && expression[i + 1] === '{')) break;
    if (c === '\n') break;
    out += c;
  }
  return out.length > 0 ? out : undefined;
}
