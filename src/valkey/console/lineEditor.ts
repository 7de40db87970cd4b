import { dim, ERASE_LINE } from './ansi';

/**
 * The line being typed: characters (code points, so a multi-byte character is one step for the
 * arrows and Backspace) and the cursor position, with readline's editing operations.
 */
export class LineEditor {
  private chars: string[] = [];
  private cursorAt = 0;

  get text(): string {
    return this.chars.join('');
  }

  get cursor(): number {
    return this.cursorAt;
  }

  get length(): number {
    return this.chars.length;
  }

  /** The text left of the cursor. */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cursorAt).join('');
  }

  set(text: string, cursor?: number): void {
    this.chars = Array.from(text);
    this.cursorAt = Math.max(0, Math.min(cursor ?? this.chars.length, this.chars.length));
  }

  insert(text: string): void {
    const added = Array.from(text);
    this.chars.splice(this.cursorAt, 0, ...added);
    this.cursorAt += added.length;
  }

  backspace(): boolean {
    if (this.cursorAt === 0) return false;
    this.chars.splice(--this.cursorAt, 1);
    return true;
  }

  deleteForward(): boolean {
    if (this.cursorAt >= this.chars.length) return false;
    this.chars.splice(this.cursorAt, 1);
    return true;
  }

  left(): boolean {
    if (this.cursorAt === 0) return false;
    this.cursorAt--;
    return true;
  }

  right(): boolean {
    if (this.cursorAt >= this.chars.length) return false;
    this.cursorAt++;
    return true;
  }

  home(): void {
    this.cursorAt = 0;
  }

  end(): void {
    this.cursorAt = this.chars.length;
  }

  wordLeft(): void {
    let i = this.cursorAt;
    while (i > 0 && this.chars[i - 1] === ' ') i--;
    while (i > 0 && this.chars[i - 1] !== ' ') i--;
    this.cursorAt = i;
  }

  wordRight(): void {
    let i = this.cursorAt;
    while (i < this.chars.length && this.chars[i] === ' ') i++;
    while (i < this.chars.length && this.chars[i] !== ' ') i++;
    this.cursorAt = i;
  }

  /** Ctrl-U: deletes from the start of the line to the cursor. */
  killToStart(): void {
    this.chars.splice(0, this.cursorAt);
    this.cursorAt = 0;
  }

  /** Ctrl-K: deletes from the cursor to the end of the line. */
  killToEnd(): void {
    this.chars.length = this.cursorAt;
  }

  /** Ctrl-W: deletes the word before the cursor (and the blanks after it), like readline's unix-word-rubout. */
  killWordBefore(): void {
    const end = this.cursorAt;
    let i = end;
    while (i > 0 && this.chars[i - 1] === ' ') i--;
    while (i > 0 && this.chars[i - 1] !== ' ') i--;
    this.chars.splice(i, end - i);
    this.cursorAt = i;
  }
}

export interface RenderOptions {
  readonly prompt: string;
  /** The prompt as it looks on screen (without its colour codes): for measuring. */
  readonly promptWidth: number;
  readonly text: string;
  readonly cursor: number;
  /** Dim text after the line; cut with "…" to the room left (a redis-cli-like hint of the next arguments). */
  readonly hint: string;
  readonly columns: number;
}

/**
 * Draws the prompt line from its start: carriage return, the prompt, the text, the hint, erase
 * to the end of the screen line, then the cursor moved back into place. A line wider than the
 * terminal scrolls sideways around the cursor (linenoise's single-line mode), so the prompt line
 * never wraps and a redraw never has to know how many rows it used.
 */
export function renderLine(options: RenderOptions): string {
  const chars = Array.from(options.text);
  const available = Math.max(options.columns - options.promptWidth - 1, 8);
  let start = 0;
  let end = chars.length;
  if (widthOf(chars, 0, chars.length) > available) {
    // Keep the cursor visible: take characters to its left until the window is full, then to its right.
    let used = 0;
    start = options.cursor;
    while (start > 0 && used + charWidth(chars[start - 1]!) <= available - 1) used += charWidth(chars[--start]!);
    end = options.cursor;
    while (end < chars.length && used + charWidth(chars[end]!) <= available) used += charWidth(chars[end++]!);
    while (start > 0 && used + charWidth(chars[start - 1]!) <= available) used += charWidth(chars[--start]!);
  }
  const shown = chars.slice(start, end).join('');
  const room = available - widthOf(chars, start, end);
  const fitted = end === chars.length ? fitHint(options.hint, room) : '';
  const hint = fitted ? dim(fitted) : '';
  const back = widthOf(chars, options.cursor, end) + displayWidth(fitted);
  return `\r${options.prompt}${shown}${hint}${ERASE_LINE}${back > 0 ? `\x1b[${back}D` : ''}`;
}

/** The hint as it fits in `room` columns: whole, or cut with "…" (nothing when even a word would not fit). */
function fitHint(hint: string, room: number): string {
  if (!hint || displayWidth(hint) <= room) return hint;
  if (room < 6) return '';
  const chars = Array.from(hint);
  let width = 0;
  let end = 0;
  while (end < chars.length && width + charWidth(chars[end]!) <= room - 1) width += charWidth(chars[end++]!);
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

function widthOf(chars: readonly string[], from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) width += charWidth(chars[i]!);
  return width;
}

/** Columns a string takes in a terminal (wide East Asian characters and emoji take two, combining marks none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c);
  return width;
}

function charWidth(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20) return 0;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}
