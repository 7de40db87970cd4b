import type { Node } from '@vscode/tree-sitter-wasm';
import type { Position, Range } from '../types';

/** Longest ancestor chain the engine walks: deeper nodes are treated as top level (pathological input). */
export const MAX_DEPTH = 600;

export function rangeOf(node: Node): Range {
  const s = node.startPosition;
  const e = node.endPosition;
  return { start: { line: s.row, column: s.column }, end: { line: e.row, column: e.column } };
}

export function rangeBetween(start: Node, end: Node): Range {
  const s = start.startPosition;
  const e = end.endPosition;
  return { start: { line: s.row, column: s.column }, end: { line: e.row, column: e.column } };
}

/** Position of `offset` (UTF-16 units) inside `node`, counted from the node's start. */
export function positionInside(node: Node, nodeText: string, offset: number): Position {
  const before = nodeText.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  const s = node.startPosition;
  if (nl < 0) return { line: s.row, column: s.column + offset };
  let lines = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) lines++;
  return { line: s.row + lines, column: offset - nl - 1 };
}

/** Named children, skipping comments. */
export function namedKids(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of node.namedChildren) if (c && !c.type.includes('comment')) out.push(c);
  return out;
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

/** A global pattern for `name` as a whole word, to find its tokens with `FileContext.spelled` (which confirms them on the tree). */
export function wordOf(name: string, flags = 'g'): RegExp {
  return new RegExp(`(?<![\\w$@])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, flags);
}
