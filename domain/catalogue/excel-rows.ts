/**
 * Catalogue entries ⇄ the rows of the catalogue workbook (docs/catalogue-excel.md). Pure: the server reads and
 * writes the .xlsx file; here are only plain cells. `sheetsToEntries(entriesToSheets(x, w))` gives back `x` (and `w`).
 */
import type { CatalogueEntry } from './entry.ts';
import { type Cell, type SheetRow, type Sheets, toViDate, yesNo } from './excel-cells.ts';
import * as L from './excel-layout.ts';
import { A, D, F, O, P, R, S, SHEET } from './excel-layout.ts';
import { agencyWorkflowRows, stepCells } from './excel-workflows.ts';
import type { TimeLimit } from './limits.ts';
import type { ConfirmNote, Decision, LegalDocument } from './procedure.ts';
import type { Workflow } from './workflow.ts';

export type { Cell, SheetError, SheetRow, Sheets } from './excel-cells.ts';
export type { EntryOrigin } from './excel-locate.ts';
export type { AgencyWorkflowRows } from './excel-workflows.ts';

const lines = (items: readonly string[]): Cell => (items.length ? items.join('\n') : null);
/** Parts of a line separated by " | ", trailing blanks dropped. */
const pipe = (parts: string[]): string => {
  const out = [...parts];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join(' | ');
};

const limitCells = (l: TimeLimit): [string, number | null] => {
  if ('workingDays' in l) return [L.limitKindLabel.workingDays, l.workingDays];
  if ('workingHours' in l) return [L.limitKindLabel.workingHours, l.workingHours];
  if ('sameDay' in l) return [L.limitKindLabel.sameDay, null];
  return [L.limitKindLabel.calendarDays, l.calendarDays];
};

const lawParts = (d: LegalDocument) => [
  d.number,
  d.title,
  d.issuedOn ? toViDate(d.issuedOn) : '',
  d.articles ?? '',
];
const decisionParts = (d: Decision) => [L.decisionLabel[d.action], d.number, toViDate(d.date), d.issuer];
/** One line per item; JSON when a part would not survive the " | " split (a "|" before the last part, a new line). */
const pipedCell = <T>(items: readonly T[], line: (item: T) => string[]): Cell => {
  const parts = items.map(line);
  const unsafe = parts.some((p) => p.some((x, i) => x.includes('\n') || (i < 3 && x.includes('|'))));
  return unsafe ? JSON.stringify(items) : lines(parts.map(pipe));
};
const confirmLine = (c: ConfirmNote) => `${c.field}: ${c.note}`;

/**
 * One workbook's rows for `entries`: one "Thủ tục" row per version, child rows keyed by (code, version); and the
 * workflows of single agencies (`agencyCode` set), one row per step keyed by (code, agency code).
 */
export function entriesToSheets(
  entries: readonly CatalogueEntry[],
  agencyWorkflows: readonly Workflow[] = [],
): Sheets {
  const sheets: Sheets = Object.fromEntries(Object.values(SHEET).map((name) => [name, []]));
  const push = (sheet: string, row: SheetRow) => sheets[sheet]!.push(row);
  for (const { procedure: p, version: v, workflow: w } of entries) {
    const key = { [P.code]: p.nationalCode, [P.version]: v.version };
    const [legalKind, legalValue] = limitCells(v.legalLimit);
    const [localKind, localValue] = limitCells(v.localLimit);
    push(SHEET.procedures, {
      ...key,
      [P.name]: p.name,
      [P.sectorCode]: p.sector.code,
      [P.sectorName]: p.sector.name,
      [P.levels]: p.levels.map((l) => L.levelLabel[l]).join(', '),
      [P.status]: L.versionStatusLabel[v.status],
      [P.from]: v.effectiveFrom && toViDate(v.effectiveFrom),
      [P.to]: v.effectiveTo && toViDate(v.effectiveTo),
      [P.legalKind]: legalKind,
      [P.legalValue]: legalValue,
      [P.localKind]: localKind,
      [P.localValue]: localValue,
      [P.limitNote]: v.limitNote ?? null,
      [P.online]: L.onlineLabel[v.onlineLevel],
      [P.feeNote]: v.feeNote ?? null,
      [P.legalBasis]: pipedCell(v.legalBasis, lawParts),
      [P.decisions]: pipedCell(v.decisions, decisionParts),
      [P.procConfirm]: lines(p.confirm.map(confirmLine)),
      [P.versionConfirm]: lines(v.confirm.map(confirmLine)),
    });
    for (const d of v.requiredDocuments)
      push(SHEET.documents, {
        ...key,
        [D.key]: d.key,
        [D.name]: d.name,
        [D.kinds]: d.kinds.map((k) => L.kindLabel[k]).join('; '),
        [D.count]: d.count,
        [D.mandatory]: yesNo(d.mandatory),
        [D.template]: d.templateFile ?? null,
        [D.note]: d.note ?? null,
      });
    for (const f of v.fees)
      push(SHEET.fees, {
        ...key,
        [F.key]: f.key,
        [F.name]: f.name,
        [F.nature]: L.natureLabel[f.nature],
        [F.per]: L.perLabel[f.per],
        [F.amount]: f.per === 'page' ? null : f.amount,
        [F.onlineAmount]: f.per === 'page' ? null : (f.onlineAmount ?? null),
        [F.tiers]: f.per === 'page' ? JSON.stringify(f.tiers) : null,
        [F.onlineTiers]: f.per === 'page' && f.onlineTiers ? JSON.stringify(f.onlineTiers) : null,
        [F.min]: f.per === 'page' ? (f.minPerCopy ?? null) : null,
        [F.max]: f.per === 'page' ? (f.maxPerCopy ?? null) : null,
        [F.condition]: f.condition ?? null,
        [F.free]: lines(f.freeConditions),
        [F.basis]: f.legalBasis ?? null,
        [F.note]: f.note ?? null,
      });
    for (const field of v.onlineForm?.fields ?? []) {
      const { key: k, label, type, required, help, ...extra } = field;
      push(SHEET.fields, {
        ...key,
        [O.key]: k,
        [O.label]: label,
        [O.type]: L.fieldTypeLabel[type],
        [O.required]: yesNo(required),
        [O.help]: help ?? null,
        [O.extra]: Object.keys(extra).length ? JSON.stringify(extra) : null,
      });
    }
    for (const r of v.resultDocuments)
      push(SHEET.results, { ...key, [R.name]: r.name, [R.electronic]: yesNo(r.electronic) });
    for (const a of v.implementingAgencies)
      push(SHEET.agencies, {
        ...key,
        [A.name]: a.name,
        [A.kind]: L.agencyLabel[a.kind],
        [A.level]: L.levelLabel[a.level],
        [A.role]: L.agencyRoleLabel[a.role],
      });
    for (const s of w.steps)
      push(SHEET.steps, {
        ...key,
        [S.agencyKind]: L.agencyLabel[w.agencyKind],
        [S.agencyCode]: w.agencyCode,
        [S.workflowName]: w.name,
        ...stepCells(s),
      });
  }
  sheets[SHEET.agencyWorkflows]!.push(...agencyWorkflowRows(agencyWorkflows));
  return sheets;
}

export { type SheetsResult, sheetsToEntries } from './excel-read.ts';
