/** Shared fixtures of the Biểu 06 tests (hand-made cases and properties): a small tree, three procedures. */
import { countCells, type DossierFacts, type Form06Period, periodWindow } from './form06.ts';
import { type AgencyNode, buildForm06, type Form06GroupBy } from './form06-rows.ts';

/** 'YYYY-MM-DD HH:MM' in Vietnam time → instant (explicit offset: independent of the host TZ). */
export const vn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

export const march: Form06Period = { from: '2026-03-01', to: '2026-03-31' };
export const afterMarch = vn('2026-04-10 09:00');
export const tree: AgencyNode[] = [
  { id: 'p', parentId: null, name: 'Tỉnh Thử', agencyCode: '000.00.00.H99' },
  { id: 'a', parentId: 'p', name: 'Xã An', agencyCode: '000.01.00.H99' },
  { id: 'a1', parentId: 'a', name: 'Trung tâm PVHCC xã An', agencyCode: '000.01.01.H99' },
  { id: 'b', parentId: 'p', name: 'Xã Bình', agencyCode: '000.02.00.H99' },
  { id: 'c', parentId: 'p', name: 'Sở Tư pháp', agencyCode: '000.03.00.H99' },
];
export const procedures = [
  {
    procedureCode: '1.001022',
    procedureName: 'Đăng ký nhận cha, mẹ, con',
    sectorCode: 'hoTich',
    sectorName: 'Hộ tịch',
  },
  {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    sectorCode: 'hoTich',
    sectorName: 'Hộ tịch',
  },
  {
    procedureCode: '2.000815',
    procedureName: 'Chứng thực bản sao',
    sectorCode: 'chungThuc',
    sectorName: 'Chứng thực',
  },
];

export const report = (facts: DossierFacts[], groupBy: Form06GroupBy, period = march, now = afterMarch) =>
  buildForm06({
    cells: countCells(facts, periodWindow(period, now)),
    groupBy,
    root: tree[0]!,
    agencies: tree,
    period,
    asOf: new Date(periodWindow(period, now).asOf),
  });
