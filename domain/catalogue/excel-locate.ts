/**
 * Maps a validation issue on a rebuilt catalogue entry (a zod path such as `version.fees.2.amount`) back to the
 * sheet, Excel row and column a clerk must fix.
 */
import type { SheetError } from './excel-cells.ts';
import { A, D, F, O, P, R, S, SHEET } from './excel-layout.ts';

/** Where the parts of one entry came from (Excel row numbers, in the order of the entry's arrays). */
export type EntryOrigin = {
  /** The version's row in "Thủ tục". */
  row: number;
  /** The first row of the procedure in "Thủ tục" (procedure columns are read from it). */
  procedureRow: number;
  documents: number[];
  fees: number[];
  fields: number[];
  results: number[];
  agencies: number[];
  steps: number[];
};

export type Place = Omit<SheetError, 'message'>;

const index = (v: PropertyKey | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

const at = (sheet: string, row: number, column?: string): Place => ({
  sheet,
  row,
  ...(column ? { column } : {}),
});

const versionColumns: Record<string, string> = {
  nationalCode: P.code,
  version: P.version,
  status: P.status,
  decisions: P.decisions,
  effectiveFrom: P.from,
  effectiveTo: P.to,
  legalBasis: P.legalBasis,
  limitNote: P.limitNote,
  feeNote: P.feeNote,
  onlineLevel: P.online,
  onlineForm: P.online,
  confirm: P.versionConfirm,
};

type Child = { sheet: string; rows: (o: EntryOrigin) => number[]; columns: Record<string, string> };

const children: Record<string, Child> = {
  requiredDocuments: {
    sheet: SHEET.documents,
    rows: (o) => o.documents,
    columns: {
      key: D.key,
      name: D.name,
      kinds: D.kinds,
      count: D.count,
      mandatory: D.mandatory,
      templateFile: D.template,
      note: D.note,
    },
  },
  fees: {
    sheet: SHEET.fees,
    rows: (o) => o.fees,
    columns: {
      key: F.key,
      name: F.name,
      nature: F.nature,
      per: F.per,
      amount: F.amount,
      onlineAmount: F.onlineAmount,
      tiers: F.tiers,
      onlineTiers: F.onlineTiers,
      minPerCopy: F.min,
      maxPerCopy: F.max,
      condition: F.condition,
      freeConditions: F.free,
      legalBasis: F.basis,
      note: F.note,
    },
  },
  resultDocuments: {
    sheet: SHEET.results,
    rows: (o) => o.results,
    columns: { name: R.name, electronic: R.electronic },
  },
  implementingAgencies: {
    sheet: SHEET.agencies,
    rows: (o) => o.agencies,
    columns: { name: A.name, kind: A.kind, level: A.level, role: A.role },
  },
};

const fieldColumns: Record<string, string> = {
  key: O.key,
  label: O.label,
  type: O.type,
  required: O.required,
  help: O.help,
};

const stepColumns: Record<string, string> = {
  key: S.key,
  name: S.name,
  kind: S.kind,
  role: S.role,
  unit: S.unit,
  budgetHours: S.hours,
  pausesClock: S.pauses,
  next: S.next,
  sendBack: S.sendBack,
};

const workflowColumns: Record<string, string> = {
  nationalCode: S.code,
  agencyKind: S.agencyKind,
  agencyCode: S.agencyCode,
  name: S.workflowName,
};

const procedureColumn = (field: PropertyKey | undefined, sub: PropertyKey | undefined) => {
  if (field === 'sector') return sub === 'name' ? P.sectorName : P.sectorCode;
  const map: Record<string, string> = {
    nationalCode: P.code,
    name: P.name,
    levels: P.levels,
    confirm: P.procConfirm,
  };
  return map[String(field)];
};

/** An issue about the whole workflow (path `steps`): the budget total points at the hours, a loop at the moves. */
const wholeWorkflowColumn = (message: string | undefined) =>
  message?.startsWith('Tổng thời gian') ? S.hours : S.next;

/**
 * The cell of an issue at `path` of a `Workflow` whose steps are the Excel rows `rows` of `sheet` (one row per
 * step; the workflow's own columns, `fields`, are read from its first row). Undefined when there is no row.
 */
export function locateSteps(
  sheet: string,
  rows: readonly number[],
  fields: Readonly<Record<string, string>>,
  path: readonly PropertyKey[],
  message?: string,
): Place | undefined {
  const [field, i, sub, subSub] = path;
  const stepRow = field === 'steps' ? rows[index(i) ?? -1] : undefined;
  if (stepRow !== undefined) {
    if (sub === 'agency') {
      const column = subSub === 'name' ? S.otherName : subSub === 'agencyCode' ? S.otherCode : S.otherKind;
      return at(sheet, stepRow, column);
    }
    // an issue about the step itself (e.g. unreachable) points at its code
    return at(sheet, stepRow, sub === undefined ? S.key : stepColumns[String(sub)]);
  }
  if (rows[0] === undefined) return undefined;
  if (field === 'steps' && i === undefined) return at(sheet, rows[0], wholeWorkflowColumn(message));
  return at(sheet, rows[0], fields[String(field)]);
}

const locateWorkflow = (o: EntryOrigin, path: readonly PropertyKey[], message?: string): Place =>
  locateSteps(SHEET.steps, o.steps, workflowColumns, path, message) ?? at(SHEET.procedures, o.row);

/** The cell (or row) an issue at `path` of a `CatalogueEntry` points at (`message` tells whole-workflow issues apart). */
export function locate(o: EntryOrigin, path: readonly PropertyKey[], message?: string): Place {
  const [part, field, i, sub] = path;
  if (part === 'procedure') return at(SHEET.procedures, o.procedureRow, procedureColumn(field, i));
  if (part === 'workflow') return locateWorkflow(o, path.slice(1), message);
  if (field === 'onlineForm' && i === 'fields') {
    const row = o.fields[index(sub) ?? -1];
    if (row !== undefined) {
      const column = fieldColumns[String(path[4])] ?? (path[4] === undefined ? undefined : O.extra);
      return at(SHEET.fields, row, column);
    }
    return at(o.fields[0] === undefined ? SHEET.procedures : SHEET.fields, o.fields[0] ?? o.row);
  }
  const child = children[String(field)];
  const childRow = child?.rows(o)[index(i) ?? -1];
  if (child && childRow !== undefined) return at(child.sheet, childRow, child.columns[String(sub)]);
  if (field === 'legalLimit')
    return at(SHEET.procedures, o.row, i === undefined ? P.legalKind : P.legalValue);
  if (field === 'localLimit')
    return at(SHEET.procedures, o.row, i === undefined ? P.localKind : P.localValue);
  return at(SHEET.procedures, o.row, versionColumns[String(field)]);
}

/** zod's built-in messages are English; clerks read Vietnamese. Our own (custom) messages pass through. */
export function vietnameseMessage(issue: { code: string; message: string; keys?: string[] }): string {
  if (!/^(Invalid|Too|Unrecognized|Expected|Required)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'Thiếu giá trị hoặc giá trị sai kiểu';
    case 'unrecognized_keys':
      return `Cột không dùng cho loại này: ${(issue.keys ?? []).join(', ')}`;
    case 'too_small':
      return 'Giá trị quá nhỏ hoặc thiếu';
    case 'too_big':
      return 'Giá trị quá lớn hoặc quá dài';
    case 'invalid_format':
      return 'Giá trị không đúng định dạng';
    default:
      return 'Giá trị không hợp lệ';
  }
}
