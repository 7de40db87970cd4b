/** A command as RESP: an array of bulk strings. */
export function encodeCommand(args: readonly (string | Uint8Array)[]): Buffer {
  const parts = args.map((a) => (typeof a === 'string' ? Buffer.from(a, 'utf8') : a));
  let size = 0;
  const headers = parts.map((p) => {
    const header = `$${p.length}\r\n`;
    size += header.length + p.length + 2;
    return header;
  });
  const head = `*${parts.length}\r\n`;
  const out = Buffer.allocUnsafe(head.length + size);
  let offset = out.write(head, 0, 'latin1');
  parts.forEach((p, i) => {
    offset += out.write(headers[i]!, offset, 'latin1');
    out.set(p, offset);
    offset += p.length;
    out[offset++] = 13;
    out[offset++] = 10;
  });
  return out;
}
