/**
 * A small terminal emulator for console tests: applies what the console engine writes (text,
 * \r, \n, erase line, cursor left/right, clear screen, colours ignored) to a grid of rows, so a
 * test can assert what a user would see and where the cursor is.
 */
export class Screen {
  rows: string[][] = [[]];
  /** Per cell: written in the dim colour (a hint). */
  dims: boolean[][] = [[]];
  private dim = false;
  row = 0;
  col = 0;
  /** Everything written, for assertions on the raw sequences. */
  raw = '';
  bells = 0;
  /** How many times the console wrote. */
  writes = 0;

  constructor(public columns = 80) {}

  write = (data: string): void => {
    this.raw += data;
    this.writes++;
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (c === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
        this.csi(data.slice(i + 2, j), data[j] ?? '');
        i = j;
      } else if (c === '\r') {
        this.col = 0;
      } else if (c === '\n') {
        this.row++;
        this.line();
      } else if (c === '\x07') {
        this.bells++;
      } else {
        // One code point at a time; wide characters are not needed by these tests.
        const code = data.codePointAt(i)!;
        const ch = String.fromCodePoint(code);
        if (code > 0xffff) i++;
        if (this.col >= this.columns) {
          this.row++;
          this.col = 0;
        }
        const line = this.line();
        const dims = this.dims[this.row]!;
        while (line.length < this.col) line.push(' ');
        dims[this.col] = this.dim;
        line[this.col++] = ch;
      }
    }
  };

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    while (this.dims.length <= this.row) this.dims.push([]);
    return this.rows[this.row]!;
  }

  private csi(params: string, final: string): void {
    const n = Number(params || '1');
    switch (final) {
      case 'K':
        this.line().length = Math.min(this.line().length, this.col);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'C':
        this.col += n;
        break;
      case 'J':
        this.rows = [[]];
        this.dims = [[]];
        this.row = 0;
        this.col = 0;
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
      case 'm':
        if (params === '90' || params === '2') this.dim = true;
        else if (params === '0' || params === '') this.dim = false;
        break;
      default:
    }
  }

  /** The row the cursor is on, as text. */
  get current(): string {
    return (this.rows[this.row] ?? []).join('').trimEnd();
  }

  /** The cursor's row without the dim hint: what has been typed after the prompt. */
  get typed(): string {
    const row = this.rows[this.row] ?? [];
    const dims = this.dims[this.row] ?? [];
    return row.filter((_, i) => !dims[i]).join('').trimEnd();
  }

  /** The dim text on the cursor's row (the hint). */
  get hint(): string {
    const row = this.rows[this.row] ?? [];
    const dims = this.dims[this.row] ?? [];
    return row.filter((_, i) => dims[i]).join('');
  }

  /** The text left of the cursor on its row. */
  get beforeCursor(): string {
    return (this.rows[this.row] ?? []).slice(0, this.col).join('');
  }

  /** Every row, trailing blanks removed. */
  get lines(): string[] {
    return this.rows.map((r) => r.join('').trimEnd());
  }

  get text(): string {
    return this.lines.join('\n');
  }

  /** Rows written since `mark` (a previous `rows.length`). */
  since(mark: number): string[] {
    return this.lines.slice(mark);
  }
}
