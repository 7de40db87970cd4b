import type { Edit, Point } from '@vscode/tree-sitter-wasm';
import type { Finding, Position, Range, TextEdit } from '../types';

/** A finding before suppressions, with what a re-lint needs to keep it when an edit leaves its function alone. */
export interface FindingRecord {
  finding: Finding;
  /**
   * [rule, op offset, word offset, index among the ops of one call]: among findings at the same
   * position, a lint lists them rule by rule and, within a rule, in this order.
   */
  order: readonly [number, number, number, number];
}

/** The findings that came from the words inside one outermost function (none, possibly). */
export interface UnitRecords {
  start: number;
  end: number;
  records: FindingRecord[];
}

/** Findings in the order a lint reports them: by position, then as `order` says. */
export function sortRecords(records: FindingRecord[]): FindingRecord[] {
  return records.sort((a, b) => {
    const p = a.finding.range.start;
    const q = b.finding.range.start;
    if (p.line !== q.line) return p.line - q.line;
    if (p.column !== q.column) return p.column - q.column;
    for (let i = 0; i < 4; i++) if (a.order[i] !== b.order[i]) return a.order[i]! - b.order[i]!;
    return 0;
  });
}

/**
 * Drops sentinel-as-server findings about a construction already reported from an earlier word: a
 * lint reports each construction once, from the first word that leads to it, and a re-used
 * function and the re-analysed code may both have found it.
 */
export function dropRepeatedConstructions(records: FindingRecord[]): FindingRecord[] {
  const first = new Map<string, number>();
  const key = (r: FindingRecord) => `${r.finding.range.start.line}:${r.finding.range.start.column}:${r.finding.range.end.line}:${r.finding.range.end.column}`;
  for (const r of records) {
    if (r.finding.rule !== 'sentinel-as-server') continue;
    const k = key(r);
    first.set(k, Math.min(first.get(k) ?? Infinity, r.order[2]));
  }
  return first.size === 0 ? records : records.filter((r) => r.finding.rule !== 'sentinel-as-server' || first.get(key(r)) === r.order[2]);
}

/**
 * `unit` with every offset and position moved through `edit` (one that does not touch the unit);
 * undefined when something in it sits where the edit changed the text.
 */
export function shiftUnit(unit: UnitRecords, edit: Edit): UnitRecords | undefined {
  const shift = new Shift(edit);
  // The edit does not touch the unit: text inserted right at its start goes before it.
  const start = unit.start < edit.startIndex ? unit.start : unit.start >= edit.oldEndIndex ? unit.start + edit.newEndIndex - edit.oldEndIndex : undefined;
  const end = shift.end(unit.end);
  if (start === undefined || end === undefined) return undefined;
  const records: FindingRecord[] = [];
  for (const r of unit.records) {
    const moved = shift.record(r);
    if (!moved) return undefined;
    records.push(moved);
  }
  return { start, end, records };
}

/**
 * Maps offsets and positions of the text before an edit to the text after it. A start at the edit
 * moves with the inserted text, an end at the edit stays; anything inside the replaced text has no
 * image (undefined).
 */
class Shift {
  private readonly delta: number;
  constructor(private readonly edit: Edit) {
    this.delta = edit.newEndIndex - edit.oldEndIndex;
  }

  start(offset: number): number | undefined {
    if (offset < this.edit.startIndex) return offset;
    return offset > this.edit.startIndex && offset >= this.edit.oldEndIndex ? offset + this.delta : undefined;
  }

  end(offset: number): number | undefined {
    if (offset <= this.edit.startIndex) return offset;
    return offset >= this.edit.oldEndIndex ? offset + this.delta : undefined;
  }

  record(r: FindingRecord): FindingRecord | undefined {
    const range = this.range(r.finding.range);
    const offset = this.start(r.order[1]);
    const hit = this.start(r.order[2]);
    if (!range || offset === undefined || hit === undefined) return undefined;
    const fixes: Finding['fixes'] = [];
    for (const fix of r.finding.fixes) {
      const edits: TextEdit[] = [];
      for (const e of fix.edits) {
        const moved = this.range(e.range);
        if (!moved) return undefined;
        edits.push({ range: moved, newText: e.newText });
      }
      fixes.push({ ...fix, edits });
    }
    return { finding: { ...r.finding, range, fixes }, order: [r.order[0], offset, hit, r.order[3]] };
  }

  private range(range: Range): Range | undefined {
    const start = this.position(range.start, false);
    const end = this.position(range.end, true);
    return start && end ? { start, end } : undefined;
  }

  private position(p: Position, isEnd: boolean): Position | undefined {
    const { startPosition: s, oldEndPosition: o, newEndPosition: n } = this.edit;
    const atStart = compare(p, s);
    if (atStart < 0 || (isEnd && atStart === 0)) return p;
    if (atStart === 0 || compare(p, o) < 0) return undefined;
    return p.line === o.row ? { line: n.row, column: n.column + p.column - o.column } : { line: p.line + n.row - o.row, column: p.column };
  }
}

function compare(p: Position, q: Point): number {
  return p.line !== q.row ? p.line - q.row : p.column - q.column;
}
