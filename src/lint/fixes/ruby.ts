import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, replaceNode, ttlTitle, type LanguageFixes } from './fix';

/** redis-rb `redis.keys(p)` -> `redis.scan_each(match: p).to_a` (not inside a pipeline, where calls return futures). */
function scanInstead(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.via !== 'method' || op.client.lib !== 'redis-rb' || op.client.role !== 'client' || !site.receiver || site.block) return [];
  if (site.args.length > 1 || site.args.some((a) => a.spread || a.name)) return [];
  const receiver = env.ctx.text(site.receiver);
  const scan = site.args[0] ? `${receiver}.scan_each(match: ${env.ctx.text(site.args[0].node)}).to_a` : `${receiver}.scan_each.to_a`;
  return [{ title: 'Iterate with SCAN (scan_each) instead of KEYS', isPreferred: true, edits: [replaceNode(site.call, scan)] }];
}

/** `redis.set(k, v)` / `redis.set(k, v, nx: true)` -> `..., ex: <ttl>`. */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.command !== 'SET' || op.via !== 'method' || site.args.some((a) => a.spread)) return [];
  if (site.args.filter((a) => !a.name).length !== 2 || site.block) return [];
  const last = site.argsNode?.lastNamedChild;
  if (!last) return [];
  return [{ title: ttlTitle(env.options.defaultTtlSeconds), isPreferred: true, edits: [insertAfter(last, `, ex: ${env.options.defaultTtlSeconds}`)] }];
}

export const rubyFixes: LanguageFixes = { 'no-keys': scanInstead, 'missing-ttl': addExpiry };
