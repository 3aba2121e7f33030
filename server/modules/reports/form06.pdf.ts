/**
 * Biểu 06/VPCP/KSTT as a PDF, A4 landscape: national header, title, period line, the merged multi-level column
 * headers (the same grid as the .xlsx, domain/reports/form06-layout.ts) with the "(1) (2) …" row, one row per
 * group, the total in bold, and the signature block. The header is drawn again on every page; a row never splits.
 */
import {
  FORM06_CODE,
  FORM06_TITLE,
  FORM06_UNIT,
  form06Header,
} from '../../../domain/reports/form06-layout.ts';
import type { Form06Row } from '../../../domain/reports/form06-rows.ts';
import type { FormDoc } from '../../pdf/document.ts';
import { renderToBuffer } from '../../pdf/document.ts';
import type { FontFace } from '../../pdf/fonts.ts';
import { periodLine, rowTitle } from './form06-text.ts';
import type { Form06Document } from './reports.service.ts';

const SIZE = 8.5;
const PAD = 2.5;
const MIN_HEADER_ROW = 16;
const NUMBER_ROW = 14;
/** Relative widths: the order number, the row title, then each count. */
const weightOf = (key: string) => (key === 'index' ? 18 : key === 'label' ? 120 : 34);
const count = new Intl.NumberFormat('vi-VN');

/** Heights of the header grid's rows: each tall enough for its cells' wrapped labels, spans included. */
function headerRowHeights(doc: FormDoc, grid: ReturnType<typeof form06Header>, widths: number[]): number[] {
  const spanWidth = (c: (typeof grid.cells)[number]) =>
    widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const need = (c: (typeof grid.cells)[number]) =>
    doc.measure(c.label, spanWidth(c) - 2 * PAD, 'bold', SIZE) + 2 * PAD;
  const heights = Array.from({ length: grid.depth }, () => MIN_HEADER_ROW);
  for (const c of grid.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, need(c));
  for (const c of grid.cells) {
    if (c.rowSpan === 1) continue;
    const last = c.row + c.rowSpan - 1;
    const have = heights.slice(c.row, last + 1).reduce((a, b) => a + b, 0);
    if (have < need(c)) heights[last] = heights[last]! + need(c) - have;
  }
  return heights;
}

function drawHeader(
  doc: FormDoc,
  grid: ReturnType<typeof form06Header>,
  xs: number[],
  widths: number[],
  heights: number[],
) {
  const top = doc.y;
  const offset = (row: number) => top + heights.slice(0, row).reduce((a, b) => a + b, 0);
  for (const c of grid.cells) {
    const x = xs[c.col]!;
    const w = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    const y = offset(c.row);
    const h = offset(c.row + c.rowSpan) - y;
    doc.pdf.lineWidth(0.6).rect(x, y, w, h).stroke();
    const textHeight = doc.measure(c.label, w - 2 * PAD, 'bold', SIZE);
    doc.box(c.label, x + PAD, y + Math.max(PAD, (h - textHeight) / 2), {
      width: w - 2 * PAD,
      face: 'bold',
      size: SIZE,
      align: 'center',
    });
  }
  const numbers = offset(grid.depth);
  grid.leaves.forEach((_, i) => {
    doc.pdf.lineWidth(0.6).rect(xs[i]!, numbers, widths[i]!, NUMBER_ROW).stroke();
    doc.box(`(${i + 1})`, xs[i]! + PAD, numbers + 2.5, {
      width: widths[i]! - 2 * PAD,
      face: 'italic',
      size: SIZE - 1,
      align: 'center',
    });
  });
  doc.y = numbers + NUMBER_ROW;
  doc.pdf.x = doc.left;
}

/** The filled Biểu 06 as PDF bytes. */
export function renderForm06Pdf(form: Form06Document): Promise<Buffer> {
  const grid = form06Header(form.report.groupBy);
  return renderToBuffer(
    (doc) => {
      const { heading } = form;
      doc.nationalHeader({
        parentName: heading.parentName ?? '',
        unitName: heading.agencyName,
        place: heading.place,
        date: form.issuedAt,
      });
      doc.title(FORM06_TITLE, periodLine(form));
      doc.paragraph(
        `${FORM06_CODE}. Đơn vị báo cáo: ${heading.agencyName} (gồm các đơn vị trực thuộc). ${FORM06_UNIT}`,
        {
          size: 10,
          face: 'italic',
        },
      );
      const total = grid.leaves.reduce((n, k) => n + weightOf(k), 0);
      const widths = grid.leaves.map((k) => (doc.width * weightOf(k)) / total);
      const xs = widths.map((_, i) => doc.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
      const heights = headerRowHeights(doc, grid, widths);
      const headerHeight = heights.reduce((a, b) => a + b, 0) + NUMBER_ROW;

      const drawRow = (row: Form06Row, index: number | null) => {
        const face: FontFace = index === null ? 'bold' : 'regular';
        const cells = grid.leaves.map((key) =>
          key === 'index'
            ? index === null
              ? ''
              : String(index)
            : key === 'label'
              ? rowTitle(row)
              : count.format(row[key]),
        );
        const height =
          Math.max(...cells.map((t, i) => doc.measure(t, widths[i]! - 2 * PAD, face, SIZE))) + 2 * PAD;
        if (doc.y + height > doc.bottom) {
          doc.pdf.addPage();
          doc.y = doc.top;
          drawHeader(doc, grid, xs, widths, heights);
        }
        const y = doc.y;
        cells.forEach((text, i) => {
          doc.pdf.lineWidth(0.6).rect(xs[i]!, y, widths[i]!, height).stroke();
          const key = grid.leaves[i];
          const align =
            key === 'label' ? (index === null ? 'center' : 'left') : key === 'index' ? 'center' : 'right';
          doc.box(text, xs[i]! + PAD, y + PAD, {
            width: widths[i]! - 2 * PAD,
            face,
            size: SIZE,
            align,
            clip: true,
          });
        });
        doc.y = y + height;
        doc.pdf.x = doc.left;
      };

      doc.ensureSpace(headerHeight + 40);
      drawHeader(doc, grid, xs, widths, heights);
      form.report.rows.forEach((row, i) => {
        drawRow(row, i + 1);
      });
      drawRow(form.report.total, null);
      if (form.report.rows.length === 0) {
        doc.paragraph('Không có hồ sơ trong kỳ.', { face: 'italic', align: 'center', size: 10 });
      }
      doc.moveDown(12);
      doc.signatures([
        { title: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)', name: '' },
        { title: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký tên, đóng dấu)', name: '' },
      ]);
    },
    { title: `${FORM06_TITLE} — ${periodLine(form)}`, landscape: true },
  );
}
