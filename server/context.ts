import type { FastifyBaseLogger } from 'fastify';
import type { AccountKind, StaffRole } from '../domain/access/roles.ts';
import type { Config } from './config.ts';
import type { Db, DbKind } from './db/client.ts';

/** Time is a dependency: rules never call `new Date()` themselves. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type ActorGrant = Readonly<{ role: StaffRole; agencyId: string; agencyPath: string }>;

/** The signed-in person a request acts for. */
export type Actor = Readonly<{
  userId: string;
  username: string;
  fullName: string;
  kind: AccountKind;
  grants: readonly ActorGrant[];
  csrfToken: string;
}>;

/** What the app is built from; tests pass their own database and clock. */
export type Deps = Readonly<{ db: Db; dbKind: DbKind; config: Config; clock: Clock }>;

/** Explicit context handed to every service call. */
export type Ctx = Readonly<{
  db: Db;
  actor: Actor | null;
  clock: Clock;
  log: FastifyBaseLogger;
  requestId: string;
}>;
