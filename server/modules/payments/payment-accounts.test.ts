import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVietQr } from '../../../domain/payment/index.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { auditEvents } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld } from '../dossiers/test-world.ts';
import { ACCOUNT, onlineRenewal } from './payments.testing.ts';

/** Where the money goes: the default account from configuration, or an agency's own set by its administrator. */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365, payment: ACCOUNT });
  t.clock.set(monday);
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  await make.user(t.db, { username: 'cd.minh', citizen: true });
  await make.user(t.db, { username: 'qt.binh', grants: [{ role: 'admin', agency: w.other }] });
});
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const onlineDossier = (citizen: Client, accept = true) => onlineRenewal(t, w.centre.id, citizen, accept);

describe('the collecting account', () => {
  let bare: FastifyInstance;
  beforeAll(async () => {
    // The same database behind an app whose configuration has no default account.
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { loginRatePerMinute: 1000, payment: undefined });
    bare = await buildApp({ db: t.db, dbKind: t.database.kind, config, clock: t.clock }, { serveWeb: false });
    await bare.ready();
  });
  afterAll(() => bare.close());

  const call = (c: Client, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    bare.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      cookies: { motcua_session: c.cookie },
      headers: method === 'GET' ? {} : { 'x-csrf-token': c.csrf },
    });

  it('unconfigured: the payment endpoints answer 409 in Vietnamese; an agency account set by its administrator applies', async () => {
    const lan = await t.login('cd.lan');
    const desk = await t.login('mc.an');
    const d = await onlineDossier(lan);
    const url = `/api/dossiers/${d.id}/payment`;
    for (const res of [
      await call(lan, 'GET', url),
      await call(lan, 'POST', `${url}/request`, {}),
      await call(desk, 'POST', `${url}/confirm`, { bankReference: 'FT9' }),
    ]) {
      const problem = expectProblem(res, 409, 'CONFLICT');
      expect(problem.detail).toMatch(/^Cơ quan chưa cấu hình tài khoản nhận tiền/);
    }

    const account = { bankBin: '970436', accountNumber: '0011004455667', accountName: 'UBND XA AN' };
    const accountUrl = `/api/agencies/${w.commune.id}/payment-account`;
    expectProblem(await call(await t.login('qt.binh'), 'PUT', accountUrl, account), 403, 'FORBIDDEN');
    expectProblem(await call(desk, 'PUT', accountUrl, account), 403, 'FORBIDDEN');
    const admin = await t.login('qt.an');
    expectProblem(await call(admin, 'PUT', accountUrl, { ...account, bankBin: '97043' }), 400, 'VALIDATION');
    const set = await call(admin, 'PUT', accountUrl, account);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ own: true, account: { ...account, noteMaxLength: 25 } });
    // The desk is the commune's service centre: it inherits the commune's account.
    const centre = (await call(admin, 'GET', `/api/agencies/${w.centre.id}/payment-account`)).json();
    expect(centre).toMatchObject({ own: false, source: { kind: 'agency', agencyId: w.commune.id } });

    const view = (await call(lan, 'GET', url)).json();
    expect(readVietQr(view.transfer.payload)).toMatchObject({
      bankBin: '970436',
      accountNumber: '0011004455667',
    });
    // The agency's own account wins over the default too.
    expect(readVietQr((await lan.get(url)).json().transfer.payload).accountNumber).toBe('0011004455667');

    const removed = await call(admin, 'DELETE', accountUrl);
    expect(removed.json()).toMatchObject({ own: false, account: null, source: null });
    expectProblem(await call(lan, 'GET', url), 409, 'CONFLICT');
    expect((await lan.get(url)).json().transfer.accountNumber).toBe(ACCOUNT.accountNumber);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, w.commune.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['paymentAccount.set', 'paymentAccount.remove']),
    );
  });

  it('a partial configuration is refused at start-up', () => {
    expect(() => loadConfig({ PAYMENT_BANK_BIN: '970415' })).toThrow(/must be set together/);
    expect(() =>
      loadConfig({ PAYMENT_BANK_BIN: '9704', PAYMENT_ACCOUNT_NO: '1', PAYMENT_ACCOUNT_NAME: 'X' }),
    ).toThrow(/PAYMENT_/);
    expect(
      loadConfig({
        PAYMENT_BANK_BIN: '970415',
        PAYMENT_ACCOUNT_NO: '113366668888',
        PAYMENT_ACCOUNT_NAME: 'UBND',
      }).payment,
    ).toMatchObject({ bankBin: '970415', noteMaxLength: 25 });
  });
});
