// Who owns a lock or a running start.sh: the host, boot, pid and kernel start time of a process.
// A pid alone can be reused after a reboot or by a new process; the start time (field 22 of
// /proc/<pid>/stat) and the boot id tell them apart. Linux only, like the rest of scripts/.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export function bootId() {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/** A process's start time in clock ticks since boot, or undefined when it is gone (or a zombie). */
export function processStart(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    return fields[19];
  } catch {
    return undefined;
  }
}

/** `{ pid, start }` of a process (default: this one). */
export function processRecord(pid = process.pid) {
  return { pid, start: processStart(pid) };
}

/** An owner record for this process: `{ host, boot, process: { pid, start }, since }`. */
export function currentOwner() {
  return { host: hostname(), boot: bootId(), process: processRecord(), since: new Date().toISOString() };
}

/** Whether a process recorded in `owner` (default: its owner process) still runs: same boot, pid and start time. */
export function isRunning(owner, record = owner?.process) {
  if (!owner || !record?.pid) return false;
  if (owner.host !== hostname()) return true; // another machine's process: cannot tell, assume it runs
  if (owner.boot !== bootId()) return false;
  const start = processStart(record.pid);
  return start !== undefined && start === record.start;
}

/** Whether two owner records name the same process. */
export function sameOwner(a, b) {
  return a?.boot === b?.boot && a?.process?.pid === b?.process?.pid && a?.process?.start === b?.process?.start;
}
