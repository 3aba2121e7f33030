import { formatNumber } from '../../lib/format.ts';
import type { DueSoonDossier, OverdueDossier } from './oversight.api.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A span under a day: "3 giờ", "3 giờ 20 phút", "25 phút" (at least one minute). */
const span = (ms: number): string => {
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${formatNumber(hours)} giờ` : `${formatNumber(hours)} giờ ${rest} phút`;
};

/**
 * How late: in working days of the holding agency once a working day has passed since the due day, otherwise in
 * hours, counted from the server's `asOf` (the browser's clock may be off).
 */
export function lateness(d: Pick<OverdueDossier, 'dueAt' | 'workingDaysLate'>, asOf: string): string {
  if (d.workingDaysLate >= 1) return `Quá hạn ${formatNumber(d.workingDaysLate)} ngày làm việc`;
  return `Quá hạn ${span(Date.parse(asOf) - Date.parse(d.dueAt))}`;
}

/** How long left: hours when due today, otherwise working days. */
export function timeLeft(d: Pick<DueSoonDossier, 'dueAt' | 'workingDaysLeft'>, asOf: string): string {
  if (d.workingDaysLeft >= 1) return `Còn ${formatNumber(d.workingDaysLeft)} ngày làm việc`;
  return `Còn ${span(Date.parse(d.dueAt) - Date.parse(asOf))}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar month around `at` in Vietnam time, `offset` months away, as `YYYY-MM-DD` bounds. */
export function monthOf(at: Date, offset = 0): { from: string; to: string } {
  const local = new Date(at.getTime() + 7 * HOUR);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { from: iso(first), to: iso(last) };
}
