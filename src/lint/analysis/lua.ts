import type { Node } from '@vscode/tree-sitter-wasm';
import type { Position, Range } from '../types';
import { commandFromToken, type CommandInfo } from './commands';
import { positionInside } from './tree';

/**
 * `redis.call('KEYS', ...)` / `server.pcall("FLUSHALL")` inside a Lua script. The script is the
 * content of a string literal of the host language; quotes may be escaped in it (`\'KEYS\'`).
 */
const LUA_CALL = /\b(?:redis|server)\s*\.\s*p?call\s*\(\s*\\?(['"])([A-Za-z]+)\\?\1/g;

export interface LuaCall {
  info: CommandInfo;
  range: Range;
  offset: number;
}

/** Commands of interest called from the Lua script in `literal` (the whole literal node). */
export function luaCalls(literal: Node, literalText: string, wanted: (info: CommandInfo) => boolean): LuaCall[] {
  const out: LuaCall[] = [];
  LUA_CALL.lastIndex = 0;
  for (let m = LUA_CALL.exec(literalText); m; m = LUA_CALL.exec(literalText)) {
    const info = commandFromToken(m[2]!);
    if (!info || !wanted(info)) continue;
    const end = closingParen(literalText, m.index + m[0].length);
    const start: Position = positionInside(literal, literalText, m.index);
    out.push({ info, range: { start, end: positionInside(literal, literalText, end) }, offset: literal.startIndex + m.index });
  }
  return out;
}

/** Offset just past the `)` closing a Lua call, or past the command token if it cannot be found on the line. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length && i < from + 400; i++) {
    const ch = text[i];
    if (ch === '\n') break;
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return from;
}
