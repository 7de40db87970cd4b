// Types for scripts/process-owner.mjs, so TypeScript scripts and tests can import it.
export interface ProcessRecord {
  pid: number;
  start: string | undefined;
}
export interface Owner {
  host: string;
  boot: string;
  process: ProcessRecord;
  since: string;
}
export declare function bootId(): string;
/** A process's start time in clock ticks since boot, or undefined when it is gone (or a zombie). */
export declare function processStart(pid: number): string | undefined;
export declare function processRecord(pid?: number): ProcessRecord;
/** An owner record for this process. */
export declare function currentOwner(): Owner;
/** Whether a process recorded in `owner` (default: its owner process) still runs. */
export declare function isRunning(owner: Owner | undefined, record?: ProcessRecord): boolean;
/** Whether two owner records name the same process. */
export declare function sameOwner(a: Owner | undefined, b: Owner | undefined): boolean;
