/** The legal clock: lunar calendar, holidays, working calendar and deadline arithmetic (pure, UTC+7). */
export {
  type CivilDate,
  dayNumberFromIso,
  fromDayNumber,
  isoFromDayNumber,
  toDayNumber,
  VN_OFFSET_MS,
  viFromDayNumber,
} from './civil.ts';
export {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  applySuspensions,
  classify,
  countWorkingDays,
  type Deadline,
  extend,
  formatWorkingDuration,
  isOverdue,
  isReceivingTime,
  isWorkingDay,
  type Suspension,
  sameDay,
  type Timeliness,
} from './deadline.ts';
export {
  type BuildCalendarOptions,
  buildCalendar,
  CalendarNotice,
  DEFAULT_HOLIDAY_RULES,
  DEFAULT_RULES_FROM_YEAR,
  describeDay,
  type HolidayBreak,
  HolidayRule,
  type HolidayRuleInput,
  noticeRange,
  type WorkingCalendar,
} from './holidays.ts';
export {
  dayNumberFromLunar,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  type LunarDate,
  leapMonthOf,
  lunarFromDayNumber,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.ts';
export { NOTICES_2025, NOTICES_2026, OFFICIAL_NOTICES } from './notices-data.ts';
export { DEFAULT_WORKING_TIME, TimeRange, WorkingTime } from './working-time.ts';
export { describeYear, type YearDescription, type YearHoliday } from './year.ts';
