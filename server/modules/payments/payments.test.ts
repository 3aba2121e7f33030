import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDossierCodeInNote, readVietQr } from '../../../domain/payment/index.ts';
import { auditEvents, dossierEvents, payments } from '../../db/schema.ts';
import { pdfText, squeeze } from '../../pdf/poppler.testing.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf } from '../dossiers/test-world.ts';
import { ACCOUNT, onlineRenewal, RENEWAL } from './payments.testing.ts';

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

/** A direct intake at the desk (10.000 đồng, or none for a procedure without fees). */
async function directDossier(procedureCode = RENEWAL): Promise<string> {
  const desk = await t.login('mc.an');
  const documents =
    procedureCode === RENEWAL ? [{ key: 'declaration', kind: 'original' }] : intakeOf(w.centre.id).documents;
  const res = await desk.post('/api/dossiers', intakeOf(w.centre.id, { procedureCode, documents }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const withKey = (c: Client, url: string, body: unknown, key: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: body as object,
    cookies: { motcua_session: c.cookie },
    headers: { 'x-csrf-token': c.csrf, 'idempotency-key': key },
  });

describe('paying a fee by VietQR', () => {
  it('the citizen sees the online amount and a QR that reads back to the account, the amount and the code', async () => {
    const lan = await t.login('cd.lan');
    const d = await onlineDossier(lan, false);
    const res = await lan.get(`/api/dossiers/${d.id}/payment`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      state: 'due',
      dossierCode: d.code,
      procedureName: 'Gia hạn tạm trú',
      fee: { total: 5_000, channel: 'online' },
      payment: null,
      collectedAtDesk: null,
    });
    expect(view.fee.lines).toEqual([expect.objectContaining({ key: 'renewal', amount: 5_000 })]);
    const qr = readVietQr(view.transfer.payload);
    expect(qr).toMatchObject({
      bankBin: ACCOUNT.bankBin,
      accountNumber: ACCOUNT.accountNumber,
      service: 'account',
      amount: 5_000,
      currency: '704',
      initiation: 'dynamic',
    });
    expect(findDossierCodeInNote(qr.note ?? '')).toBe(d.code);
    expect(view.transfer).toMatchObject({ accountName: 'UBND XA AN', bankName: 'VietinBank', note: qr.note });
    const png = Buffer.from(view.transfer.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // A direct dossier pays the direct amount.
    const direct = (
      await (await t.login('mc.an')).get(`/api/dossiers/${await directDossier()}/payment`)
    ).json();
    expect(direct).toMatchObject({ state: 'due', fee: { total: 10_000, channel: 'direct' } });
    expect(readVietQr(direct.transfer.payload).amount).toBe(10_000);
  });

  it('reading follows the dossier: the owner and its staff; other citizens, other communes and admins get 404', async () => {
    const lan = await t.login('cd.lan');
    const d = await onlineDossier(lan);
    const url = `/api/dossiers/${d.id}/payment`;
    for (const who of ['cd.lan', 'mc.an', 'cv.an', 'ld.an']) {
      expect((await (await t.login(who)).get(url)).statusCode, who).toBe(200);
    }
    for (const who of ['cd.minh', 'mc.binh', 'qt.an']) {
      expectProblem(await (await t.login(who)).get(url), 404, 'NOT_FOUND');
    }
    expectProblem(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
  });

  it('the payer declares the transfer once; the desk confirms it with the bank reference and the receipt is issued', async () => {
    const lan = await t.login('cd.lan');
    const desk = await t.login('mc.an');
    const d = await onlineDossier(lan, false);
    const base = `/api/dossiers/${d.id}/payment`;

    const declared = await lan.post(`${base}/request`, { payerNote: 'Chuyển lúc 9 giờ 30 từ Vietcombank' });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({
      state: 'requested',
      payment: { status: 'requested', amount: 5_000, method: 'vietqr', requestedByName: expect.any(String) },
    });
    const again = await lan.post(`${base}/request`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().payment.id).toBe(declared.json().payment.id);
    expectProblem(await desk.post(`${base}/request`, {}), 403, 'FORBIDDEN');

    // Fees are collected on received dossiers: the desk accepts the online dossier first.
    const early = expectProblem(
      await desk.post(`${base}/confirm`, { bankReference: 'FT26061000001' }),
      409,
      'INVALID_TRANSITION',
    );
    expect(early.detail).toMatch(/Thu phí, lệ phí/);
    expect((await desk.post(`/api/dossiers/${d.id}/actions`, { action: 'accept' })).statusCode).toBe(200);

    // Only the receiving desk collects.
    const confirm = { bankReference: 'FT26061123456', amount: 5_000 };
    expectProblem(await (await t.login('cv.an')).post(`${base}/confirm`, confirm), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('ld.an')).post(`${base}/confirm`, confirm), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('mc.binh')).post(`${base}/confirm`, confirm), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('qt.an')).post(`${base}/confirm`, confirm), 404, 'NOT_FOUND');
    expectProblem(await lan.post(`${base}/confirm`, confirm), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('cd.minh')).post(`${base}/confirm`, confirm), 403, 'FORBIDDEN');
    const noRef = expectProblem(await desk.post(`${base}/confirm`, { amount: 5_000 }), 400, 'VALIDATION');
    expect(noRef.errors?.[0]?.path).toBe('bankReference');
    const wrong = expectProblem(
      await desk.post(`${base}/confirm`, { bankReference: 'FT1', amount: 4_000 }),
      400,
      'VALIDATION',
    );
    expect(wrong.detail).toMatch(/4\.000 đồng.*5\.000 đồng/);

    const first = await withKey(desk, `${base}/confirm`, confirm, 'pay-1');
    expect(first.statusCode, first.body).toBe(200);
    const paid = first.json();
    expect(paid).toMatchObject({
      state: 'paid',
      transfer: null,
      payment: {
        status: 'confirmed',
        amount: 5_000,
        bankReference: 'FT26061123456',
        receiptNo: expect.stringMatching(/^BL2026-\d{7}$/),
        receiptUrl: `${base}/receipt.pdf`,
      },
    });
    const replay = await withKey(desk, `${base}/confirm`, confirm, 'pay-1');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().payment.receiptNo).toBe(paid.payment.receiptNo);
    const twice = expectProblem(await desk.post(`${base}/confirm`, confirm), 409, 'CONFLICT');
    expect(twice.detail).toContain(`biên lai số ${paid.payment.receiptNo}`);
    expectProblem(await desk.post(`${base}/cancel`, { reason: 'Nhầm' }), 409, 'CONFLICT');
    expectProblem(await lan.post(`${base}/request`, {}), 409, 'CONFLICT');

    // One event in the dossier's history (decided by the machine as collectFee) and one audit row.
    const events = await t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    const fee = events.filter((e) => e.action === 'collectFee');
    expect(fee).toHaveLength(1);
    expect(fee[0]).toMatchObject({
      fromStatus: 'accepted',
      toStatus: 'accepted',
      role: 'deskOfficer',
      data: {
        amount: 5_000,
        receiptNo: paid.payment.receiptNo,
        paymentId: paid.payment.id,
        method: 'vietqr',
        bankReference: 'FT26061123456',
      },
    });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, d.id), eq(auditEvents.action, 'payment.confirm')));
    expect(audit).toHaveLength(1);
    const dossier = (await lan.get(`/api/dossiers/${d.id}`)).json();
    expect(dossier.events.at(-1)).toMatchObject({ action: 'collectFee', label: 'Thu phí, lệ phí' });

    // The electronic receipt: for the payer and the dossier's staff, not for anyone else.
    const pdf = await lan.get(`${base}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squeeze(await pdfText(pdf.rawPayload));
    for (const part of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      `Số: ${paid.payment.receiptNo}`,
      'An, ngày 02 tháng 03 năm 2026',
      d.code,
      'Gia hạn tạm trú',
      'Trần Thị Lan',
      '5.000',
      'Số tiền bằng chữ: Năm nghìn đồng.',
      'FT26061123456',
      'Chuyển khoản qua mã VietQR',
      'Mã số thuế: 0101234567',
    ]) {
      expect(text, `missing "${part}"`).toContain(part);
    }
    expect((await desk.get(`${base}/receipt.pdf`)).statusCode).toBe(200);
    expectProblem(await (await t.login('cd.minh')).get(`${base}/receipt.pdf`), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('mc.binh')).get(`${base}/receipt.pdf`), 404, 'NOT_FOUND');
  });

  it('the desk cancels a declaration no money came for; the payer may declare again', async () => {
    const lan = await t.login('cd.lan');
    const desk = await t.login('mc.an');
    const d = await onlineDossier(lan);
    const base = `/api/dossiers/${d.id}/payment`;
    expectProblem(await desk.post(`${base}/cancel`, { reason: 'Không có' }), 409, 'CONFLICT');
    expect((await lan.post(`${base}/request`, {})).statusCode).toBe(201);
    expectProblem(await (await t.login('cv.an')).post(`${base}/cancel`, { reason: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await desk.post(`${base}/cancel`, {}), 400, 'VALIDATION');
    const cancelled = await desk.post(`${base}/cancel`, { reason: 'Sao kê ngày 02/03 không có khoản này' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      state: 'due',
      payment: { status: 'cancelled', cancelReason: 'Sao kê ngày 02/03 không có khoản này' },
    });
    expectProblem(await lan.get(`${base}/receipt.pdf`), 404, 'NOT_FOUND');
    expect((await lan.post(`${base}/request`, {})).statusCode).toBe(201);
    const rows = await t.db.select().from(payments).where(eq(payments.dossierId, d.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'requested']);
    // The database keeps the record: a cancelled payment cannot change, no payment can be deleted.
    const cancelledRow = rows.find((r) => r.status === 'cancelled')!;
    await expect(
      t.db.update(payments).set({ status: 'requested' }).where(eq(payments.id, cancelledRow.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(payments).where(eq(payments.id, cancelledRow.id))).rejects.toThrow();
  });

  it('receipt numbers run without gaps or repeats per agency and year, also when confirmed together', async () => {
    const desk = await t.login('mc.an');
    const ids = [await directDossier(), await directDossier(), await directDossier(), await directDossier()];
    const results = await Promise.all(
      ids.map((id) => desk.post(`/api/dossiers/${id}/payment/confirm`, { method: 'cash', amount: 10_000 })),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const all = await t.db
      .select({ seq: payments.receiptSeq, year: payments.receiptYear })
      .from(payments)
      .where(eq(payments.agencyId, w.centre.id));
    const seqs = all.flatMap((r) => (r.seq === null ? [] : [r.seq])).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(all.flatMap((r) => (r.year === null ? [] : [r.year])))).toEqual(new Set([2026]));
    const cash = results[0]!.json();
    expect(cash.payment).toMatchObject({ method: 'cash', bankReference: null, status: 'confirmed' });
    const text = squeeze(
      await pdfText((await desk.get(`/api/dossiers/${ids[0]}/payment/receipt.pdf`)).rawPayload),
    );
    expect(text).toContain('Mười nghìn đồng');
    expect(text).toContain('Tiền mặt tại Bộ phận Một cửa');
  });

  it('a procedure without fees owes nothing and a fee recorded at the desk counts as paid', async () => {
    const desk = await t.login('mc.an');
    const free = await directDossier('1.001022');
    const view = (await desk.get(`/api/dossiers/${free}/payment`)).json();
    expect(view).toMatchObject({ state: 'free', transfer: null, fee: { total: 0 } });
    expectProblem(
      await desk.post(`/api/dossiers/${free}/payment/confirm`, { bankReference: 'FT1' }),
      409,
      'CONFLICT',
    );

    const byHand = await directDossier();
    const collected = await desk.post(`/api/dossiers/${byHand}/actions`, {
      action: 'collectFee',
      amount: 10_000,
      receiptNo: 'AA/26P-0000123',
    });
    expect(collected.statusCode, collected.body).toBe(200);
    expect((await desk.get(`/api/dossiers/${byHand}/payment`)).json()).toMatchObject({
      state: 'paid',
      transfer: null,
      collectedAtDesk: { amount: 10_000, receiptNo: 'AA/26P-0000123' },
    });
    const twice = expectProblem(
      await desk.post(`/api/dossiers/${byHand}/payment/confirm`, { method: 'cash' }),
      409,
      'CONFLICT',
    );
    expect(twice.detail).toContain('AA/26P-0000123');
  });
});
