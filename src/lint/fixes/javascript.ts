import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, insertAt, startOf, ttlTitle, type LanguageFixes } from './fix';

/**
 * missing-ttl on `SET key value`: ioredis/iovalkey take positional tokens (`'EX', 3600`), node-redis
 * an options object (`{ EX: 3600 }`). Other writes have no single-call equivalent with an expiry.
 */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.command !== 'SET' || op.via !== 'method' || site.args.length < 2 || site.args.some((a) => a.spread)) return [];
  const ttl = env.options.defaultTtlSeconds;
  const value = site.args[1]!.node;
  if (op.client.lib === 'ioredis') {
    const quote = quoteStyle(env, op);
    return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(value, `, ${quote}EX${quote}, ${ttl}`)] }];
  }
  if (op.client.lib === 'node-redis') {
    const options = site.args[2]?.node;
    if (!options) return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(value, `, { EX: ${ttl} }`)] }];
    if (options.type !== 'object' || site.args.length > 3) return [];
    const last = options.lastNamedChild;
    const close = options.lastChild!;
    if (!last || last.type === 'comment') return [{ title: ttlTitle(ttl), isPreferred: true, edits: [{ range: { start: startOf(options), end: { line: close.endPosition.row, column: close.endPosition.column } }, newText: `{ EX: ${ttl} }` }] }];
    return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAt({ line: last.endPosition.row, column: last.endPosition.column }, `, EX: ${ttl}`)] }];
  }
  return [];
}

function quoteStyle(env: RuleEnv, op: Op): string {
  for (const a of op.site!.args) {
    if (a.node.type === 'string') return env.ctx.text(a.node)[0] === '"' ? '"' : "'";
  }
  return "'";
}

export const javascriptFixes: LanguageFixes = { 'missing-ttl': addExpiry };
