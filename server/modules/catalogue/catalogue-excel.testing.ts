/** Helpers of the catalogue workbook tests: a canonical dump of the stored catalogue, and editing one cell. */
import ExcelJS from 'exceljs';
import { P } from '../../../domain/catalogue/excel-layout.ts';
import type { Db } from '../../db/client.ts';
import { findAgenciesByIds } from '../agencies/agencies.repository.ts';
import * as repo from './catalogue.repository.ts';

/**
 * The stored catalogue as the application reads it, without ids: procedures, versions, and every workflow with
 * its procedure's code and its agency's code, in a fixed order.
 */
export async function dumpCatalogue(db: Db) {
  const all = await repo.listProcedures(db);
  const codeOf = new Map(all.map((p) => [p.id, p.nationalCode]));
  const workflows = await repo.listWorkflows(
    db,
    all.map((p) => p.id),
  );
  const agencyIds = workflows.flatMap((w) => (w.agencyId ? [w.agencyId] : []));
  const agencyCodeOf = new Map((await findAgenciesByIds(db, agencyIds)).map((a) => [a.id, a.agencyCode]));
  const key = (...parts: unknown[]) => parts.map(String).join(' ');
  return {
    procedures: all.map(({ id: _id, ...p }) => p),
    versions: (await repo.listAllVersions(db))
      .map((v) => v.version)
      .sort((a, b) => key(a.nationalCode, a.version).localeCompare(key(b.nationalCode, b.version))),
    workflows: workflows
      .map((w) => ({
        procedure: codeOf.get(w.procedureId),
        agency: w.agencyId === null ? null : agencyCodeOf.get(w.agencyId),
        workflow: w.workflow,
      }))
      .sort((a, b) =>
        key(a.procedure, a.workflow.agencyKind, a.agency).localeCompare(
          key(b.procedure, b.workflow.agencyKind, b.agency),
        ),
      ),
  };
}

/**
 * Edits one cell of the workbook (found by sheet, national code and column) and returns its Excel row; with
 * `every`, the column of every row of that code (all the steps of a workflow).
 */
export async function editCell(
  buffer: Buffer,
  sheet: string,
  code: string,
  column: string,
  value: ExcelJS.CellValue,
  every = false,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  const headers = ws.getRow(1).values as unknown[];
  let found = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && (every || !found) && row.getCell(headers.indexOf(P.code)).value === code) {
      row.getCell(headers.indexOf(column)).value = value;
      found ||= n;
    }
  });
  if (!found) throw new Error(`no row for ${code} in ${sheet}`);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), row: found };
}
