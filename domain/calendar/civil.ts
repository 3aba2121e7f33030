/**
 * Civil (Gregorian) dates as plain integer Julian day numbers, and the fixed UTC+7 offset of Vietnam.
 *
 * Why integers: JS `Date` local-time methods depend on the host time zone, and the legal clock must give the
 * same answer on a laptop in Hà Nội and on a server in UTC. All of Vietnam has used UTC+7 without daylight
 * saving since 13/6/1975 (the South was on UTC+8 before; tz database Asia/Ho_Chi_Minh), so the offset is a
 * constant for every date this system handles.
 */

export interface CivilDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Milliseconds Vietnam (Asia/Ho_Chi_Minh) is ahead of UTC. No DST since 1975. */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;
/** Julian day number of 1970-01-01 (the Unix epoch day). */
export const JDN_UNIX_EPOCH = 2_440_588;

/** Gregorian date → Julian day number (integer arithmetic, valid for all Gregorian dates after 1582). */
export function toDayNumber(date: CivilDate): number {
  const a = Math.floor((14 - date.m) / 12);
  const y = date.y + 4800 - a;
  const m = date.m + 12 * a - 3;
  return (
    date.d +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** Julian day number → Gregorian date (inverse of {@link toDayNumber}). */
export function fromDayNumber(jdn: number): CivilDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    d: e - Math.floor((153 * m + 2) / 5) + 1,
    m: m + 3 - 12 * Math.floor(m / 10),
    y: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Day of week of a Julian day number: 0 = Sunday … 6 = Saturday. */
export const weekday = (jdn: number): number => (jdn + 1) % 7;

export const isWeekend = (jdn: number): boolean => {
  const w = weekday(jdn);
  return w === 0 || w === 6;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD'. */
export function isoFromDayNumber(jdn: number): string {
  const { y, m, d } = fromDayNumber(jdn);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 'dd/mm/yyyy' as printed on Vietnamese forms. */
export function viFromDayNumber(jdn: number): string {
  const { y, m, d } = fromDayNumber(jdn);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (rejects 2025-02-30). */
export function dayNumberFromIso(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  const jdn = toDayNumber(date);
  const back = fromDayNumber(jdn);
  if (back.y !== date.y || back.m !== date.m || back.d !== date.d) {
    throw new RangeError(`Ngày không tồn tại: ${iso}`);
  }
  return jdn;
}

/** The Vietnamese civil day (Julian day number) an instant falls on. */
export const localDayOf = (ms: number): number =>
  Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY) + JDN_UNIX_EPOCH;

/** Minutes since local (UTC+7) midnight, fractional part kept (seconds matter for "before 15:00"). */
export const localMinuteOf = (ms: number): number => {
  const inDay = (ms + VN_OFFSET_MS) % MS_PER_DAY;
  return (inDay < 0 ? inDay + MS_PER_DAY : inDay) / MS_PER_MINUTE;
};

/** UTC instant (ms) of `minute` minutes after local midnight of day `jdn`. */
export const instantAt = (jdn: number, minute: number): number =>
  (jdn - JDN_UNIX_EPOCH) * MS_PER_DAY + minute * MS_PER_MINUTE - VN_OFFSET_MS;

/** 'HH:MM' → minutes since midnight. */
export function minuteFromClock(clock: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!match) throw new RangeError(`Giờ không hợp lệ: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** minutes since midnight → 'HH:MM'. */
export const clockFromMinute = (minute: number): string =>
  `${pad2(Math.floor(minute / 60))}:${pad2(Math.floor(minute % 60))}`;
