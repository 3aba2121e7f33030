import { mkdtempSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Clock } from '../context.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { withDatabase } from './global-setup.ts';

/** A fresh, migrated database for one test file: a restored PGlite snapshot, or a clone of the PG template. */
export async function openTestDatabase(): Promise<Database> {
  const tplUrl = inject('pgTemplateUrl');
  if (tplUrl) {
    const tpl = new URL(tplUrl);
    const name = `motcua_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: withDatabase(tplUrl, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.pathname.slice(1)}`);
    const database = openPostgres(withDatabase(tplUrl, name), 4);
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = await fs.readFile(inject('pgliteSnapshot'));
  return openPglite(undefined, new Blob([snapshot]));
}

/** A clock the test moves by hand. */
export function testClock(start = new Date('2026-03-02T02:00:00Z')) {
  let now = start;
  const clock: Clock & { set(d: Date): void; advance(ms: number): void } = {
    now: () => now,
    set: (d) => {
      now = d;
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
  return clock;
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

export async function makeTestApp(overrides: Partial<Config> = {}) {
  const database = await openTestDatabase();
  const clock = testClock();
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: 'silent' },
    {
      loginRatePerMinute: 1000,
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-test-')),
      ...overrides,
    },
  );
  const app: FastifyInstance = await buildApp(
    { db: database.db, dbKind: database.kind, config, clock },
    { serveWeb: false },
  );
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    clock,
    /** Logs in and returns a client that sends the cookie and CSRF token on every call. */
    async login(username: string, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
      const csrf = res.json().csrfToken as string;
      const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
        app.inject({
          method,
          url,
          payload: payload as object | undefined,
          cookies: { motcua_session: cookie.value },
          headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
        });
      return {
        cookie: cookie.value,
        csrf,
        get: (url: string) => call('GET', url),
        post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
        patch: (url: string, body: unknown) => call('PATCH', url, body),
        put: (url: string, body: unknown) => call('PUT', url, body),
        delete: (url: string) => call('DELETE', url),
      };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const TEST_PASSWORD = 'Test@12345';

/** Asserts a response is an RFC 9457 problem with the given status and code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  const body = res.json();
  if (
    res.statusCode !== status ||
    body.code !== code ||
    !String(res.headers['content-type']).includes('problem+json')
  ) {
    throw new Error(`expected ${status} ${code}, got ${res.statusCode} ${res.body}`);
  }
  if (typeof body.title !== 'string' || typeof body.requestId !== 'string')
    throw new Error('problem without title');
  return body as { title: string; detail?: string; errors?: { path: string; message: string }[] };
}
