/** Bearer-token authentication against the fixture's users, with runtime expiry. */
import type { IncomingHttpHeaders } from 'node:http';
import { unauthorized } from './status';
import type { FixtureUser } from './types';

export interface User {
  readonly name: string;
  readonly groups: readonly string[];
  readonly spec: FixtureUser | undefined;
}

export const ANONYMOUS: User = { name: 'system:anonymous', groups: ['system:unauthenticated'], spec: undefined };

export const tokenFor = (name: string, spec: FixtureUser): string => spec.token ?? `token-${name}`;

export class Authenticator {
  private readonly byToken = new Map<string, User>();
  private readonly tokens = new Map<string, string>();
  private readonly expired = new Set<string>();

  constructor(users: Readonly<Record<string, FixtureUser>>) {
    for (const [name, spec] of Object.entries(users)) {
      const token = tokenFor(name, spec);
      if (this.byToken.has(token)) throw new Error(`fixture: users share the token of ${name}`);
      this.byToken.set(token, { name, groups: [...(spec.groups ?? []), 'system:authenticated'], spec });
      this.tokens.set(name, token);
      if (spec.expired) this.expired.add(token);
    }
  }

  token(user: string): string {
    const token = this.tokens.get(user);
    if (token === undefined) throw new Error(`no user ${user} in the fixture (users: ${[...this.tokens.keys()].join(', ')})`);
    return token;
  }

  userNames(): string[] {
    return [...this.tokens.keys()];
  }

  expire(user: string): void {
    this.expired.add(this.token(user));
  }

  renew(user: string): void {
    this.expired.delete(this.token(user));
  }

  /** The caller, anonymous without credentials; throws 401 for unknown or expired tokens. */
  authenticate(headers: IncomingHttpHeaders): User {
    const header = headers.authorization;
    if (header === undefined) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized();
    const user = this.byToken.get(match[1]);
    if (!user || this.expired.has(match[1])) throw unauthorized();
    return user;
  }
}
