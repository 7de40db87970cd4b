import { usingDirectives } from '../analysis/csharp';
import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, ttlTitle, type LanguageFixes } from './fix';

/** StackExchange.Redis `StringSet(key, value)` -> `StringSet(key, value, TimeSpan.FromSeconds(<ttl>))`. */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.command !== 'SET' || op.client.lib !== 'stackexchange' || site.args.length !== 2 || site.args.some((a) => a.name)) return [];
  const usesSystem = env.ctx.memo('fix.cs.system', 0, () => usingDirectives(env.ctx).some((u) => env.ctx.text(u).replace(/\s+/g, ' ').trim() === 'using System;'), false);
  const timeSpan = usesSystem ? 'TimeSpan' : 'System.TimeSpan';
  const ttl = env.options.defaultTtlSeconds;
  return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(site.args[1]!.node, `, ${timeSpan}.FromSeconds(${ttl})`)] }];
}

export const csharpFixes: LanguageFixes = { 'missing-ttl': addExpiry };
