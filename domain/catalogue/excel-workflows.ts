/**
 * Workflow steps in the catalogue workbook (docs/catalogue-excel.md): the step cells shared by "Quy trình" and
 * "Quy trình theo cơ quan", and the workflows of single agencies — written one row per step, read back grouped
 * by (mã thủ tục, mã cơ quan) and checked by `validateWorkflow`, with errors naming sheet, row and column.
 */
import { bindingLimit } from './admin.ts';
import {
  type Cell,
  compact,
  excelRow,
  isBlankRow,
  RowReader,
  type SheetError,
  type SheetRow,
  type Sheets,
  yesNo,
} from './excel-cells.ts';
import * as L from './excel-layout.ts';
import { SHEET, W } from './excel-layout.ts';
import { locateSteps, type Place, vietnameseMessage } from './excel-locate.ts';
import type { TimeLimit } from './limits.ts';
import type { ProcedureVersion } from './procedure.ts';
import { validateWorkflow, Workflow, type WorkflowStep } from './workflow.ts';

const keyList = (keys: readonly string[]): Cell => (keys.length ? keys.join(', ') : null);

/** The step columns of one row (the same headers in both workflow sheets). */
export function stepCells(s: WorkflowStep): SheetRow {
  const other = s.agency.ref === 'other' ? s.agency : undefined;
  return {
    [W.key]: s.key,
    [W.name]: s.name,
    [W.kind]: L.stepLabel[s.kind],
    [W.role]: L.staffRoleLabel[s.role],
    [W.unit]: s.unit ?? null,
    [W.otherKind]: other ? L.agencyLabel[other.kind] : null,
    [W.otherCode]: other?.agencyCode ?? null,
    [W.otherName]: other?.name ?? null,
    [W.hours]: s.budgetHours,
    [W.pauses]: yesNo(s.pausesClock),
    [W.next]: keyList(s.next),
    [W.sendBack]: keyList(s.sendBack),
  };
}

/** One step from its row; cell errors go to the reader, the rest is left to the `Workflow` schema. */
export function readStep(r: RowReader): Record<string, unknown> {
  const otherName = r.text(W.otherName);
  const otherKind = r.oneOf(W.otherKind, L.agencyLabel);
  const otherCode = r.text(W.otherCode);
  const isOther = otherName !== undefined || otherKind !== undefined || otherCode !== undefined;
  return compact({
    key: r.text(W.key),
    name: r.text(W.name),
    kind: r.oneOf(W.kind, L.stepLabel),
    role: r.oneOf(W.role, L.staffRoleLabel),
    unit: r.text(W.unit),
    agency: isOther
      ? compact({ ref: 'other', kind: otherKind, agencyCode: otherCode, name: otherName })
      : undefined,
    budgetHours: r.number(W.hours),
    pausesClock: r.bool(W.pauses),
    next: r.list(W.next, /[,;\s]+/),
    sendBack: r.list(W.sendBack, /[,;\s]+/),
  });
}

/** "Quy trình theo cơ quan": one row per step of every workflow of a single agency, in the given order. */
export const agencyWorkflowRows = (workflows: readonly Workflow[]): SheetRow[] =>
  workflows.flatMap((w) =>
    w.steps.map((s) => ({
      [W.code]: w.nationalCode,
      [W.agencyCode]: w.agencyCode,
      [W.agencyKind]: L.agencyLabel[w.agencyKind],
      [W.workflowName]: w.name,
      ...stepCells(s),
    })),
  );

/**
 * The committed limit a procedure's workflows must fit in: the shorter of the published version's and the open
 * draft's, as in the workflow editor (`bindingLimit`); for a procedure with neither, its newest version's.
 */
export function workflowLimit(versions: readonly ProcedureVersion[]): TimeLimit | undefined {
  const binding = bindingLimit(versions);
  if (binding) return binding.localLimit;
  return [...versions].sort((a, b) => b.version - a.version)[0]?.localLimit;
}

/** A workflow of one agency read from the workbook, with the Excel rows of its steps. */
export type AgencyWorkflowRows = { workflow: Workflow; rows: number[] };

const workflowFields: Record<string, string> = {
  nationalCode: W.code,
  agencyKind: W.agencyKind,
  agencyCode: W.agencyCode,
  name: W.workflowName,
};

/** The cell an issue at `path` of a workflow read from "Quy trình theo cơ quan" rows `rows` points at. */
export const locateAgencyWorkflow = (
  rows: readonly number[],
  path: readonly PropertyKey[],
  message?: string,
) =>
  locateSteps(SHEET.agencyWorkflows, rows, workflowFields, path, message) ??
  ({ sheet: SHEET.agencyWorkflows, row: 1 } satisfies Place);

/** `validateWorkflow` issues (paths like `steps.2.next.0`) of a "Quy trình theo cơ quan" workflow, at their cells. */
export const agencyWorkflowErrors = (
  rows: readonly number[],
  issues: readonly { path: string; message: string }[],
): SheetError[] =>
  issues.map((i) => ({
    ...locateAgencyWorkflow(rows, i.path === '' ? [] : i.path.split('.'), i.message),
    message: i.message,
  }));

/** What the rest of the workbook says about the procedures the agency workflows belong to. */
export type WorkflowContext = {
  /** National codes written in "Thủ tục" (valid or not). */
  codes: ReadonlySet<string>;
  /** The valid versions of each procedure, by national code. */
  versions: ReadonlyMap<string, readonly ProcedureVersion[]>;
  /** `code agencyCode` → first row in "Quy trình", for agency workflows already given as a version's workflow. */
  inSteps: ReadonlyMap<string, number>;
};

export const agencyKey = (code: string, agencyCode: string) => `${code} ${agencyCode.trim().toUpperCase()}`;

type Group = {
  head: Record<string, unknown>;
  steps: Record<string, unknown>[];
  rows: number[];
  broken: boolean;
};

/**
 * Reads "Quy trình theo cơ quan": rows with the same (mã thủ tục, mã cơ quan) are the steps of one workflow, in
 * row order; the agency kind and the workflow's name are read from its first row. Each workflow must pass the
 * `Workflow` schema and `validateWorkflow` against `workflowLimit` of its procedure's versions in the workbook.
 * Whether the agency exists (and is of that kind) is for the server to check.
 */
export function readAgencyWorkflows(
  sheets: Sheets,
  context: WorkflowContext,
  errors: SheetError[],
): AgencyWorkflowRows[] {
  const groups = new Map<string, Group>();
  (sheets[SHEET.agencyWorkflows] ?? []).forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const r = new RowReader(SHEET.agencyWorkflows, excelRow(i), cells, errors);
    const code = r.text(W.code);
    const agencyCode = r.text(W.agencyCode);
    if (code === undefined || agencyCode === undefined) {
      r.error(code === undefined ? W.code : W.agencyCode, 'Thiếu mã thủ tục hoặc mã cơ quan');
      return;
    }
    if (!context.codes.has(code)) {
      r.error(W.code, `Không có thủ tục ${code} trong sheet «${SHEET.procedures}»`);
      return;
    }
    const key = agencyKey(code, agencyCode);
    const before = errors.length;
    let group = groups.get(key);
    if (!group) {
      group = {
        head: compact({
          nationalCode: code,
          agencyKind: r.oneOf(W.agencyKind, L.agencyLabel),
          agencyCode,
          name: r.text(W.workflowName),
        }),
        steps: [],
        rows: [],
        broken: false,
      };
      groups.set(key, group);
    }
    group.steps.push(readStep(r));
    group.rows.push(r.row);
    if (errors.length > before) group.broken = true;
  });

  const out: AgencyWorkflowRows[] = [];
  for (const [key, { head, steps, rows, broken }] of groups) {
    if (broken) continue;
    const first = rows[0]!;
    const inSteps = context.inSteps.get(key);
    if (inSteps !== undefined) {
      errors.push({
        sheet: SHEET.agencyWorkflows,
        row: first,
        column: W.agencyCode,
        message: `Quy trình riêng của cơ quan ${String(head.agencyCode)} đã có ở sheet «${SHEET.steps}», dòng ${inSteps}`,
      });
      continue;
    }
    const parsed = Workflow.safeParse({ ...head, steps });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          ...locateAgencyWorkflow(rows, issue.path, issue.message),
          message: vietnameseMessage(issue),
        });
      continue;
    }
    // The procedure's own rows have errors (reported in "Thủ tục"): its limit is unknown.
    const limit = workflowLimit(context.versions.get(String(head.nationalCode)) ?? []);
    if (limit === undefined) continue;
    const issues = validateWorkflow(parsed.data, limit);
    if (issues.length) errors.push(...agencyWorkflowErrors(rows, issues));
    else out.push({ workflow: parsed.data, rows });
  }
  return out;
}
