import { replyItems, replyText, type Reply } from '../resp/reply';

/** One argument as COMMAND DOCS describes it. */
export interface ArgDoc {
  readonly name: string;
  /** key, string, integer, double, pattern, unix-time, pure-token, oneof, block. */
  readonly type: string;
  readonly token?: string | undefined;
  readonly display?: string | undefined;
  readonly optional: boolean;
  readonly multiple: boolean;
  readonly multipleToken: boolean;
  readonly args: readonly ArgDoc[];
}

export interface CommandDoc {
  /** Upper case, with a container's name first: `SET`, `CONFIG GET`. */
  readonly name: string;
  readonly summary: string;
  readonly since: string;
  readonly group: string;
  readonly complexity: string;
  readonly args: readonly ArgDoc[];
  /** Upper-case subcommand names of a container command (`GET` for `CONFIG`). */
  readonly subcommands: readonly string[];
}

/** The server's COMMAND DOCS, read once: completion candidates, syntax hints and `help <command>`. */
export class CommandCatalog {
  private readonly byName = new Map<string, CommandDoc>();
  /** Every command and `CONTAINER SUBCOMMAND`, sorted, for Tab. */
  readonly names: readonly string[];

  constructor(docs: readonly CommandDoc[]) {
    for (const doc of docs) this.byName.set(doc.name, doc);
    this.names = [...this.byName.keys()].sort();
  }

  /** Reads a COMMAND DOCS reply (RESP2 flat arrays or RESP3 maps). */
  static fromReply(reply: Reply): CommandCatalog {
    const docs: CommandDoc[] = [];
    for (const [name, body] of pairs(reply)) readDoc(name.toUpperCase(), body, docs);
    return new CommandCatalog(docs);
  }

  get size(): number {
    return this.byName.size;
  }

  get(name: string): CommandDoc | undefined {
    return this.byName.get(name.toUpperCase());
  }

  /** The documented command a line's words name: `CONFIG GET` for ["config", "get", "x"], else `SET`. */
  lookup(words: readonly string[]): { readonly doc: CommandDoc; readonly used: number } | undefined {
    const [first, second] = words;
    if (first === undefined) return undefined;
    const top = this.get(first);
    if (second !== undefined && top && top.subcommands.length > 0) {
      const sub = this.get(`${first} ${second}`);
      if (sub) return { doc: sub, used: 2 };
    }
    return top ? { doc: top, used: 1 } : undefined;
  }

  /** Tab candidates for what is typed: names that start with it, ignoring case and runs of blanks. */
  complete(typed: string): string[] {
    const prefix = typed.trimStart().replace(/\s+/g, ' ').toUpperCase();
    if (prefix === '') return [];
    return this.names.filter((n) => n.startsWith(prefix) && (n.includes(' ') ? prefix.includes(' ') || !this.names.includes(prefix) : !prefix.includes(' ')));
  }

  /**
   * The dim hint after the typed text, like redis-cli's: the command's syntax without the
   * arguments already typed. Empty when the command is unknown or nothing is left to show.
   */
  hint(line: string): string {
    const endsInBlank = /\s$/.test(line);
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length > 1 && /^\d+$/.test(words[0]!)) words.shift();
    const found = this.lookup(words);
    if (!found) return '';
    if (found.used === 1 && found.doc.subcommands.length > 0) return '';
    if (words.length === found.used && !endsInBlank) {
      // Still typing the name: only hint once it is exactly a command.
      const typedName = words.join(' ').toUpperCase();
      if (typedName !== found.doc.name) return '';
    }
    const rest = matchSequence(found.doc.args, words, found.used).rest;
    if (!rest) return '';
    return endsInBlank ? rest : ` ${rest}`;
  }

  /** `help <command>` as redis-cli prints it: the syntax, then summary, since and group. */
  help(words: readonly string[]): string | undefined {
    const found = this.lookup(words.map((w) => w.toUpperCase()));
    if (!found) return undefined;
    const { doc } = found;
    const lines = [`  ${doc.name} ${syntax(doc.args)}`.trimEnd(), `  summary: ${doc.summary}`, `  since: ${doc.since}`, `  group: ${doc.group}`];
    if (doc.complexity) lines.push(`  complexity: ${doc.complexity}`);
    if (doc.subcommands.length > 0) lines.push(`  subcommands: ${doc.subcommands.join(', ')}`);
    return `${lines.join('\n')}\n`;
  }
}

/** A command's syntax line from its arguments: `key value [NX|XX] [GET] [EX seconds|…]`. */
export function syntax(args: readonly ArgDoc[]): string {
  return args.map((a) => argSyntax(a)).join(' ');
}

function argSyntax(arg: ArgDoc): string {
  let text: string;
  if (arg.multiple || arg.multipleToken) {
    const once = single(arg);
    const again = arg.multipleToken ? once : single({ ...arg, token: undefined });
    text = `${once} [${again} ...]`;
  } else {
    text = single(arg);
  }
  return arg.optional ? `[${text}]` : text;
}

/** One occurrence of an argument, not bracketed for being optional. */
function single(arg: ArgDoc): string {
  let body: string;
  switch (arg.type) {
    case 'pure-token':
      return arg.token ?? arg.name;
    case 'oneof':
      body = arg.args.map((a) => argSyntax(a)).join('|');
      if (!arg.optional && !arg.token) body = `<${body}>`;
      break;
    case 'block':
      body = syntax(arg.args);
      break;
    default:
      body = arg.display ?? arg.name;
  }
  return arg.token ? `${arg.token} ${body}` : body;
}

interface SequenceMatch {
  readonly next: number;
  /** The hint for what is left, or '' when nothing is. */
  readonly rest: string;
}

/**
 * Walks typed words against arguments in order: optional ones that do not match are skipped,
 * tokens must match (ignoring case), a repeated argument takes as many occurrences as match.
 */
function matchSequence(args: readonly ArgDoc[], words: readonly string[], start: number): SequenceMatch {
  let w = start;
  let i = 0;
  const after = (from: number): string => syntax(args.slice(from));
  while (i < args.length && w < words.length) {
    const arg = args[i]!;
    const m = matchArg(arg, words, w);
    if (!m) {
      if (arg.optional) {
        i++;
        continue;
      }
      return { next: w, rest: after(i) };
    }
    w += m.used;
    if (m.rest !== undefined) return { next: w, rest: join(m.rest, after(i + 1)) };
    if (arg.multiple || arg.multipleToken) {
      const again: ArgDoc = arg.multipleToken ? arg : { ...arg, token: undefined };
      for (;;) {
        if (w >= words.length) return { next: w, rest: join(`[${single(again)} ...]`, after(i + 1)) };
        const more = matchArg(again, words, w);
        if (!more) break;
        w += more.used;
        if (more.rest !== undefined) return { next: w, rest: join(more.rest, after(i + 1)) };
      }
    }
    i++;
  }
  return { next: w, rest: after(i) };
}

/** Words used by one occurrence of `arg` at `w`, and what is left of it when the words ran out inside it. */
function matchArg(arg: ArgDoc, words: readonly string[], w: number): { used: number; rest: string | undefined } | undefined {
  const word = words[w];
  if (word === undefined) return undefined;
  const tokenMatches = arg.token !== undefined && word.toUpperCase() === arg.token.toUpperCase();
  if (arg.token !== undefined && !tokenMatches) return undefined;
  const valueAt = arg.token !== undefined ? w + 1 : w;
  switch (arg.type) {
    case 'pure-token':
      return { used: 1, rest: undefined };
    case 'oneof': {
      if (valueAt >= words.length) return { used: valueAt - w, rest: single({ ...arg, token: undefined, optional: true }) };
      const ordered = [...arg.args.filter((a) => a.token !== undefined), ...arg.args.filter((a) => a.token === undefined)];
      for (const child of ordered) {
        const m = matchArg(child, words, valueAt);
        if (m) return { used: valueAt - w + m.used, rest: m.rest };
      }
      return arg.token !== undefined ? { used: 1, rest: undefined } : undefined;
    }
    case 'block': {
      if (valueAt >= words.length) return { used: valueAt - w, rest: syntax(arg.args) };
      const m = matchSequence(arg.args, words, valueAt);
      if (m.next === valueAt && arg.token === undefined) return undefined;
      return { used: m.next - w, rest: m.next >= words.length && m.rest ? m.rest : undefined };
    }
    default:
      if (valueAt >= words.length) return { used: valueAt - w, rest: arg.display ?? arg.name };
      return { used: valueAt - w + 1, rest: undefined };
  }
}

const join = (a: string, b: string): string => (a && b ? `${a} ${b}` : a || b);

// -- reading the reply ------------------------------------------------------------------------------

function readDoc(name: string, body: Reply, into: CommandDoc[]): void {
  const fields = new Map(pairs(body).map(([k, v]) => [k.toLowerCase(), v] as const));
  const subcommands: string[] = [];
  const subs = fields.get('subcommands');
  if (subs) {
    for (const [subName, subBody] of pairs(subs)) {
      const full = subName.toUpperCase().replace('|', ' ');
      subcommands.push(full.slice(name.length + 1));
      readDoc(full, subBody, into);
    }
  }
  into.push({
    name,
    summary: textOf(fields.get('summary')),
    since: textOf(fields.get('since')),
    group: textOf(fields.get('group')),
    complexity: textOf(fields.get('complexity')),
    args: listOf(fields.get('arguments')).map(readArg),
    subcommands: subcommands.sort(),
  });
}

function readArg(reply: Reply): ArgDoc {
  const fields = new Map(pairs(reply).map(([k, v]) => [k.toLowerCase(), v] as const));
  const flags = listOf(fields.get('flags')).map((f) => textOf(f).toLowerCase());
  const token = fields.get('token');
  const display = fields.get('display_text') ?? fields.get('value');
  return {
    name: textOf(fields.get('name')),
    type: textOf(fields.get('type')),
    token: token ? textOf(token) : undefined,
    display: display && replyText(display) !== undefined ? textOf(display) : undefined,
    optional: flags.includes('optional'),
    multiple: flags.includes('multiple'),
    multipleToken: flags.includes('multiple_token'),
    args: listOf(fields.get('arguments')).map(readArg),
  };
}

/** Key/value pairs of a RESP3 map or a RESP2 flat array. */
export function pairs(reply: Reply | undefined): [string, Reply][] {
  if (!reply) return [];
  if (reply.type === 'map') return reply.entries.map(([k, v]) => [textOf(k), v]);
  const items = listOf(reply);
  const out: [string, Reply][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([textOf(items[i]), items[i + 1]!]);
  return out;
}

export function listOf(reply: Reply | undefined): readonly Reply[] {
  return replyItems(reply) ?? [];
}

export const textOf = (reply: Reply | undefined): string => (reply ? (replyText(reply) ?? '') : '');
