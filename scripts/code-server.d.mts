// Types for scripts/code-server.mjs, so TypeScript tests can import it.
export declare const NODE_VERSION: string;
export declare const CODE_SERVER_VERSION: string;
/** The install folder: $VALKEY_WELKIN_CODE_SERVER_DIR when set, else .cache/code-server of the repo. */
export declare const cacheDir: string;
/** The command that resumes an interrupted install. */
export declare const RESUME_COMMAND: string;
/** Thrown by ensureCodeServer when its signal stopped the install; the message says how to resume. */
export declare class InstallStopped extends Error {
  constructor(step: string);
}
/** The folder of the Node 24 distribution: bin/node and include/node. */
export declare function node24Dir(): string;
/** The Node 24 binary code-server runs on. */
export declare function node24Bin(): string;
/** code-server's entry script; run it with `node24Bin()`. */
export declare function codeServerBin(): string;
/**
 * Installs Node 24 and code-server into `cacheDir` when needed; fast when installed. Aborting
 * `signal` stops the install cleanly (InstallStopped) and releases the install lock.
 */
export declare function ensureCodeServer(options?: { signal?: AbortSignal }): Promise<{ node: string; codeServer: string }>;
