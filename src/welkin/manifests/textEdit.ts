import type { LineCounter } from 'yaml';

export interface Position {
  /** 0-based, like the editor's. */
  readonly line: number;
  readonly character: number;
}

/** A replacement of `length` characters at `offset`, with the same span as editor positions. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
  readonly range: { readonly start: Position; readonly end: Position };
}

export function textEdit(lines: LineCounter, offset: number, length: number, newText: string): TextEdit {
  return { offset, length, newText, range: { start: position(lines, offset), end: position(lines, offset + length) } };
}

export function position(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

/** Applies non-overlapping edits (any order) to a text; for tests and previews. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}
