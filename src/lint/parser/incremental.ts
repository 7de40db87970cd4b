import type { Edit, Point, Tree } from '@vscode/tree-sitter-wasm';
import type { AnalysisCache } from '../document/reuse';
import type { LanguageId } from '../types';

/** An open document: its last text and syntax tree, and what its last analysis found, per function. */
export interface DocumentState {
  tree: Tree;
  source: string;
  language: LanguageId;
  analysis?: AnalysisCache;
}

/**
 * The single edit that turns `before` into `after` (common prefix and suffix kept), in tree-sitter's
 * terms; undefined when the texts are equal. Offsets and columns are UTF-16 code units, as
 * web-tree-sitter counts them.
 */
export function textEditFor(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const startPosition = pointAt(before, prefix);
  return {
    startIndex: prefix,
    oldEndIndex: before.length - suffix,
    newEndIndex: after.length - suffix,
    startPosition,
    oldEndPosition: pointFrom(before, prefix, startPosition, before.length - suffix),
    newEndPosition: pointFrom(after, prefix, startPosition, after.length - suffix),
  };
}

function pointAt(text: string, index: number): Point {
  return pointFrom(text, 0, { row: 0, column: 0 }, index);
}

function pointFrom(text: string, from: number, at: Point, index: number): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}
