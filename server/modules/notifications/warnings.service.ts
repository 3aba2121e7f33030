/**
 * A leader's deadline dashboard: per holding agency of the leader's subtree, how many open dossiers are overdue
 * and how many are due within one working day (the legal clock of that agency); the overdue ones with who
 * held them when they became overdue (recorded by server/jobs/overdue.ts) and the ones due soon, each with where
 * it is now and how many working days late or left.
 */
import type { DossierStatus } from '../../../domain/dossier/status.ts';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { findAgenciesByIds } from '../agencies/agencies.repository.ts';
import { type LegalClock, legalClockAt } from '../calendar/calendar.service.ts';
import { warningRoots } from './notifications.policy.ts';
import type { DeadlineWarnings } from './notifications.schemas.ts';
import * as repo from './warnings.repository.ts';

/** Longer than any run of days off in the Vietnamese calendar (Tết with its bridges is about ten days). */
const LOOKAHEAD_MS = 21 * 86_400_000;
const LIST_LIMIT = 200;

/**
 * Overdue: the due date has passed while the clock was running. A dossier waiting for the applicant
 * (clock stopped) before its due date is not overdue: its due date moves when the clock starts again.
 */
export const isOverdue = (r: Pick<repo.WarnableRow, 'dueAt' | 'pausedSince'>, now: Date) =>
  now > r.dueAt && (r.pausedSince === null || r.pausedSince > r.dueAt);

const collator = new Intl.Collator('vi');

export async function getDeadlineWarnings(ctx: Ctx): Promise<DeadlineWarnings> {
  const actor = requireStaff(ctx);
  const roots = warningRoots(actor);
  if (roots.length === 0) throw forbidden('Chỉ lãnh đạo được xem cảnh báo hạn giải quyết hồ sơ');
  const now = ctx.clock.now();
  const rows = await repo.listDueBy(ctx.db, roots, new Date(now.getTime() + LOOKAHEAD_MS));

  const clocks = new Map<string, LegalClock>();
  const clockOf = async (path: string) => {
    let clock = clocks.get(path);
    if (!clock) {
      clock = await legalClockAt(ctx, path);
      clocks.set(path, clock);
    }
    return clock;
  };

  const perAgency = new Map<
    string,
    { agencyId: string; agencyName: string; overdue: number; dueSoon: number }
  >();
  const overdue: (repo.WarnableRow & { workingDaysLate: number })[] = [];
  const dueSoon: (repo.WarnableRow & { workingDaysLeft: number })[] = [];
  for (const r of rows) {
    const late = isOverdue(r, now);
    const left =
      late || r.pausedSince !== null || r.dueAt < now
        ? null
        : (await clockOf(r.holderAgencyPath)).workingDaysBetween(now, r.dueAt);
    const soon = left !== null && left <= 1;
    if (!late && !soon) continue;
    const entry = perAgency.get(r.holderAgencyId) ?? {
      agencyId: r.holderAgencyId,
      agencyName: r.holderAgencyName,
      overdue: 0,
      dueSoon: 0,
    };
    if (late) {
      entry.overdue++;
      const workingDaysLate = (await clockOf(r.holderAgencyPath)).workingDaysBetween(r.dueAt, now);
      overdue.push({ ...r, workingDaysLate });
    } else {
      entry.dueSoon++;
      dueSoon.push({ ...r, workingDaysLeft: left ?? 0 });
    }
    perAgency.set(r.holderAgencyId, entry);
  }

  const listed = overdue.slice(0, LIST_LIMIT);
  const listedSoon = dueSoon.slice(0, LIST_LIMIT);
  const holders = listed.flatMap((r) => (r.overdueHolder ? [r.overdueHolder] : []));
  const assignees = [...listed, ...listedSoon].flatMap((r) => (r.assigneeId ? [r.assigneeId] : []));
  const [agencyNames, people] = await Promise.all([
    findAgenciesByIds(ctx.db, [...new Set(holders.map((h) => h.agencyId))]).then(
      (list) => new Map(list.map((a) => [a.id, a.name])),
    ),
    repo.staffNames(ctx.db, [...assignees, ...holders.flatMap((h) => (h.assigneeId ? [h.assigneeId] : []))]),
  ]);
  const whereNow = (r: repo.WarnableRow) => ({
    id: r.id,
    code: r.code,
    procedureName: r.procedureName,
    status: r.status as DossierStatus,
    dueAt: r.dueAt.toISOString(),
    holderAgency: { id: r.holderAgencyId, name: r.holderAgencyName },
    stepName: r.stepName,
    assigneeName: r.assigneeId ? (people.get(r.assigneeId) ?? null) : null,
  });

  return {
    asOf: now.toISOString(),
    agencies: [...perAgency.values()].sort(
      (a, b) =>
        b.overdue - a.overdue || b.dueSoon - a.dueSoon || collator.compare(a.agencyName, b.agencyName),
    ),
    overdueTotal: overdue.length,
    overdue: listed.map((r) => ({
      ...whereNow(r),
      overdueSince: r.overdueSince?.toISOString() ?? null,
      heldWhenOverdue: r.overdueHolder
        ? {
            ...r.overdueHolder,
            agencyName: agencyNames.get(r.overdueHolder.agencyId) ?? '',
            assigneeName: r.overdueHolder.assigneeId
              ? (people.get(r.overdueHolder.assigneeId) ?? null)
              : null,
          }
        : null,
      workingDaysLate: r.workingDaysLate,
    })),
    dueSoonTotal: dueSoon.length,
    dueSoon: listedSoon.map((r) => ({ ...whereNow(r), workingDaysLeft: r.workingDaysLeft })),
  };
}
