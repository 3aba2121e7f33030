import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  applySuspensions,
  buildCalendar,
  type CalendarNotice,
  countWorkingDays,
  DEFAULT_RULES_FROM_YEAR,
  DEFAULT_WORKING_TIME,
  type Deadline,
  describeYear,
  OFFICIAL_NOTICES,
  sameDay,
  type WorkingCalendar,
  type WorkingTime,
} from '../../../domain/calendar/index.ts';
import type { CalendarYear, DueRule, NewCalendarNotice } from '../../../domain/calendar/requests.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { canOnAgency } from '../agencies/agencies.policy.ts';
import { findAgency, findAgencyByCode } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canOnCalendar } from './calendar.policy.ts';
import * as repo from './calendar.repository.ts';

/** Years the calendar covers: from the first year of the default rules to ten years ahead. */
const yearsAhead = 10;

type Cached = { version: string; toYear: number; cal: WorkingCalendar; entered: repo.NoticeRow[] };
const cache = new WeakMap<Db, Cached>();

/** Built-in notices, overridden date by date by what administrators entered. */
function mergeNotices(entered: readonly CalendarNotice[]): CalendarNotice[] {
  const byDate = new Map(OFFICIAL_NOTICES.map((n) => [n.date, n]));
  for (const n of entered) byDate.set(n.date, n);
  return [...byDate.values()];
}

/**
 * The working calendar in force, rebuilt only when the notices changed (checked with one small query, so several
 * app processes stay consistent without any coordination of their own).
 */
export async function loadCalendar(db: Db, now: Date, knownVersion?: string) {
  const version = knownVersion ?? (await repo.noticesVersion(db));
  const toYear = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear() + yearsAhead;
  const hit = cache.get(db);
  if (hit && hit.version === version && hit.toYear === toYear) return hit;
  const entered = await repo.listLiveNotices(db);
  const cal = buildCalendar({ fromYear: DEFAULT_RULES_FROM_YEAR, toYear, notices: mergeNotices(entered) });
  const fresh = { version, toYear, cal, entered };
  cache.set(db, fresh);
  return fresh;
}

export async function getYear(ctx: Ctx, year: number): Promise<CalendarYear> {
  const { cal, entered } = await loadCalendar(ctx.db, ctx.clock.now());
  if (year < cal.fromYear || year > cal.toYear) {
    throw new AppError('VALIDATION', `Lịch chỉ có dữ liệu các năm ${cal.fromYear}–${cal.toYear}`);
  }
  const prefix = `${year}-`;
  const enteredDates = new Set(entered.map((n) => n.date));
  const notices = [
    ...OFFICIAL_NOTICES.filter((n) => n.date.startsWith(prefix) && !enteredDates.has(n.date)).map((n) => ({
      ...n,
      id: `builtin:${n.date}`,
      origin: 'builtIn' as const,
    })),
    ...entered.filter((n) => n.date.startsWith(prefix)).map((n) => ({ ...n, origin: 'entered' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { ...describeYear(cal, year), notices };
}

export async function addNotice(ctx: Ctx, input: NewCalendarNotice) {
  if (!canOnCalendar(ctx.actor, 'manageNotices'))
    throw forbidden('Chỉ quản trị viên cấp tỉnh được nhập thông báo');
  return withTransaction(ctx.db, async (tx) => {
    if ((await repo.listLiveNotices(tx)).some((n) => n.date === input.date)) {
      const [y, m, d] = input.date.split('-');
      throw new AppError(
        'CONFLICT',
        `Đã có thông báo cho ngày ${d}/${m}/${y}: thu hồi thông báo đó trước khi nhập mới`,
        {
          errors: [{ path: 'date', message: 'Ngày này đã có thông báo' }],
        },
      );
    }
    const id = await repo.insertNotice(tx, input, ctx.actor!.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'calendar.notice.add',
      targetType: 'calendarNotice',
      targetId: id,
      details: input,
    });
    return id;
  });
}

export async function withdrawNotice(ctx: Ctx, id: string) {
  if (!canOnCalendar(ctx.actor, 'manageNotices'))
    throw forbidden('Chỉ quản trị viên cấp tỉnh được thu hồi thông báo');
  await withTransaction(ctx.db, async (tx) => {
    const row = await repo.withdrawNotice(tx, id, ctx.clock.now());
    if (!row) throw notFound('thông báo');
    await recordAudit(tx, ctx, {
      action: 'calendar.notice.withdraw',
      targetType: 'calendarNotice',
      targetId: id,
      details: { date: row.date },
    });
  });
}

async function workingTimeOf(ctx: Pick<Ctx, 'db'>, agencyCode?: string): Promise<WorkingTime> {
  if (!agencyCode) return DEFAULT_WORKING_TIME;
  const agency = await findAgencyByCode(ctx.db, agencyCode.toUpperCase());
  if (!agency) throw notFound(`đơn vị mã ${agencyCode}`);
  return (await repo.findWorkingTime(ctx.db, agency.path)) ?? DEFAULT_WORKING_TIME;
}

/** Deadline operations bound to the calendar in force and one agency's office hours. */
export type LegalClock = Readonly<{
  due: (from: Date, rule: DueRule) => Deadline;
  /** The due date moved by the office time between `from` and `to` (a suspension of the clock). */
  resume: (due: Date, from: Date, to: Date, reason: string) => Deadline;
  workingDaysBetween: (from: Date, to: Date) => number;
}>;

/** Domain range errors (dates outside the calendar) are the caller's bad input. */
function guarded<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof RangeError) throw new AppError('VALIDATION', e.message);
      throw e;
    }
  };
}

function bind(cal: WorkingCalendar, wt: WorkingTime): LegalClock {
  return {
    due: guarded((from: Date, rule: DueRule) => {
      if ('workingDays' in rule) return addWorkingDays(cal, from, rule.workingDays, wt);
      if ('workingHours' in rule) return addWorkingHours(cal, from, rule.workingHours, wt);
      if ('sameDay' in rule) return sameDay(cal, from, wt);
      return addCalendarDays(cal, from, rule.calendarDays);
    }),
    resume: guarded((due: Date, from: Date, to: Date, reason: string) =>
      applySuspensions(cal, due, [{ from, to, reason }], wt),
    ),
    workingDaysBetween: guarded((from: Date, to: Date) => countWorkingDays(cal, from, to)),
  };
}

/**
 * The legal clock of an agency (office hours of the agency or its nearest ancestor). Load it before opening a
 * transaction: the embedded database runs one query at a time.
 */
export async function legalClockAt(ctx: Pick<Ctx, 'db' | 'clock'>, agencyPath: string): Promise<LegalClock> {
  const [{ cal }, wt] = await Promise.all([
    loadCalendar(ctx.db, ctx.clock.now()),
    repo.findWorkingTime(ctx.db, agencyPath),
  ]);
  return bind(cal, wt ?? DEFAULT_WORKING_TIME);
}

/**
 * The legal clock from facts the caller read in a statement of its own (the notices' version key,
 * `repo.noticesVersionKey`, and the agency's office hours): no query unless the notices changed.
 */
export async function legalClockWith(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  facts: Readonly<{ noticesVersion: string; workingTime: WorkingTime | undefined }>,
): Promise<LegalClock> {
  const { cal } = await loadCalendar(ctx.db, ctx.clock.now(), facts.noticesVersion);
  return bind(cal, facts.workingTime ?? DEFAULT_WORKING_TIME);
}

/** Computes a due date with its explanation (the one entry point for every module's deadlines). */
export async function computeDue(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  from: Date,
  rule: DueRule,
  agencyCode?: string,
): Promise<Deadline> {
  const [{ cal }, wt] = await Promise.all([
    loadCalendar(ctx.db, ctx.clock.now()),
    workingTimeOf(ctx, agencyCode),
  ]);
  return bind(cal, wt).due(from, rule);
}

export async function getWorkingTime(ctx: Ctx, agencyId: string) {
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency || !canOnAgency(ctx.actor, 'read', agency.path)) throw notFound('cơ quan, đơn vị');
  const own = await repo.findWorkingTime(ctx.db, `/${agency.id}/`);
  return {
    workingTime: (await repo.findWorkingTime(ctx.db, agency.path)) ?? DEFAULT_WORKING_TIME,
    inherited: !own,
  };
}

export async function setWorkingTime(ctx: Ctx, agencyId: string, wt: WorkingTime) {
  return withTransaction(ctx.db, async (tx) => {
    const agency = await findAgency(tx, agencyId);
    if (!agency || !canOnAgency(ctx.actor, 'read', agency.path)) throw notFound('cơ quan, đơn vị');
    if (!canOnCalendar(ctx.actor, 'setWorkingTime', agency.path)) throw forbidden();
    await repo.upsertWorkingTime(tx, agencyId, wt, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'calendar.workingTime.set',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      details: { workingTime: wt },
    });
    return { workingTime: wt, inherited: false };
  });
}
