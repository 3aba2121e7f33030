import { count, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../data/catalogue/index.ts';
import { F, P, S, SHEET } from '../../../domain/catalogue/excel-layout.ts';
import { CatalogueEntry } from '../../../domain/catalogue/index.ts';
import { auditEvents, procedures, procedureVersions, procedureWorkflows } from '../../db/schema.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import {
  applyCatalogueWorkbook,
  collectCatalogue,
  readCatalogueWorkbook,
  writeCatalogueWorkbook,
  XLSX_TYPE,
} from './catalogue.excel.ts';
import { importCatalogue } from './catalogue.service.ts';

let t: TestApp;
const ctx = () => ({ db: t.db, actor: null, clock: t.clock, requestId: 'test' });
const DRAFT_CODE = '9.000001';

/** A draft copy of the first seed entry under a code of its own, to show that drafts may be edited. */
const draftEntry = () => {
  const e = CatalogueEntry.parse(SEED_CATALOGUE[0]);
  return {
    procedure: { ...e.procedure, nationalCode: DRAFT_CODE },
    version: { ...e.version, nationalCode: DRAFT_CODE },
    workflow: { ...e.workflow, nationalCode: DRAFT_CODE },
  };
};

beforeAll(async () => {
  t = await makeTestApp();
  const tree = await make.tree(t.db);
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'qt.xa', grants: [{ role: 'admin', agency: tree.communeA }] });
  await make.user(t.db, { username: 'mc.xa', grants: [{ role: 'deskOfficer', agency: tree.centreA }] });
  await importCatalogue(ctx(), [...demoCatalogue(), draftEntry()]);
});
afterAll(() => t.close());

const counts = async () => ({
  procedures: (await t.db.select({ n: count() }).from(procedures))[0]!.n,
  versions: (await t.db.select({ n: count() }).from(procedureVersions))[0]!.n,
  workflows: (await t.db.select({ n: count() }).from(procedureWorkflows))[0]!.n,
  // logins are audited too: count only catalogue imports
  audit: (
    await t.db.select({ n: count() }).from(auditEvents).where(like(auditEvents.action, 'catalogue.%'))
  )[0]!.n,
});

/** Edits one cell of the workbook (found by sheet, national code and column) and returns its Excel row. */
async function editCell(
  buffer: Buffer,
  sheet: string,
  code: string,
  column: string,
  value: ExcelJS.CellValue,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  const headers = ws.getRow(1).values as unknown[];
  let found = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && !found && row.getCell(headers.indexOf(P.code)).value === code) {
      row.getCell(headers.indexOf(column)).value = value;
      found = n;
    }
  });
  if (!found) throw new Error(`no row for ${code} in ${sheet}`);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), row: found };
}

const upload = async (username: string, body: Buffer | string, type = XLSX_TYPE) => {
  const c = await t.login(username);
  return t.app.inject({
    method: 'POST',
    url: '/api/catalogue/import',
    payload: body,
    headers: { 'content-type': type, 'x-csrf-token': c.csrf },
    cookies: { motcua_session: c.cookie },
  });
};

describe('catalogue workbook', () => {
  it('round-trips every stored version through real .xlsx bytes', async () => {
    const stored = await collectCatalogue(t);
    expect(stored).toHaveLength(SEED_CATALOGUE.length + 1);
    const buffer = await writeCatalogueWorkbook(stored);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET.procedures)!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.name).toBe('Times New Roman');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const fromCol = (ws.getRow(1).values as unknown[]).indexOf(P.from);
    expect(ws.getRow(2).getCell(fromCol).value).toBeInstanceOf(Date);
    const { sheetsToEntries } = await import('../../../domain/catalogue/excel-rows.ts');
    const back = sheetsToEntries(await readCatalogueWorkbook(buffer));
    expect(back.errors).toEqual([]);
    expect(back.entries).toEqual(stored);
    const byCode = (x: CatalogueEntry, y: CatalogueEntry) =>
      x.procedure.nationalCode.localeCompare(y.procedure.nationalCode);
    const published = back.entries.filter((e) => e.version.status === 'published');
    expect(published).toEqual(demoCatalogue().sort(byCode));
  });

  it('re-importing the export changes nothing but is audited', async () => {
    const before = await counts();
    const buffer = await writeCatalogueWorkbook(await collectCatalogue(t));
    const result = await applyCatalogueWorkbook(ctx(), buffer);
    expect(result).toEqual({ procedures: 0, versions: 0, updated: 0, unchanged: SEED_CATALOGUE.length + 1 });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('a workbook with bad rows names sheet, row and column, and changes nothing', async () => {
    const before = await counts();
    const entries = await collectCatalogue(t);
    const [a, b, c] = entries.map((e) => e.procedure.nationalCode);
    let file = await writeCatalogueWorkbook(entries);
    const bad1 = await editCell(file, SHEET.procedures, a!, P.code, '1.2');
    const bad2 = await editCell(bad1.buffer, SHEET.procedures, b!, P.localValue, 999);
    const bad3 = await editCell(bad2.buffer, SHEET.steps, c!, S.next, 'khongCo');
    file = bad3.buffer;
    const err = await applyCatalogueWorkbook(ctx(), file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    const paths = (err as { extra: { errors: { path: string; message: string }[] } }).extra.errors;
    expect(paths.map((e) => e.path)).toContain(`${SHEET.procedures}!${bad1.row}:${P.code}`);
    expect(paths.find((e) => e.path.startsWith(`${SHEET.procedures}!${bad2.row}:`))?.message).toMatch(
      /không được dài hơn|quá lớn/,
    );
    expect(paths).toContainEqual({
      path: `${SHEET.steps}!${bad3.row}:${S.next}`,
      message: expect.stringContaining('bước không tồn tại: khongCo'),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an edited fee of a published version, with its row; nothing is written', async () => {
    const before = await counts();
    const entries = await collectCatalogue(t);
    const withFee = entries.find(
      (e) => e.version.status === 'published' && e.version.fees[0]?.per === 'case',
    )!;
    const code = withFee.procedure.nationalCode;
    const newProcedure = {
      ...draftEntry(),
      procedure: { ...draftEntry().procedure, nationalCode: '9.000002' },
    };
    newProcedure.version = { ...newProcedure.version, nationalCode: '9.000002' };
    newProcedure.workflow = { ...newProcedure.workflow, nationalCode: '9.000002' };
    const file = await writeCatalogueWorkbook([...entries, newProcedure]);
    const { buffer, row } = await editCell(file, SHEET.fees, code, F.amount, 123_000);
    const res = await upload('qt.tinh', buffer);
    const body = expectProblem(res, 400, 'VALIDATION');
    expect(body.errors).toEqual([
      {
        path: `${SHEET.fees}!${row}:${F.amount}`,
        message: 'Phiên bản đã công bố không được sửa: hãy tạo phiên bản mới',
      },
    ]);
    expect(await counts()).toEqual(before); // the new procedure 9.000002 was rolled back too
  });

  it('updates a draft version, and adds a new version and procedure', async () => {
    const entries = await collectCatalogue(t);
    const fresh = draftEntry();
    const code = '9.000003';
    const added = {
      procedure: { ...fresh.procedure, nationalCode: code },
      version: { ...fresh.version, nationalCode: code },
      workflow: { ...fresh.workflow, nationalCode: code },
    };
    const first = entries.find((e) => e.version.status === 'published')!;
    const next = {
      ...first,
      version: { ...draftEntry().version, nationalCode: first.procedure.nationalCode, version: 2 },
    };
    const file = await writeCatalogueWorkbook([...entries, added, next]);
    const { buffer } = await editCell(file, SHEET.procedures, DRAFT_CODE, P.feeNote, 'Miễn lệ phí (thử)');
    const res = await upload('qt.tinh', buffer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ procedures: 1, versions: 2, updated: 1, unchanged: SEED_CATALOGUE.length });
    const after = (await collectCatalogue(t)).find((e) => e.procedure.nationalCode === DRAFT_CODE)!;
    expect(after.version.feeNote).toBe('Miễn lệ phí (thử)');
  });

  it('exports as an attachment to any administrator; desk officers and anonymous callers are refused', async () => {
    const res = await (await t.login('qt.xa')).get('/api/catalogue/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toBe('attachment; filename="danh-muc-thu-tuc-20260302.xlsx"');
    const sheets = await readCatalogueWorkbook(res.rawPayload);
    expect(sheets[SHEET.procedures]).toHaveLength(SEED_CATALOGUE.length + 3); // + the import above
    expectProblem(await (await t.login('mc.xa')).get('/api/catalogue/export.xlsx'), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject('/api/catalogue/export.xlsx'), 401, 'UNAUTHENTICATED');
  });

  it('only a province administrator imports; a bad body is a 400/415 problem, never a 500', async () => {
    const file = await writeCatalogueWorkbook(await collectCatalogue(t));
    expectProblem(await upload('qt.xa', file), 403, 'FORBIDDEN');
    expectProblem(await upload('mc.xa', file), 403, 'FORBIDDEN');
    expectProblem(await upload('qt.tinh', Buffer.from('không phải excel')), 400, 'BAD_REQUEST');
    expectProblem(await upload('qt.tinh', '{"a":1}', 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await upload('qt.tinh', 'x,y', 'text/csv'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const emptyFile = Buffer.from(await empty.xlsx.writeBuffer());
    expectProblem(await upload('qt.tinh', emptyFile), 400, 'BAD_REQUEST');
  });
});
