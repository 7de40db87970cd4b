import type { Edit, Tree } from '@vscode/tree-sitter-wasm';
import type { Adapter } from '../analysis/adapter';
import type { FileContext } from '../analysis/context';
import { changeReach } from './change';
import { shiftUnit, type UnitRecords } from './records';

/** What a document's last analysis leaves for the next one: findings per outermost function. */
export interface AnalysisCache {
  /** The lint options the findings were made with (severities and fix texts depend on them). */
  options: string;
  /** Sorted by start, not overlapping. */
  units: UnitRecords[];
}

/** The previous analysis of a document and how its text changed since. */
export interface Previous {
  cache: AnalysisCache;
  source: string;
  /** undefined when the text did not change. */
  edit: Edit | undefined;
  /** The previous tree as it was, and as edited for the re-parse. */
  before: Tree;
  edited: Tree;
}

export interface ReusePlan {
  /** The functions whose findings stay, moved to the new text. */
  units: UnitRecords[];
  /** Whether the word at an offset must be analysed: it is in no kept function. */
  include: (offset: number) => boolean;
}

/** Which findings of the previous analysis the analysis of `ctx` (the edited text) keeps; undefined: none. */
export function planReuse(previous: Previous, options: string, tree: Tree, ctx: FileContext, adapter: Adapter): ReusePlan | undefined {
  if (previous.cache.options !== options) return undefined;
  const { edit } = previous;
  if (!edit) return plan(previous.cache.units);
  const reach = changeReach(edit, previous.before, previous.edited, tree, previous.source, ctx, adapter);
  if (!reach) return undefined;
  const units: UnitRecords[] = [];
  for (const u of previous.cache.units) {
    if (u.start < edit.oldEndIndex && u.end > edit.startIndex) {
      if (reach.unit) continue;
      return undefined;
    }
    const moved = shiftUnit(u, edit);
    if (!moved) return undefined;
    if (reach.unit && moved.start < reach.unit.endIndex && moved.end > reach.unit.startIndex) continue;
    units.push(moved);
  }
  return plan(units);
}

function plan(units: UnitRecords[]): ReusePlan {
  return {
    units,
    include: (offset: number): boolean => {
      let lo = 0;
      let hi = units.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const u = units[mid]!;
        if (offset < u.start) hi = mid - 1;
        else if (offset >= u.end) lo = mid + 1;
        else return false;
      }
      return true;
    },
  };
}
