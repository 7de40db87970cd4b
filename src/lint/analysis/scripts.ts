import type { Node } from '@vscode/tree-sitter-wasm';
import type { OpDraft } from './adapter';
import type { FileContext } from './context';
import { luaCalls } from './lua';
import type { ClientRef } from './model';

/** Ops of the KEYS / FLUSHALL / FLUSHDB calls inside Lua script literals sent by `client`. */
export function scriptOps(ctx: FileContext, literals: readonly Node[], client: ClientRef): OpDraft[] {
  const out: OpDraft[] = [];
  for (const literal of literals) {
    for (const call of luaCalls(literal, ctx.text(literal), (i) => i.cls === 'keys' || i.cls === 'flush')) {
      out.push({
        command: call.info.command,
        cls: call.info.cls,
        node: literal,
        range: call.range,
        offset: call.offset,
        keys: [],
        ttl: 'unknown',
        via: 'lua',
        client,
      });
    }
  }
  return out;
}
