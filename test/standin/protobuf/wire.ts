/** Protocol-buffers wire format reading: just enough to decode what client-go sends. */

export interface WireField {
  readonly field: number;
  /** 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  readonly wireType: number;
  readonly varint?: bigint;
  readonly bytes?: Buffer;
}

function readVarint(buf: Buffer, offset: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  let pos = offset;
  for (let i = 0; i < 10; i += 1) {
    const byte = buf[pos];
    if (byte === undefined) throw new Error('truncated varint');
    pos += 1;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value, next: pos };
    shift += 7n;
  }
  throw new Error('varint too long');
}

export function readFields(buf: Buffer): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const key = readVarint(buf, pos);
    pos = key.next;
    const field = Number(key.value >> 3n);
    const wireType = Number(key.value & 7n);
    switch (wireType) {
      case 0: {
        const v = readVarint(buf, pos);
        pos = v.next;
        fields.push({ field, wireType, varint: v.value });
        break;
      }
      case 1:
        fields.push({ field, wireType, bytes: buf.subarray(pos, pos + 8) });
        pos += 8;
        break;
      case 2: {
        const len = readVarint(buf, pos);
        pos = len.next;
        const end = pos + Number(len.value);
        if (end > buf.length) throw new Error('truncated length-delimited field');
        fields.push({ field, wireType, bytes: buf.subarray(pos, end) });
        pos = end;
        break;
      }
      case 5:
        fields.push({ field, wireType, bytes: buf.subarray(pos, pos + 4) });
        pos += 4;
        break;
      default:
        throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}
