import type { Node } from '@vscode/tree-sitter-wasm';
import type { Op } from '../analysis/model';
import { namedKids } from '../analysis/tree';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, ttlTitle, type LanguageFixes } from './fix';

/** The simple name when the file imports `pkg.name` (or `pkg.*`), else the qualified name. */
function typeRef(env: RuleEnv, pkg: string, name: string): string {
  return env.ctx.memo('fix.java.type', `${pkg}.${name}`, () => findTypeRef(env, pkg, name), `${pkg}.${name}`);
}

function findTypeRef(env: RuleEnv, pkg: string, name: string): string {
  for (const imp of namedKids(env.ctx.root)) {
    if (imp.type !== 'import_declaration') continue;
    const path = namedKids(imp).find((k: Node) => k.type === 'scoped_identifier');
    if (!path) continue;
    const full = env.ctx.text(path);
    const wildcard = namedKids(imp).some((k: Node) => k.type === 'asterisk');
    if ((wildcard && full === pkg) || (!wildcard && full === `${pkg}.${name}`)) return name;
  }
  return `${pkg}.${name}`;
}

/**
 * missing-ttl on a two-argument SET: Jedis gets `SetParams.setParams().ex(ttl)`, Lettuce
 * `SetArgs.Builder.ex(ttl)`, Spring `ValueOperations.set/setIfAbsent` a `Duration`.
 */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  const ttl = env.options.defaultTtlSeconds;
  if (op.via !== 'method' || site.args.length !== 2) return [];
  const value = site.args[1]!.node;
  let text: string | undefined;
  if (op.client.lib === 'jedis' && site.name === 'set') text = `${typeRef(env, 'redis.clients.jedis.params', 'SetParams')}.setParams().ex(${ttl})`;
  else if (op.client.lib === 'lettuce' && site.name === 'set') text = `${typeRef(env, 'io.lettuce.core', 'SetArgs')}.Builder.ex(${ttl})`;
  else if (op.client.lib === 'spring' && op.client.role === 'value-ops' && (site.name === 'set' || site.name === 'setIfAbsent')) {
    text = `${typeRef(env, 'java.time', 'Duration')}.ofSeconds(${ttl})`;
  }
  return text ? [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAfter(value, `, ${text}`)] }] : [];
}

export const javaFixes: LanguageFixes = { 'missing-ttl': addExpiry };
