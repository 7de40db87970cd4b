import type { Node } from '@vscode/tree-sitter-wasm';
import { lineCommentPrefix } from './parser/languages';
import { positionInside } from './analysis/tree';
import type { LanguageId, RuleId, TextEdit } from './types';

/**
 * Comment directives, in the language's own comment syntax:
 *   valkey-lint-disable-next-line [rule[, rule...]]   the next line
 *   valkey-lint-disable-line [rule...]                the line the comment is on
 *   valkey-lint-disable-file [rule...]                the whole file
 * Without rules a directive covers every rule. `-- reason` after the rules is allowed.
 */
const DIRECTIVE = /valkey-lint-disable-(next-line|line|file)\b[ \t]*([\w-]+(?:[ \t]*,[ \t]*[\w-]+)*)?/g;
const MARK = 'valkey-lint-disable-';

type RuleSet = Set<string> | 'all';

export interface Suppressions {
  file: RuleSet | undefined;
  lines: Map<number, RuleSet>;
}

interface Directive {
  kind: 'next-line' | 'line' | 'file';
  rules: RuleSet;
  comment: Node;
  /** Line of the directive text. */
  line: number;
  /** Offset in the source just after the rule list (where another rule is appended). */
  listEnd: number;
}

function isComment(node: Node): boolean {
  return node.type.includes('comment');
}

function directives(source: string, root: Node): Directive[] {
  const out: Directive[] = [];
  for (let at = source.indexOf(MARK); at >= 0; at = source.indexOf(MARK, at + MARK.length)) {
    const node = root.descendantForIndex(at, at + MARK.length);
    if (!node || !isComment(node)) continue;
    const text = source.slice(node.startIndex, node.endIndex);
    DIRECTIVE.lastIndex = at - node.startIndex;
    const m = DIRECTIVE.exec(text);
    if (!m || m.index !== at - node.startIndex) continue;
    const list = m[2]?.split(/[ \t]*,[ \t]*/).filter((r) => r !== '--');
    const rules: RuleSet = list && list.length ? new Set(list) : 'all';
    out.push({
      kind: m[1] as Directive['kind'],
      rules,
      comment: node,
      line: positionInside(node, text, m.index).line,
      listEnd: node.startIndex + m.index + m[0].length,
    });
  }
  return out;
}

function merge(into: RuleSet | undefined, add: RuleSet): RuleSet {
  if (into === 'all' || add === 'all') return 'all';
  return new Set([...(into ?? []), ...add]);
}

export function collectSuppressions(source: string, root: Node): Suppressions {
  const result: Suppressions = { file: undefined, lines: new Map() };
  if (!source.includes(MARK)) return result;
  for (const d of directives(source, root)) {
    if (d.kind === 'file') result.file = merge(result.file, d.rules);
    else {
      const line = d.kind === 'line' ? d.line : d.comment.endPosition.row + 1;
      result.lines.set(line, merge(result.lines.get(line), d.rules));
    }
  }
  return result;
}

export function isSuppressed(s: Suppressions, rule: RuleId, lines: readonly number[]): boolean {
  const covers = (set: RuleSet | undefined) => set === 'all' || (set !== undefined && set.has(rule));
  return covers(s.file) || lines.some((l) => covers(s.lines.get(l)));
}

/**
 * The edit that adds `rule` to a disable comment: appended to an existing directive of the same
 * scope, else a new comment line above `anchorLine` ('line') or at the top of the file ('file').
 */
export function suppressionEdit(source: string, root: Node, language: LanguageId, rule: RuleId, scope: 'line' | 'file', anchorLine: number): TextEdit {
  const all = source.includes(MARK) ? directives(source, root) : [];
  const existing =
    scope === 'file'
      ? all.find((d) => d.kind === 'file')
      : all.find((d) => d.kind === 'next-line' && d.comment.endPosition.row + 1 === anchorLine);
  if (existing) {
    const at = offsetToPosition(source, existing.listEnd);
    const covered = existing.rules === 'all' || existing.rules.has(rule);
    return { range: { start: at, end: at }, newText: covered ? '' : existing.rules === 'all' ? '' : `, ${rule}` };
  }
  const prefix = lineCommentPrefix(language);
  if (scope === 'file') {
    const line = fileHeaderLines(source, language);
    return { range: { start: { line, column: 0 }, end: { line, column: 0 } }, newText: `${prefix} valkey-lint-disable-file ${rule}\n` };
  }
  const lineText = lineAt(source, anchorLine);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return {
    range: { start: { line: anchorLine, column: 0 }, end: { line: anchorLine, column: 0 } },
    newText: `${indent}${prefix} valkey-lint-disable-next-line ${rule}\n`,
  };
}

/** Lines that must stay first: a shebang, Python's encoding cookie, PHP's opening tag. */
function fileHeaderLines(source: string, language: LanguageId): number {
  let line = 0;
  const first = lineAt(source, 0);
  if (first.startsWith('#!')) line = 1;
  if (language === 'php' && lineAt(source, line).trimStart().startsWith('<?php')) line++;
  if (language === 'python' && /^#.*coding[:=]/.test(lineAt(source, line))) line++;
  return line;
}

function lineAt(source: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? source.length : end).replace(/\r$/, '');
}

function offsetToPosition(source: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart };
}
