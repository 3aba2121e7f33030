/**
 * Official yearly notices on days off for cadres, civil servants and public employees (cán bộ, công chức,
 * viên chức). Each notice implements Labour Code 45/2019/QH14 art. 112 for one year: the Prime Minister
 * approves, the Ministry (of Labour until 2/2025, of Home Affairs since 3/2025) publishes.
 *
 * Only facts we are reasonably sure of are shipped; [confirm] marks what must be checked against the
 * published text before production. Administrators load later years as data (CalendarNotice).
 */
import type { CalendarNotice } from './holidays.ts';
import { noticeRange } from './holidays.ts';

/** Notice on Tết Ất Tỵ and National Day 2025 (dated 08/11/2024) [confirm number and date]. */
const TB_6150 = 'Thông báo 6150/TB-LĐTBXH ngày 08/11/2024';
/** The 30/4–1/5/2025 swap was approved in early 2025 by a separate notice [confirm number]. */
const TB_2025_APRIL =
  'Thông báo của Bộ Nội vụ về nghỉ lễ 30/4, 1/5/2025 (hoán đổi ngày làm việc) [confirm số hiệu]';
/** Notice on Tết Bính Ngọ 2026 [confirm number and date]. */
const TB_2026_TET = 'Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 [confirm số hiệu]';

export const NOTICES_2025: readonly CalendarNotice[] = [
  // Tết Ất Tỵ: 9 days Sat 25/01 – Sun 02/02/2025 (26 Chạp – mùng 5). The 5 statutory days are Mon 27/01 –
  // Fri 31/01, so no working day is swapped [confirm: no make-up Saturday for Tết 2025].
  ...noticeRange('2025-01-25', '2025-02-02', 'dayOff', 'Tết Nguyên Đán', TB_6150),
  // 30/4 (Wed) and 1/5 (Thu): off 30/04 – 04/05/2025; Fri 02/05 swapped with Sat 26/04/2025.
  {
    date: '2025-04-26',
    kind: 'makeUpWorkingDay',
    name: 'Làm bù cho thứ Sáu 02/05/2025',
    decision: TB_2025_APRIL,
  },
  ...noticeRange('2025-04-30', '2025-05-04', 'dayOff', 'Ngày Chiến thắng và Quốc tế Lao động', TB_2025_APRIL),
  // National Day: Sat 30/08 – Tue 02/09/2025; the adjacent day is Mon 01/09.
  ...noticeRange('2025-08-30', '2025-09-02', 'dayOff', 'Quốc khánh', TB_6150),
];

export const NOTICES_2026: readonly CalendarNotice[] = [
  // Tết Bính Ngọ: 9 days Sat 14/02 – Sun 22/02/2026 (27 Chạp – mùng 6); statutory days Mon 16/02 – Fri 20/02
  // (the default rule gives the same five days) [confirm].
  ...noticeRange('2026-02-14', '2026-02-22', 'dayOff', 'Tết Nguyên Đán', TB_2026_TET),
  // Not shipped for 2026 (unknown to us; the default rules apply): 1/1, the 2/9 adjacent day (1/9 or 3/9).
];

export const OFFICIAL_NOTICES: readonly CalendarNotice[] = [...NOTICES_2025, ...NOTICES_2026];
