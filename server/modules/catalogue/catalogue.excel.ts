/**
 * The procedure catalogue as an Excel workbook (docs/catalogue-excel.md): .xlsx bytes ⇄ sheet rows (exceljs), and
 * the export / all-or-nothing import services. The layout and validation are pure, in domain/catalogue/excel-*.
 */
import ExcelJS from 'exceljs';
import {
  type Cell,
  isBlankRow,
  type SheetError,
  type SheetRow,
  type Sheets,
} from '../../../domain/catalogue/excel-cells.ts';
import {
  agencyLabel,
  COLUMNS,
  DATE_COLUMNS,
  S,
  SHEET,
  type SheetKey,
  W,
  WIDTHS,
} from '../../../domain/catalogue/excel-layout.ts';
import { type EntryOrigin, locate } from '../../../domain/catalogue/excel-locate.ts';
import {
  type AgencyWorkflowRows,
  entriesToSheets,
  sheetsToEntries,
} from '../../../domain/catalogue/excel-rows.ts';
import { agencyWorkflowErrors, workflowLimit } from '../../../domain/catalogue/excel-workflows.ts';
import {
  type CatalogueEntry,
  type ProcedureVersion,
  validateWorkflow,
  type Workflow,
} from '../../../domain/catalogue/index.ts';
import type { Ctx } from '../../context.ts';
import { type Tx, withTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../access/access.ts';
import { findAgenciesByIds, findAgencyByCode } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { type CatalogueAction, canOnCatalogue } from './catalogue.policy.ts';
import * as repo from './catalogue.repository.ts';
import { findWorkflow } from './workflows.repository.ts';
import { checkZip } from './zip-guard.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FONT = 'Times New Roman';

const isoFromVi = (s: string) => s.split('/').reverse().join('-');
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Writes the rows as one workbook: a sheet per part, bold frozen header, Times New Roman, real dates. The
 * workflows of single agencies go to "Quy trình theo cơ quan" (pass them: `collectWorkbook` gives both).
 */
export async function writeCatalogueWorkbook(
  entries: readonly CatalogueEntry[],
  agencyWorkflows: readonly Workflow[] = [],
): Promise<Buffer> {
  const sheets = entriesToSheets(entries, agencyWorkflows);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  for (const [key, name] of Object.entries(SHEET) as [SheetKey, string][]) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers = Object.values(COLUMNS[key]);
    ws.columns = headers.map((h) => ({
      header: h,
      key: h,
      width: WIDTHS[h] ?? 18,
      style: {
        font: { name: FONT, size: 12 },
        alignment: { vertical: 'top', wrapText: true },
        ...(DATE_COLUMNS.includes(h) ? { numFmt: 'dd/mm/yyyy' } : {}),
      },
    }));
    ws.getRow(1).font = { name: FONT, size: 12, bold: true };
    for (const row of sheets[name] ?? []) {
      const values: Record<string, Cell | Date> = { ...row };
      for (const h of DATE_COLUMNS) {
        const v = row[h];
        if (typeof v === 'string') values[h] = new Date(`${isoFromVi(v)}T00:00:00Z`);
      }
      ws.addRow(values);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as the domain sees it: dates as dd/MM/yyyy, rich text and formulas as their text/result. */
const plain = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plain(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return null;
};

const unreadable = () =>
  new AppError(
    'BAD_REQUEST',
    'Không đọc được tệp: cần một bảng tính Excel (.xlsx) theo mẫu danh mục thủ tục',
  );

/**
 * What a catalogue workbook may inflate to: the whole national catalogue with its versions is a few MB; 200 MB and
 * a 200:1 ratio per entry leave room and still refuse a zip bomb before it is inflated.
 */
const WORKBOOK_LIMITS = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 2000 };

/** Reads the known sheets of a workbook as rows keyed by their header; unknown sheets are ignored. */
export async function readCatalogueWorkbook(buffer: Buffer): Promise<Sheets> {
  const verdict = checkZip(buffer, WORKBOOK_LIMITS);
  if (!verdict.ok) {
    throw verdict.reason === 'not a ZIP container'
      ? unreadable()
      : new AppError(
          'BAD_REQUEST',
          `Tệp bảng tính bất thường, không mở (${verdict.reason}): có thể là tệp nén độc hại`,
        );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const sheets: Sheets = {};
  for (const name of Object.values(SHEET)) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const headers = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const h = plain(cell.value);
      if (h !== null) headers.set(col, String(h).normalize('NFC').trim());
    });
    const rows: SheetRow[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row: SheetRow = Object.fromEntries([...headers.values()].map((h) => [h, null]));
      ws.getRow(r).eachCell((cell, col) => {
        const h = headers.get(col);
        if (h !== undefined) row[h] = plain(cell.value);
      });
      rows.push(row);
    }
    while (rows.length && isBlankRow(rows[rows.length - 1]!)) rows.pop();
    sheets[name] = rows;
  }
  if (Object.keys(sheets).length === 0) throw unreadable();
  return sheets;
}

// ——— services ———

function authorize(ctx: Pick<Ctx, 'actor'>, action: CatalogueAction) {
  requireActor(ctx as Ctx);
  if (!canOnCatalogue(ctx.actor, action)) throw new AppError('FORBIDDEN');
}

/** The workflow a version is exported with: the procedure's default one (no specific agency) first. */
const defaultWorkflow = (workflows: { agencyId: string | null; workflow: Workflow }[]) =>
  [...workflows].sort(
    (a, b) =>
      Number(a.agencyId !== null) - Number(b.agencyId !== null) ||
      a.workflow.agencyKind.localeCompare(b.workflow.agencyKind),
  )[0]?.workflow;

/** What the workbook carries: every version with its procedure's default workflow, and the agencies' own. */
export type WorkbookContent = { entries: CatalogueEntry[]; agencyWorkflows: Workflow[] };

/**
 * Everything stored: every version of every procedure, each with its procedure's default workflow; and every
 * other workflow of a single agency (keyed by the agency's current code), by procedure and agency code.
 */
export async function collectWorkbook(ctx: Pick<Ctx, 'db'>): Promise<WorkbookContent> {
  const procedures = await repo.listProcedures(ctx.db);
  const versions = await repo.listAllVersions(ctx.db);
  const workflows = await repo.listWorkflows(
    ctx.db,
    procedures.map((p) => p.id),
  );
  const agencyIds = [...new Set(workflows.flatMap((w) => (w.agencyId === null ? [] : [w.agencyId])))];
  const agencies = new Map((await findAgenciesByIds(ctx.db, agencyIds)).map((a) => [a.id, a]));
  const content: WorkbookContent = { entries: [], agencyWorkflows: [] };
  for (const { id, ...procedure } of procedures) {
    const own = workflows.filter((w) => w.procedureId === id);
    const workflow = defaultWorkflow(own);
    if (!workflow) continue; // every import stores a workflow; a procedure without one cannot round-trip
    for (const v of versions.filter((x) => x.procedureId === id))
      content.entries.push({ procedure, version: v.version, workflow });
    const single = own.flatMap(({ agencyId, workflow: w }) =>
      // the one already written as the versions' workflow (no default for this procedure) is not repeated
      agencyId === null || w === workflow
        ? []
        : [{ ...w, agencyCode: agencies.get(agencyId)?.agencyCode ?? w.agencyCode }],
    );
    single.sort((a, b) => (a.agencyCode ?? '').localeCompare(b.agencyCode ?? ''));
    content.agencyWorkflows.push(...single);
  }
  return content;
}

/** Every version of every procedure with its default workflow (without the agencies' own workflows). */
export async function collectCatalogue(ctx: Pick<Ctx, 'db'>): Promise<CatalogueEntry[]> {
  return (await collectWorkbook(ctx)).entries;
}

export async function exportCatalogueWorkbook(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>) {
  authorize(ctx, 'exportWorkbook');
  const day = new Date(ctx.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const { entries, agencyWorkflows } = await collectWorkbook(ctx);
  return {
    fileName: `danh-muc-thu-tuc-${day.replaceAll('-', '')}.xlsx`,
    buffer: await writeCatalogueWorkbook(entries, agencyWorkflows),
  };
}

export type WorkbookImportResult = {
  procedures: number;
  versions: number;
  updated: number;
  unchanged: number;
};

/** Key order does not matter: JSON with sorted keys. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The first place where an imported version differs from the stored one (a child row when it can). */
function firstDifference(stored: ProcedureVersion, incoming: ProcedureVersion): PropertyKey[] {
  const keys = [...new Set([...Object.keys(incoming), ...Object.keys(stored)])] as (keyof ProcedureVersion)[];
  for (const key of keys) {
    if (same(stored[key], incoming[key])) continue;
    const [a, b] =
      key === 'onlineForm'
        ? [stored.onlineForm?.fields, incoming.onlineForm?.fields]
        : [stored[key], incoming[key]];
    const path = key === 'onlineForm' ? ['version', 'onlineForm', 'fields'] : ['version', key];
    if (Array.isArray(a) && Array.isArray(b)) {
      const i = b.findIndex((item, n) => !same(item, a[n]));
      const [was, now] = [a[i] as unknown, b[i] as unknown];
      if (i >= 0 && isRecord(was) && isRecord(now)) {
        const field = Object.keys(now).find((k) => !same(was[k], now[k]));
        return field === undefined ? [...path, i] : [...path, i, field];
      }
      if (i >= 0) return [...path, i];
    }
    return ['version', key];
  }
  return ['version'];
}

const problemErrors = (errors: SheetError[]) =>
  errors.map((e) => ({ path: `${e.sheet}!${e.row}${e.column ? `:${e.column}` : ''}`, message: e.message }));

const invalid = (errors: SheetError[]) =>
  new AppError('VALIDATION', `Bảng tính có ${errors.length} lỗi: không nhập dòng nào`, {
    errors: problemErrors(errors),
  });

/**
 * Applies a workbook in one transaction, or nothing: new procedures and versions are inserted, a draft version
 * is rewritten, a version that left draft must be identical (published versions are immutable — dossiers pin
 * them). Workflows are upserted, those of single agencies after the versions (`applyAgencyWorkflows`). For the
 * command line (an operator on the server); HTTP goes through `importCatalogueWorkbook`, which checks the policy
 * first.
 */
export async function applyCatalogueWorkbook(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'requestId'>,
  buffer: Buffer,
): Promise<WorkbookImportResult> {
  const { entries, origins, agencyWorkflows, errors } = sheetsToEntries(await readCatalogueWorkbook(buffer));
  if (errors.length) throw invalid(errors);
  const result: WorkbookImportResult = { procedures: 0, versions: 0, updated: 0, unchanged: 0 };
  await withTransaction(ctx.db, async (tx) => {
    const refused: SheetError[] = [];
    for (const [i, e] of entries.entries()) {
      const origin = origins[i] as EntryOrigin;
      let changed = false;
      let procedure = await repo.findProcedureByCode(tx, e.procedure.nationalCode);
      const isNewProcedure = !procedure;
      if (!procedure) {
        procedure = await repo.insertProcedure(tx, e.procedure);
        result.procedures++;
      } else if (!same({ ...procedure, id: undefined }, e.procedure)) {
        await repo.updateProcedure(tx, procedure.id, e.procedure);
        changed = true;
      }
      const stored = await repo.findVersion(tx, procedure.id, e.version.version);
      if (!stored) await repo.insertVersion(tx, procedure.id, e.version);
      else if (same(stored.version, e.version)) {
        // identical: nothing to write
      } else if (stored.version.status === 'draft') {
        await repo.updateDraftVersion(tx, stored.id, e.version);
        changed = true;
      } else {
        refused.push({
          ...locate(origin, firstDifference(stored.version, e.version)),
          message: 'Phiên bản đã công bố không được sửa: hãy tạo phiên bản mới',
        });
        continue;
      }
      const code = e.workflow.agencyCode;
      const agency = code ? await findAgencyByCode(tx, code) : undefined;
      if (code && !agency) {
        refused.push({
          sheet: SHEET.steps,
          row: origin.steps[0]!,
          column: S.agencyCode,
          message: `Không có cơ quan mã ${code}`,
        });
        continue;
      }
      const current = (await repo.listWorkflows(tx, [procedure.id])).find(
        (w) => w.agencyId === (agency?.id ?? null) && w.workflow.agencyKind === e.workflow.agencyKind,
      );
      if (!current || !same(current.workflow, e.workflow)) {
        await repo.upsertWorkflow(tx, procedure.id, agency?.id ?? null, e.workflow);
        changed ||= !!current;
      }
      if (!stored) result.versions++;
      else if (changed && !isNewProcedure) result.updated++;
      else result.unchanged++;
    }
    const workflows = await applyAgencyWorkflows(tx, agencyWorkflows, refused);
    if (refused.length) throw invalid(refused);
    await recordAudit(tx, ctx, {
      action: 'catalogue.importWorkbook',
      targetType: 'catalogue',
      details: { ...result, entries: entries.length, agencyWorkflows: workflows },
    });
  });
  return result;
}

/**
 * Stores the workflows of single agencies ("Quy trình theo cơ quan"), as the workflow editor would: the agency
 * must exist and be of the workflow's kind, and the workflow must fit the committed limit of the versions now
 * stored (the workbook may hold only some of them). Refusals are added to `refused`; the caller rolls back.
 */
async function applyAgencyWorkflows(tx: Tx, workflows: readonly AgencyWorkflowRows[], refused: SheetError[]) {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const { workflow, rows } of workflows) {
    const refuse = (column: string, message: string) =>
      refused.push({ sheet: SHEET.agencyWorkflows, row: rows[0]!, column, message });
    const code = workflow.agencyCode!;
    const agency = await findAgencyByCode(tx, code);
    if (!agency) {
      refuse(W.agencyCode, `Không có cơ quan, đơn vị mã ${code}`);
      continue;
    }
    if (agency.kind !== workflow.agencyKind) {
      refuse(
        W.agencyKind,
        `${agency.name} (${code}) thuộc loại «${agencyLabel[agency.kind]}», không phải «${agencyLabel[workflow.agencyKind]}»`,
      );
      continue;
    }
    const procedure = await repo.findProcedureByCode(tx, workflow.nationalCode);
    if (!procedure) continue; // its own rows were refused above
    const limit = workflowLimit((await repo.listVersions(tx, procedure.id)).map((v) => v.version));
    const issues = limit ? validateWorkflow(workflow, limit) : [];
    if (issues.length) {
      refused.push(...agencyWorkflowErrors(rows, issues));
      continue;
    }
    const current = await findWorkflow(tx, procedure.id, workflow.agencyKind, agency.id);
    if (current && same(current, workflow)) {
      counts.unchanged++;
      continue;
    }
    await repo.upsertWorkflow(tx, procedure.id, agency.id, workflow);
    counts[current ? 'updated' : 'added']++;
  }
  return counts;
}

export async function importCatalogueWorkbook(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'requestId'>,
  buffer: Buffer,
): Promise<WorkbookImportResult> {
  authorize(ctx, 'importWorkbook');
  return applyCatalogueWorkbook(ctx, buffer);
}
