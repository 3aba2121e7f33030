import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry } from './entry.ts';
import type { SheetRow, Sheets } from './excel-cells.ts';
import { F, P, S, SHEET, W } from './excel-layout.ts';
import { entriesToSheets, sheetsToEntries } from './excel-rows.ts';
import { publishVersion } from './versioning.ts';

const seed = () => SEED_CATALOGUE.map((e) => CatalogueEntry.parse(e));
const rowsOf = (sheets: Sheets, sheet: string, code: string) =>
  sheets[sheet]!.map((row, i) => ({ row, excelRow: i + 2 })).filter((r) => r.row[P.code] === code);
const edit = (sheets: Sheets, sheet: string, code: string, n: number, patch: SheetRow) => {
  const found = rowsOf(sheets, sheet, code)[n]!;
  Object.assign(found.row, patch);
  return found.excelRow;
};

describe('catalogue workbook rows', () => {
  it('round-trips all seed entries, drafts and published', () => {
    const entries = seed();
    const published = entries.map((e) => ({
      ...e,
      version: {
        ...publishVersion(e.version, {
          action: 'published',
          number: '1/QĐ-UBND',
          date: '2025-07-01',
          issuer: 'UBND tỉnh | thử',
        }).published,
        version: 2,
      },
    }));
    const all = [...entries, ...published];
    const back = sheetsToEntries(entriesToSheets(all));
    expect(back.errors).toEqual([]);
    expect(back.entries).toEqual(all);
    expect(entries.length).toBe(27);
  });

  it('names sheet, row and column of a bad code, a bad limit and a step to nowhere', () => {
    const sheets = entriesToSheets(seed());
    const [first, second, third] = seed();
    const codeRow = edit(sheets, SHEET.procedures, first!.procedure.nationalCode, 0, { [P.code]: '1.2' });
    // the child rows of the first entry now point at a version that is not in "Thủ tục"
    const limitRow = edit(sheets, SHEET.procedures, second!.procedure.nationalCode, 0, {
      [P.localValue]: 'mười',
    });
    const stepRow = edit(sheets, SHEET.steps, third!.procedure.nationalCode, 0, { [S.next]: 'khongCo' });
    const { errors, entries } = sheetsToEntries(sheets);
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: SHEET.procedures, row: limitRow, column: P.localValue }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        sheet: SHEET.steps,
        row: stepRow,
        column: S.next,
        message: expect.stringContaining('khongCo'),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: SHEET.procedures, row: codeRow, column: P.code }),
    );
    expect(entries.map((e) => e.procedure.nationalCode)).not.toContain(second!.procedure.nationalCode);
  });

  it('reads dates typed as Excel serials or ISO, amounts with thousands dots, and labels or codes', () => {
    const sheets = entriesToSheets(seed());
    const code = seed()[0]!.procedure.nationalCode;
    edit(sheets, SHEET.procedures, code, 0, { [P.from]: 45839, [P.to]: '2030-12-31', [P.online]: 'none' });
    const feeRows = rowsOf(sheets, SHEET.fees, code);
    if (feeRows.length && feeRows[0]!.row[F.per] !== 'Trang')
      Object.assign(feeRows[0]!.row, { [F.amount]: '1.000.000' });
    const { errors, entries } = sheetsToEntries(sheets);
    expect(errors).toEqual([]);
    const v = entries.find((e) => e.procedure.nationalCode === code)!.version;
    expect(v.effectiveFrom).toBe('2025-07-01');
    expect(v.effectiveTo).toBe('2030-12-31');
    expect(v.onlineLevel).toBe('none');
    const fee = v.fees[0];
    if (fee && fee.per !== 'page') expect(fee.amount).toBe(1_000_000);
  });

  it('refuses a child row of an unknown version and a duplicate version row', () => {
    const sheets = entriesToSheets(seed());
    const code = seed()[0]!.procedure.nationalCode;
    const dup = { ...sheets[SHEET.procedures]![0]! };
    sheets[SHEET.procedures]!.push(dup);
    edit(sheets, SHEET.steps, code, 0, { [P.version]: 9 });
    const { errors } = sheetsToEntries(sheets);
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: SHEET.procedures, row: sheets[SHEET.procedures]!.length + 1 }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ sheet: SHEET.steps, row: 2, column: P.version }));
  });

  it('round-trips the workflows of single agencies; refuses an unreachable step and a duplicate of «Quy trình»', () => {
    const entries = seed();
    const [first, second] = entries;
    const own = (e: CatalogueEntry, agencyCode: string) => ({
      ...e.workflow,
      agencyCode,
      name: `Quy trình riêng của ${agencyCode}`,
    });
    const mine = [own(first!, '000.01.23.H99'), own(second!, '000.02.23.H99')];
    const back = sheetsToEntries(entriesToSheets(entries, mine));
    expect(back.errors).toEqual([]);
    expect(back.agencyWorkflows.map((w) => w.workflow)).toEqual(mine);
    const steps = first!.workflow.steps.length;
    expect(back.agencyWorkflows[0]!.rows).toEqual(Array.from({ length: steps }, (_, i) => i + 2));

    // the first step moves straight to approval: the appraisal step can no longer be reached
    const sheets = entriesToSheets(entries, mine);
    const rows = rowsOf(sheets, SHEET.agencyWorkflows, first!.procedure.nationalCode);
    Object.assign(rows[0]!.row, { [W.next]: 'approve' });
    // the second agency's workflow is also given as the version's own workflow in «Quy trình»
    const stepRow = rowsOf(sheets, SHEET.steps, second!.procedure.nationalCode)[0]!.excelRow;
    for (const { row } of rowsOf(sheets, SHEET.steps, second!.procedure.nationalCode))
      row[S.agencyCode] = '000.02.23.H99';
    const { errors, agencyWorkflows } = sheetsToEntries(sheets);
    const secondRow = rowsOf(sheets, SHEET.agencyWorkflows, second!.procedure.nationalCode)[0]!.excelRow;
    expect(errors).toEqual([
      {
        sheet: SHEET.agencyWorkflows,
        row: rows[1]!.excelRow,
        column: W.key,
        message: `Bước «${first!.workflow.steps[1]!.name}» không thể đến được từ bước đầu tiên`,
      },
      {
        sheet: SHEET.agencyWorkflows,
        row: secondRow,
        column: W.agencyCode,
        message: `Quy trình riêng của cơ quan 000.02.23.H99 đã có ở sheet «${SHEET.steps}», dòng ${stepRow}`,
      },
    ]);
    expect(agencyWorkflows).toEqual([]);
  });
});
