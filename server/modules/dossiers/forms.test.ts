import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../pdf/poppler.testing.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
});
afterAll(() => t.close());

describe('printed forms', () => {
  it('the receipt (form 01) carries the code, the due date and the applicant', async () => {
    const desk = await t.login('mc.an');
    const d = (await desk.post('/api/dossiers', intakeOf(w.centre.id))).json();
    const res = await desk.get(`/api/dossiers/${d.id}/forms/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(d.code);
    expect(text).toContain('17 giờ 00 phút, ngày 04/03/2026');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Đăng ký nhận cha, mẹ, con');
    // Another commune cannot print it.
    const other = await t.login('mc.binh');
    expectProblem(await other.get(`/api/dossiers/${d.id}/forms/receipt.pdf`), 404, 'NOT_FOUND');
  });

  it('the control sheet (form 05) lists every hand-over; a missing apology is a clear 404', async () => {
    const desk = await t.login('mc.an');
    const specialist = await t.login('cv.an');
    const d = (await desk.post('/api/dossiers', intakeOf(w.centre.id))).json();
    await desk.post(`/api/dossiers/${d.id}/actions`, { action: 'forward' });
    t.clock.set(new Date('2026-03-02T04:00:00Z'));
    await specialist.post(`/api/dossiers/${d.id}/actions`, { action: 'forward' });
    const res = await desk.get(`/api/dossiers/${d.id}/forms/control-sheet.pdf`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Nhận: Thẩm định hồ sơ');
    expect(flat).toContain('Nhận: Xem xét, ký kết');
    expectProblem(await desk.get(`/api/dossiers/${d.id}/forms/apology.pdf`), 404, 'NOT_FOUND');
    expectProblem(await desk.get(`/api/dossiers/${d.id}/forms/other.pdf`), 400, 'VALIDATION');
  });

  it('a refusal slip prints as form 03 with its reasons', async () => {
    const desk = await t.login('mc.an');
    const slip = await desk.post('/api/intake-slips', {
      kind: 'refusal',
      procedureCode: '1.001022',
      receivingAgencyId: w.centre.id,
      addressee: { fullName: 'Trần Thị Bình' },
      reasons: ['Việc nhận cha, mẹ, con không thuộc thẩm quyền của xã'],
    });
    expect(slip.statusCode).toBe(201);
    const res = await desk.get(`/api/intake-slips/${slip.json().id}/form.pdf`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('TỪ CHỐI');
    expect(text).toContain('không thuộc thẩm quyền');
  });

  it('the dossier log (form 06) lists the period’s dossiers, as PDF and Excel', async () => {
    const desk = await t.login('mc.an');
    const d = (await desk.post('/api/dossiers', intakeOf(w.centre.id))).json();
    const q = `agencyId=${w.centre.id}&from=2026-03-01&to=2026-03-02`;
    const res = await desk.get(`/api/dossier-log.pdf?${q}`);
    expect(res.statusCode).toBe(200);
    expect(await pdfText(res.rawPayload)).toContain(d.code.slice(-11));
    const xlsx = await desk.get(`/api/dossier-log.xlsx?${q}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(d.code);
    const specialist = await t.login('cv.an');
    expectProblem(await specialist.get(`/api/dossier-log.pdf?${q}`), 403, 'FORBIDDEN');
  });
});
