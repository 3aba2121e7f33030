/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy for solar years 1900–2100.
 *
 * Rules (the traditional Chinese-style rules as applied in Vietnam; since 1968 Vietnam computes them on
 * the UTC+7 meridian — Decision 121-CP of 8/8/1967 [confirm] — which is why Tết 1985 fell on 21/1 in
 * Vietnam but 20/2 in China, and Tết 2007 on 17/2 in Vietnam but 18/2 in China):
 *  1. A lunar month starts on the civil day (UTC+7) containing a new moon.
 *  2. Month 11 is the month containing the December solstice (sun apparent longitude 270°).
 *  3. If 13 months lie between two consecutive month-11 starts, the first month after month 11 that
 *     contains no major solar term (trung khí, sun longitude a multiple of 30°) is a leap month and takes
 *     the number of the month before it.
 *
 * Astronomy (own implementation of published algorithms; J. Meeus, "Astronomical Algorithms", 2nd ed.):
 *  - new moon instants: ch. 49 (mean phase + periodic and planetary corrections, error < 1 min);
 *  - sun apparent longitude: ch. 25 low-accuracy series (~0.01°);
 *  - ΔT = TT − UT: Espenak & Meeus polynomial fits (NASA eclipse site, 2006).
 * The whole 1898–2102 month table is computed once, lazily (≈ 2,500 new moons), then each conversion is
 * a binary search over integer day numbers.
 */
import { type CivilDate, fromDayNumber, isoFromDayNumber, toDayNumber } from './civil.ts';

export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly isLeapMonth: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;

const RAD = Math.PI / 180;
const TIME_ZONE_DAYS = 7 / 24; // UTC+7 meridian, the Vietnamese calendar's reference since 1968
const SYNODIC_MONTH = 29.530588861;
const TROPICAL_YEAR = 365.242189;

const sinDeg = (deg: number): number => Math.sin(deg * RAD);

/** ΔT in seconds for a decimal year (Espenak & Meeus 2006 piecewise polynomials, 1900–2150). */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

/** Civil day number (UTC+7) on which an instant given in Julian Ephemeris Day (TT) falls. */
function localDayOfJde(jde: number): number {
  const year = 2000 + (jde - 2451545) / 365.25;
  const jdUt = jde - deltaTSeconds(year) / 86400;
  return Math.floor(jdUt + 0.5 + TIME_ZONE_DAYS);
}

/** New moon number k (k = 0 is 6 January 2000) → JDE, Meeus ch. 49. */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  const periodic =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(om) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);
  // Planetary arguments A1…A14 with their amplitudes (days).
  const planetary =
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);
  return mean + periodic + planetary;
}

/** Sun apparent geocentric longitude in degrees [0, 360) at JDE, Meeus ch. 25 (low accuracy). */
function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + c - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

/** JDE at which the sun reaches `longitude` degrees, searching near `guess` (Newton-like iteration). */
function solarTermJde(longitude: number, guess: number): number {
  let jde = guess;
  for (let i = 0; i < 20; i++) {
    const diff = ((((longitude - sunLongitude(jde)) % 360) + 540) % 360) - 180;
    const step = (diff * TROPICAL_YEAR) / 360;
    jde += step;
    if (Math.abs(step) < 1e-7) break;
  }
  return jde;
}

interface MonthTable {
  /** starts[i] = civil day number of day 1 of month i; starts has one more entry than the info arrays. */
  readonly starts: Int32Array;
  readonly years: Int16Array;
  readonly months: Int8Array;
  readonly leaps: Uint8Array;
  readonly index: Map<number, number>;
}

const monthKey = (year: number, month: number, isLeap: boolean): number =>
  year * 32 + month * 2 + (isLeap ? 1 : 0);

let table: MonthTable | undefined;

function buildTable(): MonthTable {
  const firstYear = LUNAR_MIN_YEAR - 2;
  const lastYear = LUNAR_MAX_YEAR + 2;
  // 1. Month starts: every new moon from late firstYear to early lastYear + 1.
  const kFrom = Math.floor((firstYear + 0.8 - 2000) * 12.3685) - 2;
  const kTo = Math.ceil((lastYear + 1.2 - 2000) * 12.3685) + 2;
  const starts: number[] = [];
  for (let k = kFrom; k <= kTo; k++) starts.push(localDayOfJde(newMoonJde(k)));
  // 2. Major solar terms (multiples of 30°) as civil days, plus each year's December solstice.
  const majorTerms: number[] = [];
  const solstice = new Map<number, number>();
  for (let y = firstYear; y <= lastYear; y++) {
    const marchEquinox = 2451623.81 + TROPICAL_YEAR * (y - 2000);
    for (let j = 0; j < 12; j++) {
      const day = localDayOfJde(solarTermJde(30 * j, marchEquinox + (30 * j * TROPICAL_YEAR) / 360));
      majorTerms.push(day);
      if (j === 9) solstice.set(y, day);
    }
  }
  majorTerms.sort((a, b) => a - b);
  // hasMajorTerm[i]: some major term falls in [starts[i], starts[i + 1]).
  const hasMajorTerm: boolean[] = [];
  let p = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    while (p < majorTerms.length && majorTerms[p]! < from) p++;
    hasMajorTerm.push(p < majorTerms.length && majorTerms[p]! < to);
  }
  const month11Index = (y: number): number => {
    const day = solstice.get(y)!;
    let i = starts.length - 1;
    while (starts[i]! > day) i--;
    return i;
  };
  // 3. Number the months between consecutive month-11 starts.
  const years: number[] = [];
  const months: number[] = [];
  const leaps: number[] = [];
  const first = month11Index(firstYear);
  let a = first;
  for (let y = firstYear; y < lastYear; y++) {
    const b = month11Index(y + 1);
    const count = b - a;
    let leapOffset = -1;
    if (count === 13) {
      for (let off = 1; off < 13 && leapOffset < 0; off++) if (!hasMajorTerm[a + off]) leapOffset = off;
      if (leapOffset < 0) throw new Error(`No month without a major term in lunar year ${y + 1}`);
    } else if (count !== 12) {
      throw new Error(`Unexpected ${count} lunar months after the 11th month of ${y}`);
    }
    let seenFirstMonth = false;
    for (let off = 0; off < count; off++) {
      const shifted = leapOffset >= 0 && off >= leapOffset ? off - 1 : off;
      const month = ((10 + shifted) % 12) + 1;
      const isLeap = off === leapOffset;
      if (month === 1 && !isLeap) seenFirstMonth = true;
      years.push(seenFirstMonth ? y + 1 : y);
      months.push(month);
      leaps.push(isLeap ? 1 : 0);
    }
    a = b;
  }
  const result: MonthTable = {
    starts: Int32Array.from(starts.slice(first, first + years.length + 1)),
    years: Int16Array.from(years),
    months: Int8Array.from(months),
    leaps: Uint8Array.from(leaps),
    index: new Map(),
  };
  for (let i = 0; i < years.length; i++) {
    result.index.set(monthKey(years[i]!, months[i]!, leaps[i] === 1), i);
  }
  return result;
}

const getTable = (): MonthTable => {
  table ??= buildTable();
  return table;
};

const MIN_DAY = toDayNumber({ y: LUNAR_MIN_YEAR, m: 1, d: 1 });
const MAX_DAY = toDayNumber({ y: LUNAR_MAX_YEAR, m: 12, d: 31 });

/** Lunar date of a civil day number (1900-01-01 … 2100-12-31). */
export function lunarFromDayNumber(jdn: number): LunarDate {
  if (!Number.isInteger(jdn) || jdn < MIN_DAY || jdn > MAX_DAY) {
    throw new RangeError(`Âm lịch chỉ hỗ trợ ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
  const { starts, years, months, leaps } = getTable();
  let lo = 0;
  let hi = years.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= jdn) lo = mid;
    else hi = mid - 1;
  }
  return { year: years[lo]!, month: months[lo]!, day: jdn - starts[lo]! + 1, isLeapMonth: leaps[lo] === 1 };
}

/** Civil day number of a lunar date; throws RangeError if the month (or leap month) or day does not exist. */
export function dayNumberFromLunar(date: LunarDate): number {
  const { starts, index } = getTable();
  const i = index.get(monthKey(date.year, date.month, date.isLeapMonth));
  const label = `${date.day}/${date.month}${date.isLeapMonth ? ' nhuận' : ''}/${date.year}`;
  if (i === undefined) throw new RangeError(`Không có tháng âm lịch ${label}`);
  const length = starts[i + 1]! - starts[i]!;
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > length) {
    throw new RangeError(`Không có ngày âm lịch ${label} (tháng có ${length} ngày)`);
  }
  const jdn = starts[i]! + date.day - 1;
  if (jdn < MIN_DAY || jdn > MAX_DAY)
    throw new RangeError(`Âm lịch chỉ hỗ trợ ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  return jdn;
}

export const solarToLunar = (date: CivilDate): LunarDate => lunarFromDayNumber(toDayNumber(date));

export const lunarToSolar = (date: LunarDate): CivilDate => fromDayNumber(dayNumberFromLunar(date));

/** Civil day number of lunar 1/1 (Tết Nguyên Đán) of `year`. */
export const lunarNewYearDay = (year: number): number =>
  dayNumberFromLunar({ year, month: 1, day: 1, isLeapMonth: false });

/** Tết Nguyên Đán of `year` as 'YYYY-MM-DD'. */
export const lunarNewYear = (year: number): string => isoFromDayNumber(lunarNewYearDay(year));

/** The leap month of a lunar year (e.g. 6 for 2025), or undefined. */
export function leapMonthOf(year: number): number | undefined {
  const { index } = getTable();
  for (let month = 1; month <= 12; month++) if (index.has(monthKey(year, month, true))) return month;
  return undefined;
}
