/** The texts Biểu 06 prints the same way in its Excel and PDF forms. */
import { dayNumberFromIso, viFromDayNumber } from '../../../domain/calendar/civil.ts';
import { periodWindow } from '../../../domain/reports/form06.ts';
import type { Form06Row } from '../../../domain/reports/form06-rows.ts';
import { formatDateTime } from '../../pdf/format.ts';
import type { Form06Document } from './reports.service.ts';

/** What the first text column shows for a row. */
export function rowTitle(row: Form06Row): string {
  if (row.scope === 'own') return `${row.label} (trực tiếp giải quyết)`;
  if (row.sectorName !== null && row.code) return `${row.label} (${row.code})`;
  return row.label;
}

export function periodLine(doc: Form06Document): string {
  const { from, to } = doc.report.period;
  const line = `Kỳ báo cáo: từ ngày ${viFromDayNumber(dayNumberFromIso(from))} đến ngày ${viFromDayNumber(dayNumberFromIso(to))}`;
  const asOf = new Date(doc.report.asOf);
  // A period that has not ended yet is counted as of now: say so.
  return asOf.getTime() < periodWindow(doc.report.period, asOf).end
    ? `${line} (số liệu tính đến ${formatDateTime(asOf)})`
    : line;
}
