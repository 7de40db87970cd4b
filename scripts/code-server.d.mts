// Types for scripts/code-server.mjs, so TypeScript tests can import it.
export declare const NODE_VERSION: string;
export declare const CODE_SERVER_VERSION: string;
export declare const cacheDir: string;
/** The folder of the Node 24 distribution: bin/node and include/node. */
export declare function node24Dir(): string;
/** The Node 24 binary code-server runs on. */
export declare function node24Bin(): string;
/** code-server's entry script; run it with `node24Bin()`. */
export declare function codeServerBin(): string;
/** Installs Node 24 and code-server into .cache/code-server/ when needed; fast when installed. */
export declare function ensureCodeServer(): Promise<{ node: string; codeServer: string }>;
