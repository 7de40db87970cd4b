import type { Op } from '../analysis/model';
import { namedKids } from '../analysis/tree';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, ttlTitle, type LanguageFixes } from './fix';

/**
 * missing-ttl on SET: phpredis takes an options array (`['ex' => 3600]`, added to an existing one),
 * Predis positional tokens (`'EX', 3600`).
 */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  const ttl = env.options.defaultTtlSeconds;
  if (op.command !== 'SET' || op.via !== 'method' || site.args.some((a) => a.spread || a.name)) return [];
  const value = site.args[1]?.node;
  if (!value) return [];
  const quote = env.ctx.text(site.args[0]!.node).startsWith('"') ? '"' : "'";
  if (op.client.lib === 'phpredis') {
    const options = site.args[2]?.node;
    if (!options) return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(value, `, [${quote}ex${quote} => ${ttl}]`)] }];
    if (options.type !== 'array_creation_expression' || site.args.length > 3) return [];
    const last = namedKids(options).pop();
    return last ? [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(last, `, ${quote}ex${quote} => ${ttl}`)] }] : [];
  }
  if (op.client.lib === 'predis' && site.args.length === 2) {
    return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(value, `, ${quote}EX${quote}, ${ttl}`)] }];
  }
  return [];
}

export const phpFixes: LanguageFixes = { 'missing-ttl': addExpiry };
