import type { Node } from '@vscode/tree-sitter-wasm';
import { importSpecs } from '../analysis/go';
import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAt, replaceNode, ttlTitle, type LanguageFixes } from './fix';

/** The name the file imports the standard "time" package under, if it does. */
function timePackage(env: RuleEnv): string | undefined {
  return env.ctx.memo('fix.go.time', 0, () => findTimePackage(env), undefined);
}

function findTimePackage(env: RuleEnv): string | undefined {
  for (const spec of importSpecs(env.ctx)) {
    const path = spec.childForFieldName('path');
    if (!path || env.ctx.text(path) !== '"time"') continue;
    const alias = spec.childForFieldName('name');
    return alias ? env.ctx.text(alias) : 'time';
  }
  return undefined;
}

/**
 * go-redis `Set(ctx, k, v, 0)` / `SetNX(ctx, k, v, 0)`: the expiration 0 becomes `<ttl>*time.Second`
 * (when the file imports "time"); valkey-go builders get `.ExSeconds(<ttl>)` before `.Build()`.
 */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  const ttl = env.options.defaultTtlSeconds;
  if (op.client.lib === 'go-redis' && op.via === 'method' && ['set', 'setnx'].includes(site.name.toLowerCase())) {
    const exp = site.args[3]?.node;
    const time = timePackage(env);
    if (!exp || !time || env.ctx.text(exp) !== '0') return [];
    return [{ title: ttlTitle(ttl), isPreferred: true, edits: [replaceNode(exp, `${ttl}*${time}.Second`)] }];
  }
  if (op.client.lib === 'valkey-go' && op.command === 'SET' && site.name === 'Set') {
    const build = buildStep(site.call, env);
    if (!build) return [];
    return [{ title: ttlTitle(ttl), isPreferred: true, edits: [insertAt({ line: build.startPosition.row, column: build.startPosition.column }, `.ExSeconds(${ttl})`)] }];
  }
  return [];
}

/** The `.Build` selector's dot position in a builder chain, i.e. where the last step ends. */
function buildStep(start: Node, env: RuleEnv): Node | undefined {
  for (let n: Node | null = start; n; ) {
    const sel: Node | null = env.ctx.parentOf(n);
    if (sel?.type !== 'selector_expression') return undefined;
    const field = sel.childForFieldName('field')!;
    if (env.ctx.text(field) === 'Build') return sel.child(1) ?? undefined;
    n = env.ctx.parentOf(sel)?.type === 'call_expression' ? env.ctx.parentOf(sel) : null;
  }
  return undefined;
}

export const goFixes: LanguageFixes = { 'missing-ttl': addExpiry };
