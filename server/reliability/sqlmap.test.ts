/**
 * SQL injection scan (issue 8): Debian's sqlmap against public and authenticated endpoints of a motcua with the
 * demo data, on loopback, with bounded level, risk and time. Every parameter of every target must come out "not
 * injectable"; the test fails if sqlmap reports one injectable, or if it could not test a target at all (an
 * answer it never got is not a pass). Rate limits are lifted for the scan (they would answer 429 instead).
 *
 * Runs when /usr/bin/sqlmap exists (CI installs it). SQLMAP_LEVEL (default 2) and SQLMAP_RISK (default 1).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../context.ts';
import type { Database } from '../db/client.ts';
import { intakeOf } from '../modules/dossiers/test-world.ts';
import { seedDemo } from '../seed/demo.ts';
import { openTestDatabase } from '../test/harness.ts';

const SQLMAP = '/usr/bin/sqlmap';
const LEVEL = process.env.SQLMAP_LEVEL ?? '2';
const RISK = process.env.SQLMAP_RISK ?? '1';

type Target = { name: string; url: string; data?: string; auth?: 'desk' | 'leader' | 'admin' };

function sqlmap(target: Target, base: string, headers: string[], outDir: string) {
  const args = [
    '-u',
    `${base}${target.url}`,
    '--batch',
    `--level=${LEVEL}`,
    `--risk=${RISK}`,
    '--technique=BEUST',
    '--time-sec=2',
    '--timeout=10',
    '--retries=1',
    '--threads=4',
    '--dbms=PostgreSQL',
    '--flush-session',
    '--disable-coloring',
    `--output-dir=${outDir}`,
    // A wrong password answers 401, which sqlmap otherwise takes for "needs HTTP authentication" and stops.
    ...(target.data ? ['--data', target.data, '--method', 'POST', '--ignore-code=401'] : []),
    ...headers.flatMap((h) => ['-H', h]),
  ];
  return new Promise<string>((resolve, reject) => {
    const child = spawn(SQLMAP, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

describe.skipIf(!fs.existsSync(SQLMAP))('sqlmap finds no SQL injection', () => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  const sessions: Record<string, string[]> = {};
  let ids: { agency: string; dossierCode: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemo(database.db);
    const config = loadConfig(
      { ...process.env, LOG_LEVEL: 'silent' },
      {
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sqlmap-')),
        trackingRatePerMinute: 1e9,
        loginRatePerMinute: 1e9,
        citizenCodeRatePerMinute: 1e9,
        citizenConfirmRatePerMinute: 1e9,
      },
    );
    app = await buildApp(
      { db: database.db, dbKind: database.kind, config, clock: systemClock },
      { serveWeb: false },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const [role, username] of [
      ['desk', 'tiepnhan.hoankiem'],
      ['leader', 'lanhdao.hoankiem'],
      ['admin', 'admin.hoankiem'],
    ] as const) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Motcua@2025' }),
      });
      if (res.status !== 200) continue;
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      sessions[role] = [
        `Cookie: ${res.headers.get('set-cookie')!.split(';')[0]}`,
        `x-csrf-token: ${csrfToken}`,
      ];
    }
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: sessions.desk![0]!.slice(8) } });
    const agency = ((await me.json()) as { user: { grants: { agencyId: string }[] } }).user.grants[0]!
      .agencyId;
    // A real dossier, so that tracking answers 200 for the true value.
    const intake = await fetch(`${base}/api/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: sessions.desk![0]!.slice(8),
        'x-csrf-token': sessions.desk![1]!.slice(14),
      },
      body: JSON.stringify(intakeOf(agency)),
    });
    expect(intake.status).toBe(201);
    ids = { agency, dossierCode: ((await intake.json()) as { code: string }).code };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const targets = (): Target[] => [
    { name: 'public catalogue search', url: '/api/public/procedures?q=khai+sinh&sector=&limit=5' },
    { name: 'public tracking (path)', url: `/api/public/dossiers/${ids.dossierCode}*` },
    {
      name: 'staff sign-in (JSON body)',
      url: '/api/auth/login',
      data: '{"username":"abc","password":"xyz"}',
    },
    { name: 'dossier list (desk)', url: '/api/dossiers?q=Nguyen&limit=5', auth: 'desk' },
    {
      name: 'Biểu 06 (leader)',
      url: `/api/reports/form06?agencyId=${ids.agency}&from=2026-01-01&to=2026-03-31&groupBy=sector`,
      auth: 'leader',
    },
    { name: 'agency list (admin)', url: '/api/agencies?q=Ho', auth: 'admin' },
  ];

  it('no parameter of the public and authenticated targets is injectable', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sqlmap-out-'));
    const findings: string[] = [];
    const summary: string[] = [];
    for (const target of targets()) {
      const headers = target.auth ? (sessions[target.auth] ?? []) : [];
      expect(target.auth === undefined || headers.length > 0, `session for ${target.auth}`).toBe(true);
      const out = await sqlmap(target, base, headers, outDir);
      const tested = (out.match(/testing '/g) ?? []).length;
      if (/is vulnerable|appears to be injectable|sqlmap identified the following injection point/i.test(out))
        findings.push(`${target.name}: ${out.slice(-2000)}`);
      if (tested === 0 || /connection refused|unable to connect|no parameter\(s\) found/i.test(out))
        findings.push(`${target.name}: not tested — ${out.slice(-1500)}`);
      summary.push(`${target.name}: ${tested} tests`);
    }
    console.log(`sqlmap (level ${LEVEL}, risk ${RISK}): ${summary.join('; ')}`);
    expect(findings).toEqual([]);
  }, 1_800_000);
});
