/** Lines written per chunk before yielding to the event loop, so a huge reply never freezes the terminal. */
export const CHUNK_LINES = 250;
/** Characters per chunk, for replies with few but long lines. */
export const CHUNK_CHARS = 64 * 1024;

export const DEFAULT_MAX_REPLY_LINES = 1000;

export interface Truncated {
  /** The lines to print, each without its line end. */
  readonly lines: readonly string[];
  readonly hiddenLines: number;
  readonly hiddenBytes: number;
}

/** Splits reply text into lines and keeps at most `max` of them. */
export function truncateLines(text: string, max: number): Truncated {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length <= max) return { lines, hiddenLines: 0, hiddenBytes: 0 };
  const hidden = lines.slice(max);
  const hiddenBytes = hidden.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
  return { lines: lines.slice(0, max), hiddenLines: hidden.length, hiddenBytes };
}

/** The note after a cut reply. */
export const truncationNote = (t: Truncated): string => `-- ${count(t.hiddenLines)} more lines not shown (${size(t.hiddenBytes)}); use SCAN/LRANGE/HSCAN with ranges --`;

/** Lines grouped into chunks of at most CHUNK_LINES lines and about CHUNK_CHARS characters. */
export function* chunks(lines: readonly string[]): Generator<readonly string[]> {
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let chars = 0;
    while (end < lines.length && end - start < CHUNK_LINES && (chars === 0 || chars + lines[end]!.length <= CHUNK_CHARS)) chars += lines[end++]!.length;
    yield lines.slice(start, end);
    start = end;
  }
}

export const count = (n: number): string => n.toLocaleString('en-US');

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Lets the terminal and the session's sockets run between chunks. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
