import { listOf, textOf } from './commandDocs';
import type { Reply } from '../resp/reply';

/**
 * Commands that need a confirmation naming the cluster: what they do, for the dialog. A
 * container's entry (`CONFIG SET`) covers only that subcommand; a bare name (`DEBUG`, `MODULE`,
 * `SENTINEL`) covers all of its subcommands.
 */
const DANGEROUS: ReadonlyMap<string, string> = new Map([
  ['FLUSHALL', 'deletes every key in every database'],
  ['FLUSHDB', 'deletes every key in the current database'],
  ['SHUTDOWN', 'stops the server process (Sentinel will fail over)'],
  ['DEBUG', 'can crash, block or corrupt the server'],
  ['CONFIG SET', 'changes the server configuration for every client'],
  ['CONFIG RESETSTAT', 'resets the server statistics that monitoring relies on'],
  ['CONFIG REWRITE', 'rewrites the server configuration file'],
  ['CLIENT KILL', 'disconnects other clients, possibly your applications'],
  ['CLIENT PAUSE', 'stops the server from serving clients'],
  ['SCRIPT FLUSH', 'removes every cached Lua script (EVALSHA calls will fail)'],
  ['FUNCTION FLUSH', 'deletes every function library'],
  ['FUNCTION DELETE', 'deletes a function library'],
  ['FUNCTION RESTORE', 'replaces function libraries'],
  ['SWAPDB', 'swaps two databases for every client'],
  ['REPLICAOF', 'turns the primary into a replica (Sentinel manages replication)'],
  ['SLAVEOF', 'turns the primary into a replica (Sentinel manages replication)'],
  ['FAILOVER', 'hands the primary role to a replica behind Sentinel’s back'],
  ['CLUSTER RESET', 'resets the node’s cluster state'],
  ['ACL DELUSER', 'deletes users'],
  ['ACL SETUSER', 'creates or changes a user and its permissions'],
  ['MODULE', 'loads or unloads server code'],
  ['SENTINEL', 'changes how Sentinel manages the cluster'],
]);

/** Scripts that may write; their read-only variants are what to suggest. */
const SCRIPTS: ReadonlyMap<string, string> = new Map([
  ['EVAL', 'EVAL_RO'],
  ['EVALSHA', 'EVALSHA_RO'],
  ['FCALL', 'FCALL_RO'],
]);

/** The command's name as the guard rails see it: `CONFIG SET` for a container, else `SET`. */
export function commandLabel(words: readonly string[]): string {
  const [first = '', second] = words.map((w) => w.toUpperCase());
  return second !== undefined && CONTAINERS.has(first) ? `${first} ${second}` : first;
}

const CONTAINERS = new Set(['ACL', 'CLIENT', 'CLUSTER', 'COMMAND', 'CONFIG', 'FUNCTION', 'LATENCY', 'MEMORY', 'MODULE', 'OBJECT', 'PUBSUB', 'SCRIPT', 'SLOWLOG', 'XINFO', 'XGROUP', 'SENTINEL']);

/** Why a command needs confirmation, or undefined when it does not. */
export function dangerOf(words: readonly string[]): { readonly label: string; readonly effect: string } | undefined {
  const label = commandLabel(words);
  const first = label.split(' ')[0]!;
  const effect = DANGEROUS.get(label) ?? DANGEROUS.get(first);
  return effect === undefined ? undefined : { label, effect };
}

/** The read-only variant to suggest for a script command that may write. */
export const readOnlyVariant = (words: readonly string[]): string | undefined => SCRIPTS.get((words[0] ?? '').toUpperCase());

/** One command's COMMAND INFO: its flags, and its subcommands' flags by upper-case name. */
export interface CommandFlags {
  readonly flags: ReadonlySet<string>;
  readonly subcommands: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Reads the entry for one command from a `COMMAND INFO <name>` reply; undefined when the server does not know it. */
export function readCommandInfo(reply: Reply): CommandFlags | undefined {
  const entry = listOf(reply)[0];
  if (!entry || entry.type === 'null') return undefined;
  const fields = listOf(entry);
  const subcommands = new Map<string, ReadonlySet<string>>();
  for (const sub of listOf(fields[9])) {
    const subFields = listOf(sub);
    const name = textOf(subFields[0]).toUpperCase();
    subcommands.set(name.slice(name.indexOf('|') + 1), flagSet(subFields[2]));
  }
  return { flags: flagSet(fields[2]), subcommands };
}

const flagSet = (reply: Reply | undefined): ReadonlySet<string> => new Set(listOf(reply).map((f) => textOf(f).toLowerCase()));

/** The flags that apply to a typed command: its subcommand's when it has subcommands and one is named. */
export function flagsFor(info: CommandFlags, words: readonly string[]): ReadonlySet<string> {
  const sub = words[1]?.toUpperCase();
  return (sub !== undefined && info.subcommands.get(sub)) || info.flags;
}

/**
 * What a read-only console runs besides the commands the server flags `readonly`: connection and
 * introspection commands known to change nothing on the server (lower case, `container|sub` for
 * subcommands, as COMMAND lists them). Everything else is refused: read-only is an allow-list, so a
 * command the server adds later, an unknown one, or a write the server does not flag never runs.
 * PUBLISH (wakes subscribers), SAVE/BGSAVE/BGREWRITEAOF (block or fork), ACL LOAD/SAVE, SLOWLOG/
 * LATENCY RESET, MEMORY PURGE, CLIENT UNBLOCK/KILL, SCRIPT/FUNCTION KILL and MONITOR (slows every
 * command while it runs) are not on it; scripts run only as EVAL_RO/EVALSHA_RO/FCALL_RO (flagged
 * `readonly`); a MULTI block holds only what this check let through, as each queued command passes it.
 */
export const READ_ONLY_ALLOWED: ReadonlySet<string> = new Set([
  // connection
  'ping', 'echo', 'select', 'hello', 'quit', 'reset', 'readonly', 'readwrite', 'time', 'lastsave', 'role', 'info',
  // transactions: the queued commands are checked one by one
  'multi', 'exec', 'discard', 'watch', 'unwatch',
  // listening to channels changes nothing; publishing is refused
  'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe',
  'pubsub|channels', 'pubsub|numpat', 'pubsub|numsub', 'pubsub|shardchannels', 'pubsub|shardnumsub', 'pubsub|help',
  // introspection
  'command', 'command|count', 'command|docs', 'command|getkeys', 'command|getkeysandflags', 'command|help', 'command|info', 'command|list',
  'config|get', 'config|help',
  'client|getname', 'client|getredir', 'client|help', 'client|id', 'client|info', 'client|list', 'client|trackinginfo', 'client|setname',
  'acl|cat', 'acl|dryrun', 'acl|genpass', 'acl|getuser', 'acl|help', 'acl|list', 'acl|log', 'acl|users', 'acl|whoami',
  'slowlog|get', 'slowlog|len', 'slowlog|help',
  'latency|doctor', 'latency|graph', 'latency|histogram', 'latency|history', 'latency|latest', 'latency|help',
  'memory|doctor', 'memory|help', 'memory|malloc-stats', 'memory|stats',
  'function|dump', 'function|list', 'function|stats', 'function|help',
  'script|exists', 'script|help', 'object|help', 'xinfo|help', 'xgroup|help',
  'cluster|countkeysinslot', 'cluster|getkeysinslot', 'cluster|help', 'cluster|info', 'cluster|keyslot', 'cluster|links', 'cluster|myid', 'cluster|nodes', 'cluster|shards', 'cluster|slots',
]);

/** Allowed names whose arguments can still make them change something. */
function refusedArguments(key: string, words: readonly string[]): string | undefined {
  const rest = words.slice(key.includes('|') ? 2 : 1).map((w) => w.toUpperCase());
  if (key === 'auth') return 'AUTH switches the user this console runs as';
  if (key === 'acl|log' && rest.includes('RESET')) return 'ACL LOG RESET clears the ACL log';
  if (key === 'hello' && rest.includes('AUTH')) return 'HELLO … AUTH switches the user this console runs as';
  return undefined;
}

export type ReadOnlyVerdict = { readonly allowed: true; readonly why: 'readonly flag' | 'allow-list' } | { readonly allowed: false; readonly reason: string };

/**
 * Whether a read-only console may send a command: the server flags it (or the named subcommand)
 * `readonly`, or it is on READ_ONLY_ALLOWED. `info` is COMMAND INFO's entry, null when the server does not know it.
 */
export function readOnlyVerdict(words: readonly string[], info: CommandFlags | null): ReadOnlyVerdict {
  const name = (words[0] ?? '').toLowerCase();
  if (!info) return { allowed: false, reason: 'the server does not list it in COMMAND, so it cannot be known to change nothing' };
  const sub = words[1]?.toLowerCase();
  const key = sub !== undefined && info.subcommands.has(sub.toUpperCase()) ? `${name}|${sub}` : name;
  const flags = flagsFor(info, words);
  const argumentProblem = refusedArguments(key, words);
  if (argumentProblem) return { allowed: false, reason: argumentProblem };
  if (flags.has('readonly') && !flags.has('write')) return { allowed: true, why: 'readonly flag' };
  if (READ_ONLY_ALLOWED.has(key)) return { allowed: true, why: 'allow-list' };
  if (flags.has('write')) return { allowed: false, reason: 'the server flags it as a write' };
  return { allowed: false, reason: 'it is not a read (the server does not flag it readonly) and not on the read-only allow-list' };
}
