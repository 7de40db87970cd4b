import type { Reply } from './reply';
import { terminalSafe } from '../console/ansi';

/**
 * A reply as redis-cli prints it to a terminal (its `cliFormatReplyTTY`), for the command that
 * produced it: INFO, CLIENT LIST and the other report commands print raw, like redis-cli does.
 * Where redis-cli 7.0 cannot print a RESP3 type (big numbers make it exit), this prints
 * `(big number) <digits>`.
 */
export function formatReplyFor(args: readonly (string | Uint8Array)[], reply: Reply): string {
  return printsRaw(args.map((a) => (typeof a === 'string' ? a : Buffer.from(a).toString('utf8')))) ? formatRaw(reply) : formatReply(reply);
}

/** redis-cli's human-readable format: `(integer) 1`, `"quoted"`, `1) ...` with nested indentation. */
export function formatReply(reply: Reply, prefix = ''): string {
  switch (reply.type) {
    case 'error':
      return `(error) ${text(reply.value)}\n`;
    case 'simple':
      return `${text(reply.value)}\n`;
    case 'integer':
      return `(integer) ${reply.value}\n`;
    case 'double':
      return `(double) ${reply.value}\n`;
    case 'bignum':
      return `(big number) ${reply.value}\n`;
    case 'bulk':
      return `${quote(reply.value)}\n`;
    case 'verbatim':
      return `${text(reply.value)}\n`;
    case 'null':
      return '(nil)\n';
    case 'boolean':
      return reply.value ? '(true)\n' : '(false)\n';
    case 'array':
    case 'set':
    case 'push':
      return reply.items.length === 0 ? `(empty ${reply.type === 'array' ? 'array' : reply.type})\n` : formatItems(reply.items, reply.type === 'set' ? '~' : ')', prefix);
    case 'map':
      return reply.entries.length === 0 ? '(empty hash)\n' : formatMap(reply.entries, prefix);
  }
}

function formatItems(items: readonly Reply[], separator: string, prefix: string): string {
  const width = String(items.length).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  items.forEach((item, i) => {
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}${separator} `;
    out += formatReply(item, childPrefix);
  });
  return out;
}

function formatMap(entries: readonly (readonly [Reply, Reply])[], prefix: string): string {
  const width = String(entries.length).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  entries.forEach(([key, value], i) => {
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}# `;
    out += formatReply(key, childPrefix).slice(0, -1);
    out += ' => ';
    if (isMultiline(value)) out += `\n${childPrefix}`;
    out += formatReply(value, childPrefix);
  });
  return out;
}

/** redis-cli's cliIsMultilineValueTTY: a map value printed on several lines starts on a new line. */
function isMultiline(reply: Reply): boolean {
  switch (reply.type) {
    case 'array':
    case 'set':
    case 'push':
      return reply.items.length > 1 || (reply.items.length === 1 && isMultiline(reply.items[0]!));
    case 'map':
      return reply.entries.length > 1 || (reply.entries.length === 1 && isMultiline(reply.entries[0]![1]));
    default:
      return false;
  }
}

/** redis-cli's raw format (cliFormatReplyRaw), used for the report commands. */
export function formatRaw(reply: Reply): string {
  switch (reply.type) {
    case 'null':
      return '';
    case 'error':
      return `${text(reply.value)}\n`;
    case 'simple':
    case 'bulk':
    case 'verbatim':
      return text(reply.value);
    case 'boolean':
      return reply.value ? '(true)' : '(false)';
    case 'integer':
      return String(reply.value);
    case 'double':
    case 'bignum':
      return reply.value;
    case 'array':
    case 'set':
    case 'push':
      return reply.items.map(formatRaw).join('\n');
    case 'map':
      return reply.entries.map(([k, v]) => `${formatRaw(k)} ${formatRaw(v)}`).join('\n');
  }
}

/** sdscatrepr: printable ASCII as is, `\\ \" \n \r \t \a \b`, every other byte as `\xHH`. */
export function quote(value: Uint8Array): string {
  let out = '"';
  for (const c of value) {
    switch (c) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        out += c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}

/** Reply text as the terminal shows it: escape sequences and other controls in server data are printed as `\xHH`, never run. */
const text = (value: Buffer): string => terminalSafe(value.toString('utf8'));

/** The commands redis-cli prints raw even in its human-readable mode (redis-cli.c, cliSendCommand). */
function printsRaw(args: readonly string[]): boolean {
  const [command = '', sub = ''] = args.map((a) => a.toLowerCase());
  const n = args.length;
  switch (command) {
    case 'info':
    case 'lolwut':
      return true;
    case 'debug':
      return n >= 2 && ['htstats', 'htstats-key', 'client-eviction'].includes(sub);
    case 'memory':
      return n >= 2 && (sub === 'malloc-stats' || sub === 'doctor');
    case 'cluster':
      return n === 2 && (sub === 'nodes' || sub === 'info');
    case 'client':
      return n >= 2 && (sub === 'list' || sub === 'info');
    case 'latency':
      return (n === 3 && sub === 'graph') || (n === 2 && sub === 'doctor');
    case 'proxy':
      return n >= 2 && sub === 'info';
    default:
      return false;
  }
}
