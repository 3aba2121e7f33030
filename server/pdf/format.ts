/**
 * Text formatting for the printed forms: NFC normalisation, dates and times in Asia/Ho_Chi_Minh whatever the host
 * time zone, and amounts in đồng. Vietnam is UTC+7 without daylight saving since 1975 (domain/calendar/civil.ts).
 */
import { VN_OFFSET_MS } from '../../domain/calendar/civil.ts';

/** Every string drawn on a form goes through this: decomposed Vietnamese renders with misplaced marks. */
export const nfc = (s: string): string => s.normalize('NFC');

const pad2 = (n: number): string => String(n).padStart(2, '0');

interface VnParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Wall-clock fields of an instant in Vietnam. */
export function vnParts(instant: Date): VnParts {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date passed to a form');
  const shifted = new Date(t + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** "ngày 05 tháng 02 năm 2026" */
export function vietnameseDate(instant: Date): string {
  const p = vnParts(instant);
  return `ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}

/** The place-and-date line under the national motto: "Hoàn Kiếm, ngày 05 tháng 02 năm 2026". */
export function vietnameseDateLine(place: string, date: Date): string {
  return nfc(`${place.trim()}, ${vietnameseDate(date)}`);
}

/** "05/02/2026" */
export function formatDate(instant: Date): string {
  const p = vnParts(instant);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "10 giờ 15 phút, ngày 05/02/2026" — the wording of forms 01 and 05 (`separator` "\n" puts the day below). */
export function formatTimeAndDate(instant: Date, separator = ', '): string {
  const p = vnParts(instant);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút${separator}ngày ${formatDate(instant)}`;
}

/** "10:15" */
export function formatTime(instant: Date): string {
  const p = vnParts(instant);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "05/02/2026 10:15" — compact, for table cells. */
export const formatDateTime = (instant: Date): string => `${formatDate(instant)} ${formatTime(instant)}`;

/**
 * The same wall-clock time as a Date whose UTC fields read as Vietnamese local time: spreadsheet cells have no
 * time zone, and exceljs writes a Date from its UTC fields.
 */
export const toSheetDate = (instant: Date): Date => new Date(instant.getTime() + VN_OFFSET_MS);

/** 1250000 → "1.250.000 đồng" (Vietnamese digit grouping; integer đồng only). */
export function formatDong(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Invalid amount in đồng: ${amount}`);
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** Two-digit counts as printed on forms: 3 → "03". */
export const twoDigits = (n: number): string => pad2(n);
