/** One key press (or typed character) read from what a terminal sends. */
export type Key =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type:
        | 'enter'
        | 'tab'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'wordLeft'
        | 'wordRight'
        | 'up'
        | 'down'
        | 'home'
        | 'end'
        | 'escape'
        | 'ctrlC'
        | 'ctrlD'
        | 'ctrlK'
        | 'ctrlL'
        | 'ctrlU'
        | 'ctrlW';
    };

type Named = Exclude<Key, { type: 'text' }>['type'];

const CONTROL: Readonly<Record<string, Named>> = {
  '\x01': 'home',
  '\x02': 'left',
  '\x03': 'ctrlC',
  '\x04': 'ctrlD',
  '\x05': 'end',
  '\x06': 'right',
  '\x08': 'backspace',
  '\x09': 'tab',
  '\x0b': 'ctrlK',
  '\x0c': 'ctrlL',
  '\x0e': 'down',
  '\x10': 'up',
  '\x15': 'ctrlU',
  '\x17': 'ctrlW',
  '\x7f': 'backspace',
};

/** The escape sequences terminals send for the editing keys (xterm, VT220, rxvt, application mode). */
const SEQUENCES: Readonly<Record<string, Named>> = {
  '[A': 'up',
  '[B': 'down',
  '[C': 'right',
  '[D': 'left',
  OA: 'up',
  OB: 'down',
  OC: 'right',
  OD: 'left',
  '[H': 'home',
  OH: 'home',
  '[1~': 'home',
  '[7~': 'home',
  '[F': 'end',
  OF: 'end',
  '[4~': 'end',
  '[8~': 'end',
  '[3~': 'delete',
  '[1;5D': 'wordLeft',
  '[1;5C': 'wordRight',
  '[1;3D': 'wordLeft',
  '[1;3C': 'wordRight',
  b: 'wordLeft',
  f: 'wordRight',
};

/**
 * Splits terminal input into keys. A paste arrives as one string: consecutive printable
 * characters become one `text` key; `\r`, `\n` and `\r\n` are each one Enter. Unknown escape
 * sequences (function keys, bracketed-paste markers) are dropped rather than typed.
 */
export function readKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === '\x1b') {
      flush();
      const length = sequenceLength(data, i + 1);
      if (length === 0) {
        keys.push({ type: 'escape' });
        continue;
      }
      const body = data.slice(i + 1, i + 1 + length);
      const named = SEQUENCES[body];
      if (named) keys.push({ type: named });
      i += length;
    } else if (c === '\r' || c === '\n') {
      flush();
      keys.push({ type: 'enter' });
      if (c === '\r' && data[i + 1] === '\n') i++;
    } else if (CONTROL[c]) {
      flush();
      keys.push({ type: CONTROL[c] });
    } else if (c < ' ' || (c >= '\x80' && c <= '\x9f')) {
      // Other control characters would corrupt the line on screen.
    } else {
      text += c;
    }
  }
  flush();
  return keys;
}

/** How many characters after an ESC belong to its sequence: CSI (`[` … final byte), SS3 (`O` x), or Alt+key. */
function sequenceLength(data: string, start: number): number {
  const first = data[start];
  if (first === undefined || first === '\x1b') return 0;
  if (first === '[') {
    for (let j = start + 1; j < data.length; j++) {
      const code = data.charCodeAt(j);
      if (code >= 0x40 && code <= 0x7e) return j - start + 1;
      if (code < 0x20) return j - start;
    }
    return data.length - start;
  }
  if (first === 'O') return start + 1 < data.length ? 2 : 1;
  return 1;
}
