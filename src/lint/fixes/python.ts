import type { Node } from '@vscode/tree-sitter-wasm';
import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix } from '../types';
import { insertAfter, replaceNode, ttlTitle, type LanguageFixes } from './fix';

/**
 * redis-py `r.keys(p)` -> `list(r.scan_iter(match=p))`; with the asyncio client
 * `await r.keys(p)` -> `[k async for k in r.scan_iter(match=p)]`.
 */
function scanInstead(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.via !== 'method' || op.client.lib !== 'redis-py' || !site.receiver) return [];
  if (site.args.length > 1 || site.args.some((a) => a.spread || (a.name && a.name !== 'pattern'))) return [];
  const receiver = env.ctx.text(site.receiver);
  const pattern = site.args[0] ? `match=${env.ctx.text(site.args[0].node)}` : '';
  const scan = `${receiver}.scan_iter(${pattern})`;
  const parent = env.ctx.parentOf(site.call);
  if (parent?.type === 'await') {
    if (!op.client.async) return [];
    return [{ title: 'Iterate with SCAN (scan_iter) instead of KEYS', isPreferred: true, edits: [replaceNode(parent, `[k async for k in ${scan}]`)] }];
  }
  if (op.client.async) return [];
  return [{ title: 'Iterate with SCAN (scan_iter) instead of KEYS', isPreferred: true, edits: [replaceNode(site.call, `list(${scan})`)] }];
}

/** `r.set(k, v)` / `r.set(k, v, nx=True)` -> `..., ex=<ttl>)`. */
function addExpiry(op: Op, env: RuleEnv): Fix[] {
  const site = op.site!;
  if (op.command !== 'SET' || op.via !== 'method' || op.client.lib === 'glide' || site.args.some((a) => a.spread)) return [];
  const positional = site.args.filter((a) => !a.name);
  if (positional.length !== 2 || site.args.some((a) => a.name && ['ex', 'px', 'exat', 'pxat', 'keepttl'].includes(a.name))) return [];
  const last: Node = lastArgument(site.argsNode!) ?? positional[1]!.node;
  return [{ title: ttlTitle(env.options.defaultTtlSeconds), isPreferred: true, edits: [insertAfter(last, `, ex=${env.options.defaultTtlSeconds}`)] }];
}

function lastArgument(argsNode: Node): Node | undefined {
  for (let i = argsNode.namedChildCount - 1; i >= 0; i--) {
    const c = argsNode.namedChild(i);
    if (c && c.type !== 'comment') return c;
  }
  return undefined;
}

export const pythonFixes: LanguageFixes = { 'no-keys': scanInstead, 'missing-ttl': addExpiry };
