/**
 * Pretty-prints a JSON document without parsing its values: `JSON.parse` would turn
 * 12345678901234567890 into 12345678901234567000, and a viewer must show what is stored. Returns
 * undefined unless the text is one JSON object or array.
 */
export function prettyJson(text: string, indent = '  '): string | undefined {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = (): string => `\n${indent.repeat(depth)}`;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += trimmed[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[': {
        const close = c === '{' ? '}' : ']';
        let j = i + 1;
        while (/\s/.test(trimmed[j] ?? '')) j++;
        if (trimmed[j] === close) {
          out += c + close;
          i = j;
        } else {
          depth++;
          out += c + newline();
        }
        break;
      }
      case '}':
      case ']':
        depth--;
        out += newline() + c;
        break;
      case ',':
        out += ',' + newline();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}
