import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  applySuspensions,
  classify,
  countWorkingDays,
  extend,
  isOverdue,
  isReceivingTime,
  isWorkingDay,
  sameDay,
} from './deadline.ts';
import { buildCalendar } from './holidays.ts';
import { OFFICIAL_NOTICES } from './notices-data.ts';
import { WorkingTime } from './working-time.ts';

const cal = buildCalendar({ fromYear: 2024, toYear: 2027, notices: OFFICIAL_NOTICES });
/** 'YYYY-MM-DD HH:MM' in Vietnam time → instant (explicit offset: independent of the host TZ). */
const vn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
/** Instant → 'YYYY-MM-DD HH:MM' in Vietnam time, without host-TZ methods. */
const show = (d: Date): string =>
  new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('addWorkingDays — day of receipt not counted, due 17:00 of the n-th working day', () => {
  it('skips Tết 2025 (official days off 25/01–02/02)', () => {
    const r = addWorkingDays(cal, vn('2025-01-24 10:00'), 3);
    expect(show(r.dueAt)).toBe('2025-02-05 17:00');
    expect(r.explanation).toContain('Bỏ qua ngày nghỉ Tết Nguyên Đán 25/01–02/02/2025');
    expect(r.explanation).toContain('Cộng 3 ngày làm việc (không tính ngày tiếp nhận)');
  });

  it('counts the make-up Saturday 26/04/2025 and skips 30/04–04/05/2025', () => {
    expect(show(addWorkingDays(cal, vn('2025-04-25 09:00'), 2).dueAt)).toBe('2025-04-28 17:00');
    expect(show(addWorkingDays(cal, vn('2025-04-25 09:00'), 4).dueAt)).toBe('2025-05-05 17:00');
  });

  it('treats a receipt after 17:00 as received the next working morning', () => {
    const r = addWorkingDays(cal, vn('2025-01-24 17:30'), 3);
    expect(r.explanation).toContain('Tiếp nhận ngoài giờ hành chính: tính từ 07:00 ngày 03/02/2025');
    expect(show(r.dueAt)).toBe('2025-02-06 17:00');
  });

  it('treats a receipt on Saturday (desk open) as received on Monday', () => {
    const r = addWorkingDays(cal, vn('2025-03-08 09:00'), 1);
    expect(show(r.dueAt)).toBe('2025-03-11 17:00');
    expect(r.explanation[1]).toBe('Tiếp nhận vào ngày nghỉ (thứ Bảy): tính từ 07:00 ngày 10/03/2025');
  });

  it('counts a receipt before 07:00 on a working day as that day', () => {
    expect(show(addWorkingDays(cal, vn('2025-03-10 06:30'), 1).dueAt)).toBe('2025-03-11 17:00');
  });
});

describe('receiving hours ≠ counting days', () => {
  const wt = WorkingTime.parse({ saturdayReceivingHours: [{ from: '07:00', to: '11:30' }] });
  it('receives on Saturday morning when configured, but not on a holiday Saturday or in the afternoon', () => {
    expect(isReceivingTime(cal, vn('2025-03-08 09:00'), wt)).toBe(true);
    expect(isReceivingTime(cal, vn('2025-03-08 09:00'))).toBe(false);
    expect(isReceivingTime(cal, vn('2025-03-08 14:00'), wt)).toBe(false);
    expect(isReceivingTime(cal, vn('2025-02-01 09:00'), wt)).toBe(false); // inside Tết 2025
    expect(isReceivingTime(cal, vn('2025-03-10 12:00'), wt)).toBe(false); // lunch break
    expect(isReceivingTime(cal, vn('2025-04-26 14:00'), wt)).toBe(true); // make-up Saturday = working day
    expect(isWorkingDay(cal, vn('2025-03-08 09:00'))).toBe(false);
  });
});

describe('addWorkingHours', () => {
  it('8 h = one office day, 4 h = half a day', () => {
    expect(show(addWorkingHours(cal, vn('2025-03-10 07:00'), 8).dueAt)).toBe('2025-03-10 17:00');
    expect(show(addWorkingHours(cal, vn('2025-03-10 07:00'), 4).dueAt)).toBe('2025-03-10 11:00');
    // 1.5 h before the lunch break, 2.5 h after it.
    expect(show(addWorkingHours(cal, vn('2025-03-10 10:00'), 4).dueAt)).toBe('2025-03-10 16:00');
    // Exactly one office day from 07:00 ends at 17:00 the same day, not 07:00 the next morning.
    expect(show(addWorkingHours(cal, vn('2025-03-10 07:00'), 16).dueAt)).toBe('2025-03-11 17:00');
  });

  it('starts a lunch-time receipt at 13:30 and walks over the weekend', () => {
    const r = addWorkingHours(cal, vn('2025-03-14 12:00'), 12);
    expect(r.explanation).toContain('Tiếp nhận ngoài giờ hành chính: tính từ 13:30 ngày 14/03/2025');
    // 3.5 h Friday afternoon + 8 h Monday + 0.5 h Tuesday morning.
    expect(show(r.dueAt)).toBe('2025-03-18 07:30');
  });
});

describe('sameDay — 15:00 cut-off (Decree 23/2015 art. 7)', () => {
  it('before 15:00 → 17:00 the same day; after → next working day', () => {
    expect(show(sameDay(cal, vn('2025-03-12 14:59')).dueAt)).toBe('2025-03-12 17:00');
    expect(show(sameDay(cal, vn('2025-03-12 15:00')).dueAt)).toBe('2025-03-13 17:00');
    // Tuesday 29/04/2025 after 15:00: the next working day is Monday 05/05 (30/04–04/05 off).
    const r = sameDay(cal, vn('2025-04-29 15:30'));
    expect(show(r.dueAt)).toBe('2025-05-05 17:00');
    expect(r.explanation.some((l) => l.startsWith('Bỏ qua ngày nghỉ Ngày Chiến thắng'))).toBe(true);
  });
});

describe('addCalendarDays — Civil Code 2015 art. 147–148', () => {
  it('starts the day after the trigger and ends at 24:00 of the last day', () => {
    const r = addCalendarDays(cal, vn('2025-03-03 16:00'), 10);
    expect(show(r.dueAt)).toBe('2025-03-13 23:59');
  });

  it('moves a last day falling on a holiday to the next working day', () => {
    const r = addCalendarDays(cal, vn('2025-04-15 09:00'), 15); // last day 30/04/2025
    expect(show(r.dueAt)).toBe('2025-05-05 23:59');
    expect(r.explanation[2]).toContain('chuyển sang ngày làm việc tiếp theo 05/05/2025');
  });
});

describe('suspensions and extensions', () => {
  it('adds the working time of a supplement request to the due date', () => {
    const r = applySuspensions(cal, vn('2025-03-14 17:00'), [
      { from: vn('2025-03-10 07:00'), to: vn('2025-03-11 17:00'), reason: 'chờ bổ sung hồ sơ' },
    ]);
    expect(r.explanation[0]).toBe('Tạm dừng 2 ngày làm việc (chờ bổ sung hồ sơ)');
    expect(show(r.dueAt)).toBe('2025-03-18 17:00');
  });

  it('counts overlapping suspensions once and ignores weekends inside them', () => {
    const r = applySuspensions(cal, vn('2025-03-14 17:00'), [
      { from: vn('2025-03-07 13:30'), to: vn('2025-03-10 11:30'), reason: 'chờ nghĩa vụ tài chính' },
      { from: vn('2025-03-10 07:00'), to: vn('2025-03-10 17:00'), reason: 'chờ bổ sung hồ sơ' },
    ]);
    // Union Fri 13:30 → Mon 17:00 = 3.5 h + 8 h; from Fri 14/03 17:00: Monday 17/03 + 3.5 h on Tuesday.
    expect(show(r.dueAt)).toBe('2025-03-18 10:30');
    expect(r.explanation).toContain('Các khoảng tạm dừng chồng lấn chỉ tính một lần');
  });

  it('counts whole minutes: a suspension of seconds keeps a 17:00 due date on its day', () => {
    const due = vn('2025-03-14 17:00');
    const r = applySuspensions(cal, due, [
      {
        from: vn('2025-03-12 14:49'),
        to: new Date(vn('2025-03-12 14:49').getTime() + 20_000),
        reason: 'bổ sung',
      },
    ]);
    expect(r.dueAt).toEqual(due);
    const minutes = applySuspensions(cal, due, [
      { from: vn('2025-03-12 14:49'), to: vn('2025-03-12 14:54'), reason: 'bổ sung' },
    ]);
    expect(show(minutes.dueAt)).toBe('2025-03-17 07:05');
  });

  it('extends by working days over the 30/4 break', () => {
    expect(show(extend(cal, vn('2025-04-29 17:00'), 2).dueAt)).toBe('2025-05-06 17:00');
  });
});

describe('classify and isOverdue (by date in UTC+7)', () => {
  const due = vn('2025-03-14 17:00');
  it('is early the day before, on time the same day even after 17:00, late the day after', () => {
    expect(classify(vn('2025-03-13 23:59'), due)).toBe('early');
    expect(classify(vn('2025-03-14 00:00'), due)).toBe('onTime');
    expect(classify(vn('2025-03-14 23:00'), due)).toBe('onTime');
    expect(classify(vn('2025-03-15 00:00'), due)).toBe('late');
    expect(isOverdue(vn('2025-03-14 17:01'), due)).toBe(true);
    expect(isOverdue(vn('2025-03-14 17:00'), due)).toBe(false);
  });
});

describe('properties', () => {
  const first = vn('2024-01-01 00:00').getTime();
  const last = vn('2026-12-31 23:59').getTime();
  const instant = fc.integer({ min: first, max: last }).map((ms) => new Date(ms));

  it('add then count working days round-trips (+1 when the receipt was shifted)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (receivedAt, n) => {
        const { dueAt, explanation } = addWorkingDays(cal, receivedAt, n);
        const afterHours = show(receivedAt).slice(11) >= '17:00';
        const shifted = !isWorkingDay(cal, receivedAt) || afterHours ? 1 : 0;
        expect(countWorkingDays(cal, receivedAt, dueAt)).toBe(n + shifted);
        expect(show(dueAt).slice(11)).toBe('17:00');
        expect(explanation.at(-1)).toMatch(/^Hạn trả kết quả: 17:00 ngày \d\d\/\d\d\/\d{4}$/);
      }),
    );
  });

  it('a due date is never a non-working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 120 }), (at, n, h) => {
        expect(isWorkingDay(cal, addWorkingDays(cal, at, n).dueAt)).toBe(true);
        expect(isWorkingDay(cal, addWorkingHours(cal, at, h).dueAt)).toBe(true);
        expect(isWorkingDay(cal, addCalendarDays(cal, at, n).dueAt)).toBe(true);
        expect(isWorkingDay(cal, sameDay(cal, at).dueAt)).toBe(true);
      }),
    );
  });

  it('a suspension never moves a date earlier, and a longer one never gives an earlier date', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 5 * 86_400_000 }), (due, from, length) => {
        const short = { from, to: new Date(from.getTime() + length / 2), reason: 'a' };
        const long = { from, to: new Date(from.getTime() + length), reason: 'b' };
        const a = applySuspensions(cal, due, [short]).dueAt.getTime();
        const b = applySuspensions(cal, due, [long]).dueAt.getTime();
        expect(a).toBeGreaterThanOrEqual(due.getTime());
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    const samples = fc.sample(fc.tuple(instant, fc.integer({ min: 1, max: 30 })), 200);
    const run = () =>
      samples.map(([at, n]) => addWorkingDays(cal, at, n).dueAt.getTime() + sameDay(cal, at).dueAt.getTime());
    const before = run();
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(run()).toEqual(before);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('honours custom office hours (a province working 07:30–12:00, 13:00–16:30)', () => {
    const wt = WorkingTime.parse({
      officeHours: [
        { from: '07:30', to: '12:00' },
        { from: '13:00', to: '16:30' },
      ],
    });
    expect(show(addWorkingDays(cal, vn('2025-03-10 16:45'), 1, wt).dueAt)).toBe('2025-03-12 16:30');
    expect(show(addWorkingHours(cal, vn('2025-03-10 07:30'), 5, wt).dueAt)).toBe('2025-03-10 13:30');
  });
});
