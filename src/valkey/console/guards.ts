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
