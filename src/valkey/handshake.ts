import { err, ok, type Result } from '../util/result';
import { RespConnection, type TlsOptions } from './connection';
import type { ValkeyError } from './errors';
import { replyText, type Reply } from './resp/reply';

export interface HandshakeTarget {
  readonly host: string;
  readonly port: number;
  readonly label: string;
}

export interface HandshakeOptions {
  readonly password: string | undefined;
  /** Restored after a reconnection: the database and protocol the console had switched to. */
  readonly db: number;
  readonly protocol: 2 | 3;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly tls?: TlsOptions | undefined;
}

export interface Handshake {
  readonly connection: RespConnection;
  /** What ROLE says: `master`, `slave`, `sentinel`. */
  readonly role: string;
  /** False when the server has no password and refused the one given: it is not needed. */
  readonly passwordNeeded: boolean;
}

/** Opens a connection and makes it ready for commands: AUTH, the database, the protocol; then asks ROLE. */
export async function handshake(target: HandshakeTarget, options: HandshakeOptions): Promise<Result<Handshake, ValkeyError>> {
  const opened = await RespConnection.open({ ...target, timeoutMs: options.timeoutMs, signal: options.signal, tls: options.tls });
  if (!opened.ok) return opened;
  const connection = opened.value;
  const fail = (error: ValkeyError): Result<never, ValkeyError> => {
    connection.close('handshake failed');
    return err(error);
  };
  const send = (args: string[]): Promise<Result<Reply, ValkeyError>> => connection.send(args, { timeoutMs: options.timeoutMs });

  let passwordNeeded = options.password !== undefined;
  if (options.password !== undefined) {
    const auth = await send(['AUTH', options.password]);
    if (!auth.ok) return fail(auth.error);
    const refusal = auth.value.type === 'error' ? (replyText(auth.value) ?? '') : undefined;
    if (refusal !== undefined) {
      if (/without any password configured|no password is set/i.test(refusal)) passwordNeeded = false;
      else return fail({ kind: 'authFailed', message: `${target.label} refused the password: ${refusal}` });
    }
  }
  if (options.db !== 0) {
    const selected = await send(['SELECT', String(options.db)]);
    if (!selected.ok) return fail(selected.error);
  }
  if (options.protocol === 3) {
    const hello = await send(['HELLO', '3']);
    if (!hello.ok) return fail(hello.error);
  }
  const role = await send(['ROLE']);
  if (!role.ok) return fail(role.error);
  if (role.value.type === 'error') {
    const text = replyText(role.value) ?? '';
    if (/^NOAUTH/.test(text)) {
      return fail({ kind: 'authRequired', message: `${target.label} requires a password${options.password === undefined ? ' and none was given' : ''} (${text}).` });
    }
    return fail({ kind: 'protocol', message: `${target.label} answered ROLE with: ${text}` });
  }
  const first = role.value.type === 'array' ? role.value.items[0] : undefined;
  return ok({ connection, role: first ? (replyText(first) ?? 'unknown') : 'unknown', passwordNeeded });
}
