/**
 * Reading the rows of the catalogue workbook back into validated catalogue entries, with Vietnamese errors that
 * name the sheet, the Excel row and the column (docs/catalogue-excel.md).
 */
import { CatalogueEntry } from './entry.ts';
import {
  compact,
  excelRow,
  isBlankRow,
  parseDate,
  RowReader,
  type SheetError,
  type Sheets,
} from './excel-cells.ts';
import * as L from './excel-layout.ts';
import { A, D, F, KEY, O, P, R, S, SHEET } from './excel-layout.ts';
import { type EntryOrigin, locate, vietnameseMessage } from './excel-locate.ts';
import { type AgencyWorkflowRows, agencyKey, readAgencyWorkflows, readStep } from './excel-workflows.ts';
import type { TimeLimit } from './limits.ts';
import { NationalCode, type ProcedureVersion } from './procedure.ts';

const LINES = /\r?\n/;

const readLimit = (r: RowReader, kindCol: string, valueCol: string): TimeLimit | undefined => {
  const kind = r.oneOf(kindCol, L.limitKindLabel);
  const value = r.number(valueCol);
  if (kind === undefined) return undefined;
  if (kind === 'sameDay') return { sameDay: true };
  if (value === undefined) {
    r.error(valueCol, 'Thiếu số ngày hoặc số giờ');
    return undefined;
  }
  return { [kind]: value } as TimeLimit;
};

/** Lines of `a | b | c` (or a JSON array when the cell starts with "["). */
const readPiped = (
  r: RowReader,
  column: string,
  build: (parts: string[]) => unknown,
): unknown[] | undefined => {
  const text = r.text(column);
  if (text === undefined) return undefined;
  if (text.startsWith('[')) return r.json(column) as unknown[] | undefined;
  return (r.list(column, LINES) ?? []).map((line) => {
    const parts = line.split('|').map((s) => s.trim());
    // the last part (issuer, articles) may itself contain "|"
    return build([...parts.slice(0, 3), parts.slice(3).join(' | ')]);
  });
};

const optional = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);
const dateOf = (r: RowReader, column: string, s: string | undefined) => {
  if (optional(s) === undefined) return undefined;
  const iso = parseDate(s!);
  if (iso === undefined) r.error(column, `"${s}" không phải ngày dd/MM/yyyy`);
  return iso ?? s;
};

const readConfirm = (r: RowReader, column: string) =>
  r.list(column, LINES)?.map((line) => {
    const at = line.indexOf(':');
    return at < 0
      ? { field: line, note: '' }
      : { field: line.slice(0, at).trim(), note: line.slice(at + 1).trim() };
  });

function readVersionRow(r: RowReader, code: string) {
  const procedure = compact({
    nationalCode: code,
    name: r.text(P.name),
    sector: { code: r.text(P.sectorCode), name: r.text(P.sectorName) },
    levels: r.manyOf(P.levels, L.levelLabel, /[,;]/),
    confirm: readConfirm(r, P.procConfirm),
  });
  const version = compact({
    nationalCode: code,
    version: r.number(P.version),
    status: r.oneOf(P.status, L.versionStatusLabel),
    decisions: readPiped(r, P.decisions, ([action, number, date, issuer]) =>
      compact({
        action: optional(action) && r.labelOf(P.decisions, L.decisionLabel, action!),
        number: optional(number),
        date: dateOf(r, P.decisions, date),
        issuer: optional(issuer),
      }),
    ),
    effectiveFrom: r.date(P.from) ?? null,
    effectiveTo: r.date(P.to) ?? null,
    legalBasis: readPiped(r, P.legalBasis, ([number, title, issuedOn, articles]) =>
      compact({
        number: optional(number),
        title: optional(title),
        issuedOn: dateOf(r, P.legalBasis, issuedOn),
        articles: optional(articles),
      }),
    ),
    legalLimit: readLimit(r, P.legalKind, P.legalValue),
    localLimit: readLimit(r, P.localKind, P.localValue),
    limitNote: r.text(P.limitNote),
    feeNote: r.text(P.feeNote),
    onlineLevel: r.oneOf(P.online, L.onlineLabel),
    confirm: readConfirm(r, P.versionConfirm),
  });
  return { procedure, version };
}

type ListName = 'documents' | 'fees' | 'fields' | 'results' | 'agencies' | 'steps';

const readers: Record<ListName, { sheet: string; read: (r: RowReader) => Record<string, unknown> }> = {
  documents: {
    sheet: SHEET.documents,
    read: (r) =>
      compact({
        key: r.text(D.key),
        name: r.text(D.name),
        kinds: r.manyOf(D.kinds, L.kindLabel, /[;\n]/),
        count: r.number(D.count),
        mandatory: r.bool(D.mandatory),
        templateFile: r.text(D.template),
        note: r.text(D.note),
      }),
  },
  fees: {
    sheet: SHEET.fees,
    read: (r) =>
      compact({
        key: r.text(F.key),
        name: r.text(F.name),
        nature: r.oneOf(F.nature, L.natureLabel),
        per: r.oneOf(F.per, L.perLabel),
        amount: r.number(F.amount),
        onlineAmount: r.number(F.onlineAmount),
        tiers: r.json(F.tiers),
        onlineTiers: r.json(F.onlineTiers),
        minPerCopy: r.number(F.min),
        maxPerCopy: r.number(F.max),
        condition: r.text(F.condition),
        freeConditions: r.list(F.free, LINES),
        legalBasis: r.text(F.basis),
        note: r.text(F.note),
      }),
  },
  fields: {
    sheet: SHEET.fields,
    read: (r) => {
      const extra = r.json(O.extra);
      if (extra !== undefined && (typeof extra !== 'object' || extra === null || Array.isArray(extra)))
        r.error(O.extra, 'Thuộc tính khác phải là một đối tượng JSON {…}');
      return compact({
        ...(extra as object | undefined),
        key: r.text(O.key),
        label: r.text(O.label),
        type: r.oneOf(O.type, L.fieldTypeLabel),
        required: r.bool(O.required),
        help: r.text(O.help),
      });
    },
  },
  results: {
    sheet: SHEET.results,
    read: (r) => compact({ name: r.text(R.name), electronic: r.bool(R.electronic) }),
  },
  agencies: {
    sheet: SHEET.agencies,
    read: (r) =>
      compact({
        name: r.text(A.name),
        kind: r.oneOf(A.kind, L.agencyLabel),
        level: r.oneOf(A.level, L.levelLabel),
        role: r.oneOf(A.role, L.agencyRoleLabel),
      }),
  },
  steps: { sheet: SHEET.steps, read: readStep },
};

export type SheetsResult = {
  entries: CatalogueEntry[];
  origins: EntryOrigin[];
  /** "Quy trình theo cơ quan": the workflows of single agencies, beside the versions' own. */
  agencyWorkflows: AgencyWorkflowRows[];
  errors: SheetError[];
};

type Draft = {
  procedure: Record<string, unknown>;
  version: Record<string, unknown>;
  lists: Record<ListName, Record<string, unknown>[]>;
  workflow: Record<string, unknown> | undefined;
  origin: EntryOrigin;
  broken: boolean;
};

const draftKey = (code: string, version: number) => `${code} v${version}`;

/**
 * Rebuilds and validates catalogue entries from the workbook's rows. Blank rows are skipped. Every error names
 * its sheet, Excel row and (when known) column; an entry with a cell error is not validated further, so one
 * mistake gives one message.
 */
export function sheetsToEntries(sheets: Sheets): SheetsResult {
  const errors: SheetError[] = [];
  const drafts = new Map<string, Draft>();
  const firstRowOf = new Map<string, { row: number; procedure: string }>();

  const versionRows = sheets[SHEET.procedures];
  if (!versionRows)
    errors.push({ sheet: SHEET.procedures, row: 1, message: `Thiếu sheet «${SHEET.procedures}»` });
  (versionRows ?? []).forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const r = new RowReader(SHEET.procedures, excelRow(i), cells, errors);
    const before = errors.length;
    const code = r.text(P.code);
    const version = r.number(P.version);
    if (code === undefined || version === undefined) {
      r.error(code === undefined ? P.code : P.version, 'Thiếu mã thủ tục hoặc số phiên bản');
      return;
    }
    const codeCheck = NationalCode.safeParse(code);
    if (!codeCheck.success) r.error(P.code, codeCheck.error.issues[0]!.message);
    const key = draftKey(code, version);
    if (drafts.has(key)) {
      r.error(
        P.version,
        `Phiên bản ${version} của thủ tục ${code} đã có ở dòng ${drafts.get(key)!.origin.row}`,
      );
      return;
    }
    const { procedure, version: v } = readVersionRow(r, code);
    const first = firstRowOf.get(code);
    const text = JSON.stringify(procedure);
    if (first === undefined) firstRowOf.set(code, { row: r.row, procedure: text });
    else if (first.procedure !== text)
      r.error(
        undefined,
        `Thông tin thủ tục ${code} (tên, lĩnh vực, cấp, ghi chú) khác với dòng ${first.row}`,
      );
    const origin: EntryOrigin = {
      row: r.row,
      procedureRow: first?.row ?? r.row,
      documents: [],
      fees: [],
      fields: [],
      results: [],
      agencies: [],
      steps: [],
    };
    const lists = { documents: [], fees: [], fields: [], results: [], agencies: [], steps: [] };
    drafts.set(key, {
      procedure,
      version: v,
      lists,
      workflow: undefined,
      origin,
      broken: errors.length > before,
    });
  });

  for (const [list, { sheet, read }] of Object.entries(readers) as [ListName, (typeof readers)[ListName]][]) {
    (sheets[sheet] ?? []).forEach((cells, i) => {
      if (isBlankRow(cells)) return;
      const r = new RowReader(sheet, excelRow(i), cells, errors);
      const code = r.text(KEY.code);
      const version = r.number(KEY.version);
      if (code === undefined || version === undefined) {
        r.error(code === undefined ? KEY.code : KEY.version, 'Thiếu mã thủ tục hoặc phiên bản');
        return;
      }
      const draft = drafts.get(draftKey(code, version));
      if (!draft) {
        r.error(
          KEY.version,
          `Không có phiên bản ${version} của thủ tục ${code} trong sheet «${SHEET.procedures}»`,
        );
        return;
      }
      const before = errors.length;
      draft.lists[list].push(read(r));
      draft.origin[list].push(r.row);
      if (list === 'steps' && draft.workflow === undefined)
        draft.workflow = compact({
          nationalCode: code,
          agencyKind: r.oneOf(S.agencyKind, L.agencyLabel),
          agencyCode: r.text(S.agencyCode),
          name: r.text(S.workflowName),
        });
      if (errors.length > before) draft.broken = true;
    });
  }

  const entries: CatalogueEntry[] = [];
  const origins: EntryOrigin[] = [];
  for (const d of drafts.values()) {
    if (d.broken) continue;
    if (d.workflow === undefined) {
      errors.push({
        sheet: SHEET.procedures,
        row: d.origin.row,
        message: `Chưa có bước nào trong sheet «${SHEET.steps}»`,
      });
      continue;
    }
    const { documents, fees, fields, results, agencies, steps } = d.lists;
    const parsed = CatalogueEntry.safeParse({
      procedure: d.procedure,
      version: {
        ...d.version,
        requiredDocuments: documents,
        fees,
        onlineForm: fields.length ? { fields } : null,
        resultDocuments: results,
        implementingAgencies: agencies,
      },
      workflow: { ...d.workflow, steps },
    });
    if (parsed.success) {
      entries.push(parsed.data);
      origins.push(d.origin);
    } else
      for (const issue of parsed.error.issues)
        errors.push({ ...locate(d.origin, issue.path, issue.message), message: vietnameseMessage(issue) });
  }

  const versions = new Map<string, ProcedureVersion[]>();
  const inSteps = new Map<string, number>();
  entries.forEach((e, i) => {
    const code = e.procedure.nationalCode;
    versions.set(code, [...(versions.get(code) ?? []), e.version]);
    if (e.workflow.agencyCode !== null)
      inSteps.set(agencyKey(code, e.workflow.agencyCode), origins[i]!.steps[0]!);
  });
  const agencyWorkflows = readAgencyWorkflows(
    sheets,
    { codes: new Set(firstRowOf.keys()), versions, inSteps },
    errors,
  );
  errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  return { entries, origins, agencyWorkflows, errors };
}

const sheetOrder = (name: string) => Object.values(SHEET).indexOf(name as never);
