import type { Result } from '../../util/result';
import type { ValkeyError } from '../errors';
import type { ValkeySession } from '../session';
import type { Reply } from '../resp/reply';

/** What the key browser needs of a session: commands, which the session pipelines when several are in flight. */
export type KeyCommands = Pick<ValkeySession, 'command'>;

/** A failure to run a command, or an error reply (NOPERM, WRONGTYPE, …) that the browser shows as is. */
export type KeysError = ValkeyError | { readonly kind: 'reply'; readonly message: string };

export type KeysResult<T> = Result<T, KeysError>;

/** The types TYPE answers; anything else (a module type) is kept as its name. */
export type KeyType = 'string' | 'hash' | 'list' | 'set' | 'zset' | 'stream' | 'none' | (string & {});

/** What the browser shows next to a key. `undefined` fields are not known (yet, or refused). */
export interface KeyDetails {
  readonly type: KeyType;
  /** Milliseconds; -1 no expiry; -2 the key is gone. */
  readonly pttl: number;
  /** Bytes, from MEMORY USAGE; undefined when the server refused it. */
  readonly memory: number | undefined;
}

export type { Reply };
