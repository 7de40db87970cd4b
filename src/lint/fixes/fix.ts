import type { Node } from '@vscode/tree-sitter-wasm';
import type { Op } from '../analysis/model';
import { rangeOf } from '../analysis/tree';
import type { RuleEnv } from '../rules/rule';
import type { Fix, Position, TextEdit } from '../types';

export type FixBuilder = (op: Op, env: RuleEnv) => Fix[];

export interface LanguageFixes {
  'no-keys'?: FixBuilder;
  'missing-ttl'?: FixBuilder;
}

export function replaceNode(node: Node, newText: string): TextEdit {
  return { range: rangeOf(node), newText };
}

export function insertAt(at: Position, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

export function startOf(node: Node): Position {
  return { line: node.startPosition.row, column: node.startPosition.column };
}

export function endOf(node: Node): Position {
  return { line: node.endPosition.row, column: node.endPosition.column };
}

/** Inserts `text` just after `node`. */
export function insertAfter(node: Node, text: string): TextEdit {
  return insertAt(endOf(node), text);
}

export function ttlTitle(seconds: number): string {
  return `Add an expiry of ${seconds} s`;
}
