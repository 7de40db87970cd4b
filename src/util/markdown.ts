/**
 * Cluster data is text, never markup. Every Markdown sink (tooltips, the TTL audit report, error
 * rows) builds its Markdown with the `md` tagged template: each interpolated value is escaped as
 * text unless it is a fragment made here (`code`, `cellCode`, `mdRaw` for the extension's own
 * Markdown). Escaping covers what markdown-it (the Markdown preview) and marked (hovers) read:
 *
 * - every ASCII punctuation character is backslash-escaped, so no emphasis, link, image, raw HTML,
 *   entity, autolink, table pipe or (in a preview with linkify) bare URL can start in the data;
 * - line breaks become hard breaks in text and the two characters `\n` in code spans and cells;
 * - control, bidi and zero-width characters are shown as `\u202e`: they cannot reorder or hide text;
 * - a code span is fenced with a backtick run longer than any inside, padded when the text starts or
 *   ends with a backtick or a space (backslashes do nothing inside a code span).
 */

/** A piece of Markdown that is inserted as is. */
export class MarkdownFragment {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

// C0 and C1 controls, DEL, soft hyphen, Arabic letter mark, zero-width and bidi marks, embeddings,
// overrides and isolates, line/paragraph separators, word joiner and invisible operators, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_TEST = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/;

const hex = (c: string): string => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** Whether a string holds characters that are invisible, reorder text or control a terminal. */
export const hasInvisible = (s: string): boolean => INVISIBLE_TEST.test(s);

/** Shows invisible and control characters (except tab, CR and LF) as `\uXXXX`. */
export const visible = (s: string): string => s.replace(INVISIBLE, hex);

/** One line: also CR, LF and tab shown as `\r`, `\n`, `\t`. */
export const visibleLine = (s: string): string => visible(s).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Text for a Markdown paragraph: every punctuation character escaped; line breaks kept as hard breaks. */
export function escapeText(s: string): string {
  return visible(s)
    .replace(/\t/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(PUNCTUATION, '\\$&')
    .split('\n')
    .map((line) => line.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length)))
    .join('\\\n');
}

/** Text for one table cell (or a heading, or a list item's line): one line, `|` escaped. */
export function escapeCell(s: string): string {
  return visibleLine(s).replace(PUNCTUATION, '\\$&');
}

function fence(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A code span holding the text exactly (on one line, invisible characters shown). */
export const code = (s: string): MarkdownFragment => new MarkdownFragment(s === '' ? '` `' : fence(visibleLine(s)));

/** A code span inside a table cell: `|` is escaped, as tables split cells before code spans are read. */
export const cellCode = (s: string): MarkdownFragment => new MarkdownFragment(s === '' ? '` `' : fence(visibleLine(s)).replace(/\|/g, '\\|'));

/** Text for a table cell, as a fragment. */
export const cell = (s: string): MarkdownFragment => new MarkdownFragment(escapeCell(s));

/** The extension's own Markdown (never cluster data). */
export const mdRaw = (markdown: string): MarkdownFragment => new MarkdownFragment(markdown);

export type MarkdownValue = string | number | MarkdownFragment | undefined;

/** Markdown with every interpolated string or number escaped as text (`escapeText`), fragments inserted as they are. */
export function md(strings: TemplateStringsArray, ...values: readonly MarkdownValue[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += v instanceof MarkdownFragment ? v.markdown : escapeText(v === undefined ? '' : String(v));
    out += strings[i + 1] ?? '';
  });
  return out;
}

/**
 * Text for a notification: VS Code turns `[label](https://…)` and `[label](command:…)` in a
 * notification's message into links, so data others control (key names, server errors) is broken
 * out of that form (`] (`) and its invisible characters shown. The rest reads as it was.
 */
export const noticeText = (s: string): string => visibleLine(s).replace(/\]\(/g, '] (');
