/**
 * The printed layout of Biểu 06/VPCP/KSTT as data: the multi-level column headers and their numbering, shared by
 * the Excel export, a later PDF and the web table. The grouping follows the form of Circular 01/2020/TT-VPCP as
 * we know it [confirm: the column order inside "Trong đó" and the extra withdrawn/stopped column are ours until
 * checked against the published form — docs/reports-form06.md].
 */
import type { Form06GroupBy, Form06Row } from './form06-rows.ts';

export const FORM06_CODE = 'Biểu số 06/VPCP/KSTT';
export const FORM06_TITLE = 'BIỂU 06/VPCP/KSTT — TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const FORM06_BASIS = 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP';
export const FORM06_UNIT = 'Đơn vị tính: hồ sơ';

/** Numeric fields of a row, in the order the form prints them. */
export type Form06NumberKey = Exclude<
  {
    [K in keyof Form06Row]: Form06Row[K] extends number ? K : never;
  }[keyof Form06Row],
  undefined
>;

export type Form06LeafKey = 'index' | 'label' | Form06NumberKey;

type HeaderNode = Readonly<{ label: string; key?: Form06LeafKey; children?: readonly HeaderNode[] }>;

export const groupLabel: Record<Form06GroupBy, string> = {
  agency: 'Đơn vị',
  sector: 'Lĩnh vực giải quyết',
  procedure: 'Thủ tục hành chính',
};

const headerTree = (groupBy: Form06GroupBy): HeaderNode[] => [
  { label: 'STT', key: 'index' },
  { label: groupLabel[groupBy], key: 'label' },
  {
    label: 'Số hồ sơ nhận giải quyết',
    children: [
      { label: 'Tổng số', key: 'received' },
      {
        label: 'Trong đó',
        children: [
          { label: 'Số mới tiếp nhận trực tuyến', key: 'receivedOnline' },
          { label: 'Số kỳ trước chuyển qua', key: 'carriedOver' },
          { label: 'Số mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính', key: 'receivedDirect' },
        ],
      },
    ],
  },
  {
    label: 'Kết quả giải quyết',
    children: [
      {
        label: 'Số hồ sơ đã giải quyết',
        children: [
          { label: 'Tổng số', key: 'resolved' },
          { label: 'Trả trước hạn', key: 'resolvedEarly' },
          { label: 'Trả đúng thời hạn', key: 'resolvedOnTime' },
          { label: 'Trả quá hạn', key: 'resolvedLate' },
        ],
      },
      {
        label: 'Số hồ sơ đang giải quyết',
        children: [
          { label: 'Tổng số', key: 'inProgress' },
          { label: 'Trong hạn', key: 'withinDeadline' },
          { label: 'Quá hạn', key: 'overdue' },
        ],
      },
    ],
  },
  { label: 'Số hồ sơ rút, dừng giải quyết (không có kết quả)', key: 'withdrawnOrStopped' },
];

/** One header cell on a grid of `depth` rows: 0-based row and column, with its spans. */
export type HeaderCell = Readonly<{
  label: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}>;

export type Form06Header = Readonly<{
  /** Number of header rows (the "(1) (2) …" row comes below them). */
  depth: number;
  cells: readonly HeaderCell[];
  /** What each column shows, left to right. */
  leaves: readonly Form06LeafKey[];
}>;

const depthOf = (n: HeaderNode): number => 1 + Math.max(0, ...(n.children ?? []).map(depthOf));
const widthOf = (n: HeaderNode): number => (n.children ? n.children.reduce((w, c) => w + widthOf(c), 0) : 1);

/** The header grid: a leaf stretches down to the last header row, a group across its leaves. */
export function form06Header(groupBy: Form06GroupBy): Form06Header {
  const tree = headerTree(groupBy);
  const depth = Math.max(...tree.map(depthOf));
  const cells: HeaderCell[] = [];
  const leaves: Form06LeafKey[] = [];
  const place = (nodes: readonly HeaderNode[], row: number, col: number): void => {
    let c = col;
    for (const n of nodes) {
      const colSpan = widthOf(n);
      if (n.children) {
        cells.push({ label: n.label, row, col: c, rowSpan: 1, colSpan });
        place(n.children, row + 1, c);
      } else {
        cells.push({ label: n.label, row, col: c, rowSpan: depth - row, colSpan: 1 });
        leaves.push(n.key!);
      }
      c += colSpan;
    }
  };
  place(tree, 0, 0);
  return { depth, cells, leaves };
}
