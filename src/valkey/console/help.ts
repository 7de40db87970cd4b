/** The console's own help (`help` with no command): keys, guard rails, read-only. */
export function consoleHelp(maxReplyLines: number, toggleReadOnlyTitle: string): string {
  return `Valkey console: commands run on the cluster's current primary, through Kubernetes port-forwards.
Lines are read like redis-cli reads them (quotes, \\x escapes, a leading count repeats: 3 INCR n).

  help <command>       syntax and summary from the server's COMMAND DOCS (help CONFIG GET)
  clear                clear the screen (also Ctrl-L)
  quit, exit           close the console (also Ctrl-D on an empty line)

Keys
  Tab                  complete a command or subcommand; Tab again for the next candidate, Esc to undo
  Up/Down              history of this cluster (lines with passwords are never kept)
  Left/Right, Home/End, Ctrl-A/E    move;  Ctrl-Left/Right  move by word
  Backspace, Delete, Ctrl-U/K/W     delete before/after the cursor, or the word before it
  Ctrl-C               cancel the line; while a command runs, stop waiting for it (it may still run);
                       stop SUBSCRIBE, MONITOR or a SCAN

Guard rails
  KEYS pattern         blocks the server; the console offers SCAN 0 MATCH pattern COUNT 1000 instead
  FLUSHALL, FLUSHDB, SHUTDOWN, DEBUG, CONFIG SET/RESETSTAT/REWRITE, CLIENT KILL/PAUSE, SCRIPT FLUSH,
  FUNCTION FLUSH/DELETE/RESTORE, SWAPDB, REPLICAOF, FAILOVER, ACL SETUSER/DELUSER, MODULE, SENTINEL
                       ask you to type the cluster's name, after naming the context, namespace and cluster
  Read-only mode       refuses what the server flags as a write, scripts (use EVAL_RO, FCALL_RO) and the
                       commands above; toggle it with "${toggleReadOnlyTitle}"

Replies longer than ${maxReplyLines} lines are cut with a note; use SCAN, LRANGE or HSCAN with ranges.
After a failover the console follows the new primary; a command in flight is reported, never retried.
`;
}
