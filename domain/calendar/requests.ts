import { z } from 'zod';
import { IsoDate, Text } from '../shared/text.ts';
import { CalendarNotice } from './holidays.ts';

/** One way of counting a time limit (DOMAIN §4). */
export const DueRule = z.union([
  z.strictObject({ workingDays: z.number().int().min(0).max(400) }),
  z.strictObject({ workingHours: z.number().positive().max(3200) }),
  z.strictObject({ sameDay: z.literal(true) }),
  z.strictObject({ calendarDays: z.number().int().min(1).max(1000) }),
]);
export type DueRule = z.infer<typeof DueRule>;

export const DueRequest = z.strictObject({
  from: z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601, có múi giờ' }),
  rule: DueRule,
  /** Agency whose office hours apply (default hours when absent). */
  agencyCode: z.string().optional(),
});
export type DueRequest = z.infer<typeof DueRequest>;

export const DueResponse = z.object({ dueAt: z.string(), explanation: z.array(z.string()) });

export const NewCalendarNotice = z.strictObject({
  date: IsoDate,
  kind: CalendarNotice.shape.kind,
  name: Text(200),
  decision: Text(300),
});
export type NewCalendarNotice = z.infer<typeof NewCalendarNotice>;

export const StoredCalendarNotice = CalendarNotice.extend({
  id: z.string(),
  /** `builtIn`: shipped with motcua (domain/calendar/notices-data.ts); `entered`: by an administrator. */
  origin: z.enum(['builtIn', 'entered']),
});
export type StoredCalendarNotice = z.infer<typeof StoredCalendarNotice>;

export const CalendarYear = z.object({
  year: z.number().int(),
  lunarNewYear: z.string(),
  hungKings: z.string(),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), source: z.enum(['rule', 'notice']) })),
  makeUpWorkingDays: z.array(z.string()),
  notices: z.array(StoredCalendarNotice),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
