/**
 * Biểu 06/VPCP/KSTT, stage 3: cells (counts per competent agency × procedure, from a recount or from aggregates)
 * grouped into the rows of the form, and the checks every report must pass.
 *
 * - by agency: one row per direct child unit of the chosen agency, each rolled up over its whole subtree, plus a
 *   row for the dossiers the chosen agency decides itself (scope `own`). Drill down by choosing a child.
 * - by sector / by procedure: over the whole subtree of the chosen agency.
 * So the rows partition the report: the total is the sum of the rows, column by column. Rows with no dossier are
 * left out.
 */
import { z } from 'zod';
import { IsoDate, sortVi, viCollator } from '../shared/text.ts';
import {
  addCounts,
  FORM06_COLUMNS,
  type Form06Cell,
  Form06Counts,
  Form06Period,
  holdsIdentity,
  inProgressTotal,
  receivedTotal,
  resolvedTotal,
  zeroCounts,
} from './form06.ts';

export const Form06GroupBy = z.enum(['agency', 'sector', 'procedure']);
export type Form06GroupBy = z.infer<typeof Form06GroupBy>;

const Count = z.number().int().nonnegative();

/** GET /api/reports/form06 (and .xlsx): which agency, which days (inclusive, Vietnam time), rows of what. */
export const Form06Query = z.strictObject({
  agencyId: z.uuid('Mã đơn vị không hợp lệ'),
  from: IsoDate,
  to: IsoDate,
  groupBy: Form06GroupBy.default('sector'),
  /**
   * `aggregates` (default): from the daily counters kept with the events; `recount`: straight from the dossiers and
   * their events (slower; the reference the counters are checked against — the answers are the same).
   */
  source: z.enum(['aggregates', 'recount']).default('aggregates'),
});
export type Form06Query = z.infer<typeof Form06Query>;

export const Form06Row = Form06Counts.extend({
  /** Agency id, sector code or procedure code; `total` for the total row. */
  key: z.string(),
  /** Agency code (mã định danh), sector code or national procedure code. */
  code: z.string().nullable(),
  label: z.string(),
  /** Agency rows: `own` = decided by the chosen agency itself; `subtree` = a child unit and all below it. */
  scope: z.enum(['own', 'subtree']).nullable(),
  /** Procedure rows: the sector the procedure belongs to. */
  sectorName: z.string().nullable(),
  received: Count,
  resolved: Count,
  inProgress: Count,
});
export type Form06Row = z.infer<typeof Form06Row>;

export const Form06Report = z.object({
  agency: z.object({ id: z.uuid(), name: z.string(), agencyCode: z.string().nullable() }),
  period: Form06Period,
  /** The moment "in progress" was judged at: the end of the period, or now while it is running. */
  asOf: z.iso.datetime(),
  groupBy: Form06GroupBy,
  rows: z.array(Form06Row),
  total: Form06Row,
});
export type Form06Report = z.infer<typeof Form06Report>;

export type AgencyNode = Readonly<{
  id: string;
  parentId: string | null;
  name: string;
  agencyCode: string | null;
}>;

type RowHead = Pick<Form06Row, 'key' | 'code' | 'label' | 'scope' | 'sectorName'>;

export function rowOf(head: RowHead, counts: Form06Counts): Form06Row {
  return {
    ...head,
    ...counts,
    received: receivedTotal(counts),
    resolved: resolvedTotal(counts),
    inProgress: inProgressTotal(counts),
  };
}

const countsOf = (row: Form06Row): Form06Counts =>
  Object.fromEntries(FORM06_COLUMNS.map((c) => [c, row[c]])) as Form06Counts;

const isEmpty = (c: Form06Counts): boolean => FORM06_COLUMNS.every((k) => c[k] === 0);

/** The child of `root` whose subtree holds `agencyId` (the root itself for its own dossiers). */
function branchOf(agencyId: string, rootId: string, parents: ReadonlyMap<string, string | null>): string {
  let id = agencyId;
  for (let guard = 0; guard < 1000; guard++) {
    if (id === rootId) return rootId;
    const parent = parents.get(id);
    if (parent === undefined || parent === null) break;
    if (parent === rootId) return id;
    id = parent;
  }
  throw new RangeError(`Đơn vị ${agencyId} không thuộc đơn vị được báo cáo`);
}

function groupByAgency(cells: readonly Form06Cell[], root: AgencyNode, agencies: readonly AgencyNode[]) {
  const parents = new Map(agencies.map((a) => [a.id, a.parentId]));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const sums = new Map<string, Form06Counts>();
  for (const cell of cells) {
    const branch = branchOf(cell.agencyId, root.id, parents);
    sums.set(branch, addCounts(sums.get(branch) ?? zeroCounts(), cell.counts));
  }
  const own = sums.get(root.id);
  const children = sortVi(
    [...sums.keys()].filter((id) => id !== root.id).map((id) => byId.get(id)!),
    (a) => a.name,
  );
  return [
    ...(own
      ? [
          rowOf(
            { key: root.id, code: root.agencyCode, label: root.name, scope: 'own', sectorName: null },
            own,
          ),
        ]
      : []),
    ...children.map((a) =>
      rowOf(
        { key: a.id, code: a.agencyCode, label: a.name, scope: 'subtree', sectorName: null },
        sums.get(a.id)!,
      ),
    ),
  ];
}

function groupByField(cells: readonly Form06Cell[], groupBy: 'sector' | 'procedure'): Form06Row[] {
  const groups = new Map<string, { head: RowHead; counts: Form06Counts }>();
  for (const cell of cells) {
    const head: RowHead =
      groupBy === 'sector'
        ? {
            key: cell.sectorCode,
            code: cell.sectorCode,
            label: cell.sectorName,
            scope: null,
            sectorName: null,
          }
        : {
            key: cell.procedureCode,
            code: cell.procedureCode,
            label: cell.procedureName,
            scope: null,
            sectorName: cell.sectorName,
          };
    const g = groups.get(head.key) ?? { head, counts: zeroCounts() };
    addCounts(g.counts, cell.counts);
    groups.set(head.key, g);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        viCollator.compare(a.head.sectorName ?? '', b.head.sectorName ?? '') ||
        viCollator.compare(a.head.label, b.head.label) ||
        a.head.key.localeCompare(b.head.key),
    )
    .map((g) => rowOf(g.head, g.counts));
}

export type BuildForm06Input = Readonly<{
  cells: readonly Form06Cell[];
  groupBy: Form06GroupBy;
  /** The chosen agency and every agency of its subtree (itself included). */
  root: AgencyNode;
  agencies: readonly AgencyNode[];
  period: Form06Period;
  asOf: Date;
}>;

export function buildForm06(input: BuildForm06Input): Form06Report {
  const { cells, groupBy, root } = input;
  const rows = (
    groupBy === 'agency' ? groupByAgency(cells, root, input.agencies) : groupByField(cells, groupBy)
  ).filter((r) => !isEmpty(countsOf(r)));
  const total = cells.reduce((sum, c) => addCounts(sum, c.counts), zeroCounts());
  return {
    agency: { id: root.id, name: root.name, agencyCode: root.agencyCode },
    period: input.period,
    asOf: input.asOf.toISOString(),
    groupBy,
    rows,
    total: rowOf({ key: 'total', code: null, label: 'Tổng cộng', scope: null, sectorName: null }, total),
  };
}

/**
 * What is wrong with a report (empty when it is right): a row (or the total) where received ≠ resolved + in
 * progress + withdrawn/stopped, a derived total that does not match its parts, or a total that is not the sum of
 * the rows.
 */
export function identityViolations(report: Form06Report): string[] {
  const problems: string[] = [];
  for (const row of [...report.rows, report.total]) {
    const c = countsOf(row);
    if (!holdsIdentity(c))
      problems.push(`${row.label}: tiếp nhận ≠ đã giải quyết + đang giải quyết + rút/dừng`);
    if (
      row.received !== receivedTotal(c) ||
      row.resolved !== resolvedTotal(c) ||
      row.inProgress !== inProgressTotal(c)
    )
      problems.push(`${row.label}: cột tổng số không bằng tổng các cột thành phần`);
  }
  const sum = report.rows.reduce((s, r) => addCounts(s, countsOf(r)), zeroCounts());
  for (const c of FORM06_COLUMNS) {
    if (sum[c] !== report.total[c]) problems.push(`Tổng cộng: cột ${c} không bằng tổng các dòng`);
  }
  return problems;
}
