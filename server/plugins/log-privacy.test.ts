/**
 * No personal data in logs (docs/SECURITY.md): a desk intake, an online application and what goes around them
 * (searches by citizen ID and phone, refused requests, tracking, the receipt PDF, a sign-up) run against an app
 * whose logger writes everything (level trace) into memory; the applicants' citizen ID numbers and phone numbers
 * must not appear in any line.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import {
  dossierWorld,
  intakeOf,
  onlineApplicationOf,
  uploadTestPdf,
} from '../modules/dossiers/test-world.ts';
import { createNotificationWorker } from '../modules/notifications/worker.ts';
import { make } from '../test/factories.ts';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
let app: FastifyInstance;
let config: Config;
const lines: string[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  config = loadConfig({ LOG_LEVEL: 'trace' }, { loginRatePerMinute: 1000, citizenCodeRatePerMinute: 1000 });
  app = await buildApp(
    { db: t.db, dbKind: t.database.kind, config, clock: t.clock },
    { serveWeb: false, logger: { level: 'trace', stream } },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'motcua_session')!.value;
  const csrf = res.json().csrfToken as string;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      payload,
      cookies: { motcua_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
  return {
    cookie,
    csrf,
    get: (url: string) => call('GET', url),
    post: (u: string, b: object) => call('POST', u, b),
    put: (u: string, b: object) => call('PUT', u, b),
  };
}

/** Every way the two applicants' identifiers could be written. */
const SECRETS = [
  '001090012345',
  '001 090 012 345',
  '0912345678',
  '0912 345 678',
  '912345678',
  '001190054321',
  '0987654321',
  '987654321',
];

describe('no personal data in logs', () => {
  it('an intake and an online application leave no citizen ID or phone number in the log', async () => {
    const desk = await login('mc.an');
    const intake = await desk.post('/api/dossiers', intakeOf(w.centre.id));
    expect(intake.statusCode).toBe(201);
    const code = intake.json().code as string;
    // Refused with the same personal data in the body: the refusal is logged, the body is not.
    const refused = await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, { applicant: { ...intakeOf('').applicant, email: 'không-phải-email' } }),
    );
    expect(refused.statusCode).toBe(400);
    // A desk officer looks the applicant up by citizen ID and by phone.
    for (const q of ['001090012345', '0912345678']) {
      expect((await desk.get(`/api/dossiers?q=${q}`)).statusCode).toBe(200);
    }
    expect((await desk.get(`/api/dossiers/${intake.json().id}`)).statusCode).toBe(200);
    expect((await desk.get(`/api/dossiers/${intake.json().id}/forms/receipt.pdf`)).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/public/dossiers/${code}` })).statusCode).toBe(200);

    const lan = await login('cd.lan');
    const profile = await lan.put('/api/citizen/profile', {
      fullName: 'Trần Thị Lan',
      dateOfBirth: '1990-01-01',
      sex: 'female',
      citizenId: '001190054321',
      phone: '0987654321',
    });
    expect(profile.statusCode).toBe(200);
    const body = onlineApplicationOf(w.centre.id, await uploadTestPdf(t, lan), await uploadTestPdf(t, lan));
    const submitted = await lan.post('/api/online-dossiers', body);
    expect(submitted.statusCode).toBe(201);
    const badForm = { ...body, formData: { ...body.formData, applicantPhone: '0987654321x' } };
    expect((await lan.post('/api/online-dossiers', badForm)).statusCode).toBe(400);
    expect((await lan.get('/api/my/dossiers')).statusCode).toBe(200);
    const accepted = await desk.post(`/api/dossiers/${submitted.json().id}/actions`, { action: 'accept' });
    expect(accepted.statusCode).toBe(200);
    // Someone signs up with the applicant's phone number.
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/citizen/sign-up',
      payload: { identifier: '0987654321', fullName: 'Trần Thị Lan', password: 'MatKhau@2026' },
    });
    expect(signUp.statusCode).toBe(202);

    // The notification worker delivers what the journey queued: no SMS provider and no SMTP here, so every
    // notice (receipts, sign-up code) goes to the log — with the recipient masked.
    const worker = createNotificationWorker({ db: t.db, clock: t.clock, config, log: app.log });
    expect((await worker.runOnce()).logged).toBeGreaterThan(2);
    await worker.stop();

    const log = lines.join('');
    expect(log).toContain('written to the log');
    // The log did record the requests (so the test can see a leak): URLs, statuses, the refusals.
    expect(log).toContain('"url":"/api/dossiers?…"');
    expect(log).toContain('"url":"/api/online-dossiers"');
    expect(log).toContain('request refused');
    expect(lines.length).toBeGreaterThan(25);
    for (const secret of SECRETS) {
      const at = log.indexOf(secret);
      expect(at, `"${secret}" in the log: …${log.slice(Math.max(0, at - 200), at + 50)}`).toBe(-1);
    }
  });
});
