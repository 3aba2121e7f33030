import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form06Report, Form06Row } from '../../../domain/reports/form06-rows.ts';
import { pdfFonts, pdfInfo, pdfText, squeeze } from '../../pdf/poppler.testing.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import type { dossierWorld } from '../dossiers/test-world.ts';
import { FORM06_FIRST_DATA_ROW, FORM06_HEADER_ROW, FORM06_SHEET } from './form06.xlsx.ts';
import { act, type Client, dossierSteps, monthWorld, ok, signInOfficers, vn } from './reports.testing.ts';

/**
 * Biểu 06 for March 2026, built through the real API. "Đăng ký nhận cha, mẹ, con" takes 2 working days: received
 * on a Monday morning it is due Wednesday 17:00. Tết 2026 is 14–22/02; March has no holiday. Expected numbers are
 * reasoned out below, dossier by dossier, not computed by the code under test.
 *
 *   K  direct, received 23/02, resolved 24/02 (early)                         → February only
 *   A  direct, received Thu 26/02 (due Mon 02/03), resolved Tue 03/03          → carried over, resolved late
 *   B  direct, received Mon 02/03 (due Wed 04/03), resolved Tue 03/03          → direct, resolved early
 *   F  online, submitted Sat 28/02 20:00, accepted Mon 02/03 (due Wed 04/03), still open → online, overdue
 *   C  direct, received Mon 09/03 (due Wed 11/03), resolved Wed 11/03 16:00, returned Thu 12/03 → on time
 *   D  direct, received Mon 16/03 (due Wed 18/03), resolved Thu 19/03 09:00    → direct, resolved late
 *   E  direct, received Tue 17/03, withdrawn Wed 18/03                         → direct, withdrawn
 *   I  direct, received Mon 23/03 (due Wed 25/03), supplement requested Tue 24/03, never supplied → within deadline
 *   H  direct, received Mon 30/03 (due Wed 01/04), open                        → direct, within deadline
 *   G  online, submitted Tue 31/03, never accepted                             → not in the report
 *   J  direct, received Wed 01/04                                              → not in March
 *   B2 direct at Xã Bình, received Tue 10/03 (due Thu 12/03), open             → the other commune: overdue
 *
 * Xã An, March: carried over 1 (A); online 1 (F); direct 6 (B C D E I H) → received 8
 *   = resolved 4 (early B; on time C; late A D) + in progress 3 (within I H; overdue F) + withdrawn 1 (E).
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
let desk: Client;
let specialist: Client;
let leader: Client;

const at = (s: string) => t.clock.set(vn(s));

const march = 'from=2026-03-01&to=2026-03-31';
const get = async (c: Client, query: string): Promise<Form06Report> =>
  ok(await c.get(`/api/reports/form06?${query}`));
const numbers = (r: Form06Row) => ({
  carriedOver: r.carriedOver,
  receivedOnline: r.receivedOnline,
  receivedDirect: r.receivedDirect,
  received: r.received,
  resolvedEarly: r.resolvedEarly,
  resolvedOnTime: r.resolvedOnTime,
  resolvedLate: r.resolvedLate,
  resolved: r.resolved,
  withinDeadline: r.withinDeadline,
  overdue: r.overdue,
  inProgress: r.inProgress,
  withdrawnOrStopped: r.withdrawnOrStopped,
});
const xaAnMarch = {
  carriedOver: 1,
  receivedOnline: 1,
  receivedDirect: 6,
  received: 8,
  resolvedEarly: 1,
  resolvedOnTime: 1,
  resolvedLate: 2,
  resolved: 4,
  withinDeadline: 2,
  overdue: 1,
  inProgress: 3,
  withdrawnOrStopped: 1,
};

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  w = await monthWorld(t, '2026-02-23 08:00');
  await make.user(t.db, { username: 'ld.tinh', grants: [{ role: 'leader', agency: w.province }] });
  await make.user(t.db, { username: 'mc.binh.ld', grants: [{ role: 'leader', agency: w.other }] });
  const officers = await signInOfficers(t);
  ({ desk, specialist, leader } = officers);
  const lan = await t.login('cd.lan');
  const otherDesk = await t.login('mc.binh');
  const { receive, resolve, submitOnline } = dossierSteps(
    t,
    w,
    officers,
    'Trích lục đăng ký nhận cha, mẹ, con',
  );

  const k = (await receive('2026-02-23 09:00')).id;
  await resolve(k, '2026-02-24 10:00');
  const a = (await receive('2026-02-26 10:00')).id;
  const f = (await submitOnline('2026-02-28 20:00', lan)).id;
  const b = (await receive('2026-03-02 09:15')).id;
  at('2026-03-02 08:00');
  const accepted = await act(desk, f, { action: 'accept' });
  expect(accepted.dueAt).toBe(vn('2026-03-04 17:00').toISOString());
  await resolve(a, '2026-03-03 09:00');
  await resolve(b, '2026-03-03 10:00');
  const c = (await receive('2026-03-09 09:00')).id;
  await resolve(c, '2026-03-11 16:00');
  at('2026-03-12 09:00');
  await act(desk, c, { action: 'returnResult', method: 'counter' });
  await receive('2026-03-10 09:00', otherDesk, w.other.id);
  const d = (await receive('2026-03-16 09:00')).id;
  await resolve(d, '2026-03-19 09:00');
  const e = (await receive('2026-03-17 09:00')).id;
  at('2026-03-18 10:00');
  await act(desk, e, { action: 'withdraw', note: 'Người nộp xin rút hồ sơ' });
  const i = (await receive('2026-03-23 09:00')).id;
  await act(desk, i, { action: 'forward' });
  at('2026-03-24 09:00');
  await act(specialist, i, {
    action: 'requestSupplement',
    note: 'Chứng cứ chưa rõ',
    items: [{ name: 'Văn bản giám định ADN', detail: 'Bản chính' }],
  });
  await receive('2026-03-30 09:00');
  await submitOnline('2026-03-31 10:00', lan);
  await receive('2026-04-01 09:00');
  at('2026-04-02 10:00');
});
afterAll(() => t.close());

describe('Biểu 06 by direct recount, through the API', () => {
  it('March at Xã An by sector: the counts reasoned out by hand', async () => {
    const r = await get(leader, `agencyId=${w.commune.id}&${march}&groupBy=sector`);
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.asOf).toBe(vn('2026-04-01 00:00').toISOString());
    expect(r.rows).toHaveLength(1);
    expect(numbers(r.rows[0]!)).toEqual(xaAnMarch);
    expect(numbers(r.total)).toEqual(xaAnMarch);
  });

  it('February carries into March exactly what was in progress at its end', async () => {
    const feb = await get(desk, `agencyId=${w.commune.id}&from=2026-02-01&to=2026-02-28`);
    // K received and resolved early; A received and within its deadline (due 02/03); F not yet accepted.
    expect(numbers(feb.total)).toMatchObject({
      carriedOver: 0,
      receivedOnline: 0,
      receivedDirect: 2,
      resolvedEarly: 1,
      withinDeadline: 1,
      overdue: 0,
    });
    expect(feb.total.inProgress).toBe(xaAnMarch.carriedOver);
  });

  it('by agency from the province: each commune rolls up its subtree; by procedure from the commune', async () => {
    const provincial = await t.login('ld.tinh');
    const r = await get(provincial, `agencyId=${w.province.id}&${march}&groupBy=agency`);
    expect(r.rows.map((x) => [x.label, x.scope, x.received, x.overdue])).toEqual([
      ['Xã An', 'subtree', 8, 1],
      ['Xã Bình', 'subtree', 1, 1],
    ]);
    expect(r.total.received).toBe(9);
    const own = await get(leader, `agencyId=${w.commune.id}&${march}&groupBy=agency`);
    expect(own.rows.map((x) => [x.label, x.scope, x.received])).toEqual([['Xã An', 'own', 8]]);
    const byProcedure = await get(leader, `agencyId=${w.commune.id}&${march}&groupBy=procedure`);
    expect(byProcedure.rows.map((x) => [x.code, x.received])).toEqual([['1.001022', 8]]);
  });

  it('the counters (default) and a direct recount (source=recount) give the same report, every grouping', async () => {
    const provincial = await t.login('ld.tinh');
    for (const groupBy of ['sector', 'procedure', 'agency']) {
      for (const [agencyId, period] of [
        [w.province.id, march],
        [w.commune.id, 'from=2026-02-01&to=2026-02-28'],
        [w.commune.id, 'from=2026-02-24&to=2026-04-30'],
      ]) {
        const q = `agencyId=${agencyId}&${period}&groupBy=${groupBy}`;
        const recount = await get(provincial, `${q}&source=recount`);
        expect(await get(provincial, q)).toEqual(recount);
        expect(await get(provincial, `${q}&source=aggregates`)).toEqual(recount);
      }
    }
  });

  it('while the month runs, in progress is judged now, not at the end of the month', async () => {
    // (Dossiers stored after this moment still count: the recount reads what is in the database.)
    at('2026-03-03 12:00');
    try {
      const r = await get(leader, `agencyId=${w.commune.id}&${march}`);
      expect(r.asOf).toBe(vn('2026-03-03 12:00').toISOString());
      // F, due 04/03, is not overdue yet on 03/03; I waits for the supplement; H is within its deadline.
      expect([r.total.withinDeadline, r.total.overdue]).toEqual([3, 0]);
    } finally {
      at('2026-04-02 10:00');
    }
  });

  it('the Excel file reads back with the same numbers, the official header and merged column groups', async () => {
    const res = await leader.get(`/api/reports/form06.xlsx?agencyId=${w.commune.id}&${march}&groupBy=sector`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(FORM06_SHEET)!;
    const text = (row: number, col: number) => String(ws.getCell(row, col).value ?? '');
    expect(text(1, 1)).toBe('UBND TỈNH THỬ');
    expect(text(2, 1)).toBe('UBND XÃ AN');
    expect(text(1, 6)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text(2, 6)).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(text(3, 6)).toBe('An, ngày 02 tháng 04 năm 2026');
    expect(text(5, 1)).toBe('BIỂU 06/VPCP/KSTT — TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text(6, 1)).toBe('Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(ws.getCell(5, 1).font?.name).toBe('Times New Roman');

    const h = FORM06_HEADER_ROW;
    expect(text(h, 3)).toBe('Số hồ sơ nhận giải quyết');
    // A merged cell reads the same from any of its cells.
    expect(text(h, 6)).toBe('Số hồ sơ nhận giải quyết');
    expect(text(h, 7)).toBe('Kết quả giải quyết');
    expect(text(h + 1, 4)).toBe('Trong đó');
    expect(text(h + 1, 7)).toBe('Số hồ sơ đã giải quyết');
    expect(text(h + 1, 11)).toBe('Số hồ sơ đang giải quyết');
    expect([4, 5, 6, 8, 9, 10, 12, 13].map((c) => text(h + 2, c))).toEqual([
      'Số mới tiếp nhận trực tuyến',
      'Số kỳ trước chuyển qua',
      'Số mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính',
      'Trả trước hạn',
      'Trả đúng thời hạn',
      'Trả quá hạn',
      'Trong hạn',
      'Quá hạn',
    ]);
    expect(text(h + 3, 1)).toBe('(1)');
    expect(text(h + 3, 14)).toBe('(14)');

    const counts = (row: number) => Array.from({ length: 12 }, (_, i) => ws.getCell(row, i + 3).value);
    // (3) total, (4) online, (5) carried, (6) direct, (7)–(10) resolved, (11)–(13) in progress, (14) withdrawn.
    const expected = [8, 1, 1, 6, 4, 1, 1, 2, 3, 2, 1, 1];
    expect(text(FORM06_FIRST_DATA_ROW, 2)).toBe('Hộ tịch');
    expect(counts(FORM06_FIRST_DATA_ROW)).toEqual(expected);
    expect(text(FORM06_FIRST_DATA_ROW + 1, 2)).toBe('Tổng cộng');
    expect(counts(FORM06_FIRST_DATA_ROW + 1)).toEqual(expected);
  });

  it('the PDF (A4 landscape, Tinos) prints the header, the column groups and the same counts', async () => {
    const res = await leader.get(`/api/reports/form06.pdf?agencyId=${w.commune.id}&${march}&groupBy=sector`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const info = await pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    expect(await pdfFonts(pdf)).toContain('Tinos');
    if (process.env.FORM06_PDF_OUT) await writeFile(process.env.FORM06_PDF_OUT, pdf);
    const text = squeeze(await pdfText(pdf));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND XÃ AN',
      'An, ngày 02 tháng 04 năm 2026',
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026',
      'Kết quả giải quyết',
      'Quá hạn',
      '(14)',
      'Hộ tịch',
      'Tổng cộng',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ])
      expect(text).toContain(expected);
    // The counts of the sector row, in column order (the same as the Excel file's).
    expect(text).toMatch(/Hộ tịch\s+8\s+1\s+1\s+6\s+4\s+1\s+1\s+2\s+3\s+2\s+1\s+1/);
  });

  it('who may read: leaders and desk officers of the subtree; others 403; outside the subtree 404', async () => {
    const q = (id: string) => `/api/reports/form06?agencyId=${id}&${march}`;
    expect((await desk.get(q(w.commune.id))).statusCode).toBe(200);
    expectProblem(await specialist.get(q(w.commune.id)), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('qt.an')).get(q(w.commune.id)), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('mc.binh.ld')).get(q(w.commune.id)), 404, 'NOT_FOUND');
    expectProblem(await leader.get(q(w.province.id)), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('cd.lan')).get(q(w.commune.id)), 403, 'FORBIDDEN');
    const anonymous = await t.app.inject({ method: 'GET', url: q(w.commune.id) });
    expect(anonymous.statusCode).toBe(401);
    expectProblem(
      await leader.get(`/api/reports/form06.xlsx?agencyId=${w.other.id}&${march}`),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a reversed period, an impossible date and an unknown grouping', async () => {
    const base = `/api/reports/form06?agencyId=${w.commune.id}`;
    expectProblem(await leader.get(`${base}&from=2026-03-31&to=2026-03-01`), 400, 'VALIDATION');
    expectProblem(await leader.get(`${base}&from=2026-02-30&to=2026-03-01`), 400, 'VALIDATION');
    expectProblem(await leader.get(`${base}&${march}&groupBy=officer`), 400, 'VALIDATION');
  });
});
