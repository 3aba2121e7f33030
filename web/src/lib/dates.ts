const dayMonthYear = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date typed the Vietnamese way (`dd/MM/yyyy`; `d/M/yyyy`, dots or dashes too) or as ISO, as `YYYY-MM-DD`;
 * `null` while it is incomplete or not a real day (31/02/2025).
 */
export function parseVietnameseDate(text: string): string | null {
  const s = text.trim();
  const vn = dayMonthYear.exec(s);
  const iso = vn ? null : isoDate.exec(s);
  const [day, month, year] = vn
    ? [Number(vn[1]), Number(vn[2]), Number(vn[3])]
    : iso
      ? [Number(iso[3]), Number(iso[2]), Number(iso[1])]
      : [0, 0, 0];
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A 24-hour clock time `HH:mm` (00:00–23:59). */
export const isClockTime = (value: string): boolean => clock.test(value);
