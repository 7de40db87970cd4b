import type { Reply } from '../resp/reply';

/**
 * A reply as a server would send it, so that the local endpoint can pass Sentinel's replies on
 * after changing addresses in them. `protocol` only decides how a null is written (RESP2 `$-1`,
 * RESP3 `_`): every other type is written as it was read, which matches what the server sent.
 */
export function encodeReply(reply: Reply, protocol: 2 | 3 = 2): Buffer {
  const out: Buffer[] = [];
  write(reply, protocol, out);
  return Buffer.concat(out);
}

function write(reply: Reply, protocol: 2 | 3, out: Buffer[]): void {
  switch (reply.type) {
    case 'simple':
      return line('+', reply.value, out);
    case 'error':
      return line('-', reply.value, out);
    case 'integer':
      return void out.push(Buffer.from(`:${reply.value}\r\n`, 'latin1'));
    case 'bulk':
      return blob('$', reply.value, out);
    case 'verbatim':
      return blob('=', Buffer.concat([Buffer.from(`${reply.format.padEnd(3).slice(0, 3)}:`, 'latin1'), reply.value]), out);
    case 'null':
      return void out.push(Buffer.from(protocol === 3 ? '_\r\n' : '$-1\r\n', 'latin1'));
    case 'double':
      return void out.push(Buffer.from(`,${reply.value}\r\n`, 'latin1'));
    case 'boolean':
      return void out.push(Buffer.from(reply.value ? '#t\r\n' : '#f\r\n', 'latin1'));
    case 'bignum':
      return void out.push(Buffer.from(`(${reply.value}\r\n`, 'latin1'));
    case 'array':
    case 'set':
    case 'push': {
      const prefix = reply.type === 'array' ? '*' : reply.type === 'set' ? '~' : '>';
      out.push(Buffer.from(`${prefix}${reply.items.length}\r\n`, 'latin1'));
      for (const item of reply.items) write(item, protocol, out);
      return;
    }
    case 'map':
      out.push(Buffer.from(`%${reply.entries.length}\r\n`, 'latin1'));
      for (const [key, value] of reply.entries) {
        write(key, protocol, out);
        write(value, protocol, out);
      }
      return;
  }
}

function line(prefix: string, value: Buffer, out: Buffer[]): void {
  // A simple string or error cannot hold CR or LF; Sentinel never sends one, but never write a broken frame.
  const clean = value.includes(13) || value.includes(10) ? Buffer.from(value.toString('latin1').replace(/[\r\n]+/g, ' '), 'latin1') : value;
  out.push(Buffer.from(prefix, 'latin1'), clean, Buffer.from('\r\n', 'latin1'));
}

function blob(prefix: string, value: Buffer, out: Buffer[]): void {
  out.push(Buffer.from(`${prefix}${value.length}\r\n`, 'latin1'), value, Buffer.from('\r\n', 'latin1'));
}

/** An error reply as Sentinel writes its own: `-ERR …`. */
export const errorReply = (message: string): Reply => ({ type: 'error', value: Buffer.from(message, 'utf8') });
