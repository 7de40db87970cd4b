import type { ValkeySession } from '../session';

/** All health needs of a session: commands sent on its connection (several in flight are pipelined). */
export type Session = Pick<ValkeySession, 'command'>;
