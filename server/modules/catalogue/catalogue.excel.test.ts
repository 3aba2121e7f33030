import { count, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../../data/catalogue/index.ts';
import { F, P, S, SHEET, W } from '../../../domain/catalogue/excel-layout.ts';
import { CatalogueEntry, type Workflow } from '../../../domain/catalogue/index.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents, procedures, procedureVersions, procedureWorkflows } from '../../db/schema.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import {
  applyCatalogueWorkbook,
  collectCatalogue,
  collectWorkbook,
  readCatalogueWorkbook,
  writeCatalogueWorkbook,
  XLSX_TYPE,
} from './catalogue.excel.ts';
import { importCatalogue } from './catalogue.service.ts';
import { dumpCatalogue, editCell } from './catalogue-excel.testing.ts';

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

/** Communes with an electronic identifier, each with a workflow of its own for one procedure. */
const OWN = [
  { code: '1.004194', agencyCode: '000.01.23.H99', agency: 'Xã Có Mã' },
  { code: '1.001193', agencyCode: '000.02.23.H99', agency: 'Phường Thử' },
] as const;

/** The organisation the catalogue refers to (agencies are not part of the workbook). */
async function makeAgencies(db: Db) {
  const tree = await make.tree(db);
  for (const o of OWN)
    await make.agency(db, { parent: tree.province, name: o.agency, agencyCode: o.agencyCode });
  return tree;
}

/** Saves, through the workflow editor, each commune's own copy of the default workflow (shorter, with a unit). */
async function saveOwnWorkflows() {
  const admin = await t.login('qt.tinh');
  for (const o of OWN) {
    const url = `/api/catalogue/procedures/${o.code}/workflows`;
    const base = (await admin.get(url)).json().items[0] as Workflow;
    const own: Workflow = {
      ...base,
      agencyCode: o.agencyCode,
      name: `Quy trình riêng của ${o.agency}`,
      steps: base.steps.map((s, i) => ({
        ...s,
        budgetHours: s.budgetHours / 2,
        ...(i === 0 ? { unit: `Bộ phận một cửa ${o.agency}` } : {}),
      })),
    };
    const res = await admin.put(url, own);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
}

beforeAll(async () => {
  t = await makeTestApp();
  const tree = await makeAgencies(t.db);
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'qt.xa', grants: [{ role: 'admin', agency: tree.communeA }] });
  await make.user(t.db, { username: 'mc.xa', grants: [{ role: 'deskOfficer', agency: tree.centreA }] });
  await importCatalogue(ctx(), [...demoCatalogue(), draftEntry()]);
  await saveOwnWorkflows();
});
afterAll(() => t.close());

/** The errors of a refused import, as `sheet!row:column` and message. */
const refusal = async (buffer: Buffer) => {
  const err = await applyCatalogueWorkbook(ctx(), buffer).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'VALIDATION' });
  return (err as { extra: { errors: { path: string; message: string }[] } }).extra.errors;
};

const counts = async () => ({
  procedures: (await t.db.select({ n: count() }).from(procedures))[0]!.n,
  versions: (await t.db.select({ n: count() }).from(procedureVersions))[0]!.n,
  workflows: (await t.db.select({ n: count() }).from(procedureWorkflows))[0]!.n,
  // logins are audited too: count only catalogue imports
  audit: (
    await t.db.select({ n: count() }).from(auditEvents).where(like(auditEvents.action, 'catalogue.%'))
  )[0]!.n,
});

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
    const { entries: stored, agencyWorkflows } = await collectWorkbook(t);
    expect(stored).toHaveLength(SEED_CATALOGUE.length + 1);
    expect(agencyWorkflows.map((w) => [w.nationalCode, w.agencyCode])).toEqual(
      OWN.map((o) => [o.code, o.agencyCode]).sort(([a], [b]) => a!.localeCompare(b!)),
    );
    const buffer = await writeCatalogueWorkbook(stored, agencyWorkflows);
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
    expect(back.agencyWorkflows.map((w) => w.workflow)).toEqual(agencyWorkflows);
    const byCode = (x: CatalogueEntry, y: CatalogueEntry) =>
      x.procedure.nationalCode.localeCompare(y.procedure.nationalCode);
    const published = back.entries.filter((e) => e.version.status === 'published');
    expect(published).toEqual(demoCatalogue().sort(byCode));
  });

  it("export, then import into an empty database, gives the same catalogue, the agencies' own workflows included", async () => {
    const { entries, agencyWorkflows } = await collectWorkbook(t);
    const buffer = await writeCatalogueWorkbook(entries, agencyWorkflows);
    const empty = await makeTestApp();
    try {
      await makeAgencies(empty.db);
      const emptyCtx = { db: empty.db, actor: null, clock: empty.clock, requestId: 'test' };
      const result = await applyCatalogueWorkbook(emptyCtx, buffer);
      expect(result).toMatchObject({
        procedures: SEED_CATALOGUE.length + 1,
        versions: SEED_CATALOGUE.length + 1,
      });
      const copy = await dumpCatalogue(empty.db);
      expect(copy.workflows.filter((w) => w.agency !== null)).toHaveLength(OWN.length);
      expect(copy).toEqual(await dumpCatalogue(t.db));
    } finally {
      await empty.close();
    }
  });

  it('re-importing the export changes nothing but is audited', async () => {
    const before = await counts();
    const stored = await dumpCatalogue(t.db);
    const { entries, agencyWorkflows } = await collectWorkbook(t);
    const result = await applyCatalogueWorkbook(
      ctx(),
      await writeCatalogueWorkbook(entries, agencyWorkflows),
    );
    expect(result).toEqual({ procedures: 0, versions: 0, updated: 0, unchanged: SEED_CATALOGUE.length + 1 });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    expect(await dumpCatalogue(t.db)).toEqual(stored);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'catalogue.importWorkbook'));
    expect(audits).toHaveLength(1); // the first import of this file
    expect(audits[0]!.details).toMatchObject({
      agencyWorkflows: { added: 0, updated: 0, unchanged: OWN.length },
    });
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

  it("refuses bad rows of the agencies' own workflows (step kind, budget over the limit, unknown procedure), and changes nothing", async () => {
    const before = { counts: await counts(), catalogue: await dumpCatalogue(t.db) };
    const { entries, agencyWorkflows } = await collectWorkbook(t);
    const [own1, own2] = OWN;
    const stray = { ...agencyWorkflows[0]!, nationalCode: '9.999999' };
    const file = await writeCatalogueWorkbook(entries, [...agencyWorkflows, stray]);
    const kind = await editCell(file, SHEET.agencyWorkflows, own1.code, W.kind, 'Nấu cơm');
    const budget = await editCell(kind.buffer, SHEET.agencyWorkflows, own2.code, W.hours, 999);
    const errors = await refusal(budget.buffer);
    const at = (row: number, column: string) => `${SHEET.agencyWorkflows}!${row}:${column}`;
    expect(errors).toContainEqual({
      path: at(kind.row, W.kind),
      message: expect.stringMatching(/^"Nấu cơm" không hợp lệ; chọn một trong: Tiếp nhận hồ sơ/),
    });
    expect(errors).toContainEqual({
      path: at(budget.row, W.hours),
      message: expect.stringMatching(/^Tổng thời gian các bước \(.+ giờ\) vượt thời hạn cam kết/),
    });
    const strayRow = (await readCatalogueWorkbook(budget.buffer))[SHEET.agencyWorkflows]!.findIndex(
      (r) => r[W.code] === '9.999999',
    );
    expect(errors).toContainEqual({
      path: at(strayRow + 2, W.code),
      message: `Không có thủ tục 9.999999 trong sheet «${SHEET.procedures}»`,
    });
    expect(await counts()).toEqual(before.counts);
    expect(await dumpCatalogue(t.db)).toEqual(before.catalogue);
  });

  it('refuses an agency that does not exist or is of another kind, rolling back the rest of the workbook', async () => {
    const before = { counts: await counts(), catalogue: await dumpCatalogue(t.db) };
    const { entries, agencyWorkflows } = await collectWorkbook(t);
    const added = draftEntry();
    const code = '9.000004';
    const newProcedure = {
      procedure: { ...added.procedure, nationalCode: code },
      version: { ...added.version, nationalCode: code },
      workflow: { ...added.workflow, nationalCode: code },
    };
    const file = await writeCatalogueWorkbook([...entries, newProcedure], agencyWorkflows);
    const [own1, own2] = OWN;
    const unknown = await editCell(
      file,
      SHEET.agencyWorkflows,
      own1.code,
      W.agencyCode,
      '999.99.99.H99',
      true,
    );
    const wrongKind = await editCell(
      unknown.buffer,
      SHEET.agencyWorkflows,
      own2.code,
      W.agencyKind,
      'Tỉnh / thành phố',
    );
    const res = await upload('qt.tinh', wrongKind.buffer);
    const body = expectProblem(res, 400, 'VALIDATION');
    expect(body.errors).toEqual([
      {
        path: `${SHEET.agencyWorkflows}!${wrongKind.row}:${W.agencyKind}`,
        message: `${own2.agency} (${own2.agencyCode}) thuộc loại «Xã / phường / đặc khu», không phải «Tỉnh / thành phố»`,
      },
      {
        path: `${SHEET.agencyWorkflows}!${unknown.row}:${W.agencyCode}`,
        message: 'Không có cơ quan, đơn vị mã 999.99.99.H99',
      },
    ]);
    expect(await counts()).toEqual(before.counts); // procedure 9.000004 was rolled back too
    expect(await dumpCatalogue(t.db)).toEqual(before.catalogue);
  });

  it('a changed workflow of an agency replaces the stored one', async () => {
    const { entries, agencyWorkflows } = await collectWorkbook(t);
    const file = await writeCatalogueWorkbook(entries, agencyWorkflows);
    const [own1] = OWN;
    const { buffer } = await editCell(
      file,
      SHEET.agencyWorkflows,
      own1.code,
      W.workflowName,
      'Quy trình mới',
    );
    const result = await applyCatalogueWorkbook(ctx(), buffer);
    expect(result).toMatchObject({ procedures: 0, versions: 0, updated: 0 });
    const after = (await collectWorkbook(t)).agencyWorkflows;
    expect(after.find((w) => w.agencyCode === own1.agencyCode)?.name).toBe('Quy trình mới');
    expect(after.filter((w) => w.agencyCode !== own1.agencyCode)).toEqual(
      agencyWorkflows.filter((w) => w.agencyCode !== own1.agencyCode),
    );
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
    const ownSteps = (await collectWorkbook(t)).agencyWorkflows.flatMap((w) => w.steps);
    expect(sheets[SHEET.agencyWorkflows]).toHaveLength(ownSteps.length);
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
