import type { Adapter } from '../analysis/adapter';
import type { FileContext } from '../analysis/context';
import type { FileModel, Op, Origin } from '../analysis/model';
import type { Fix, Range, RuleId, RuleMeta } from '../types';

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
  return `\`${text.length > 48 ? `${text.slice(0, 45)}...` : text}\``;
}
