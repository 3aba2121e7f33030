/**
 * A ruled table for the forms: columns sized by weight across the text width, cells that wrap, rows that never split,
 * and a page break before a row that does not fit, with the header rows drawn again on the new page.
 */

import type { FormDoc } from './document.ts';
import type { FontFace } from './fonts.ts';

export interface TableColumn {
  readonly header: string;
  /** Relative width: the columns share the text width in proportion to their weights. */
  readonly weight: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  /** Body font size (default 12). */
  readonly size?: number;
  /** Header font size (default: the body size). */
  readonly headerSize?: number;
  /** Inner cell padding in points (default 4). */
  readonly padding?: number;
  /** A row "(1) (2) …" under the header, as in the registers of Circular 01/2018/TT-VPCP. */
  readonly numberColumns?: boolean;
}

interface Row {
  readonly cells: readonly string[];
  readonly face: FontFace;
  readonly size: number;
  readonly header: boolean;
}

/** Draws the table from the current y and leaves y under its last row. */
export function drawTable(
  doc: FormDoc,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): void {
  const size = options.size ?? 12;
  const headerSize = options.headerSize ?? size;
  const pad = options.padding ?? 4;
  const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (doc.width * c.weight) / totalWeight);
  const xs = widths.map((_, i) => doc.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));

  const headerRows: Row[] = [
    { cells: columns.map((c) => c.header), face: 'bold', size: headerSize, header: true },
  ];
  if (options.numberColumns) {
    headerRows.push({
      cells: columns.map((_, i) => `(${i + 1})`),
      face: 'italic',
      size: headerSize - 1,
      header: true,
    });
  }

  const heightOf = (row: Row): number =>
    Math.max(...widths.map((w, i) => doc.measure(row.cells[i] ?? '', w - 2 * pad, row.face, row.size))) +
    2 * pad;

  const drawRow = (row: Row, height: number): void => {
    const y = doc.y;
    widths.forEach((w, i) => {
      const x = xs[i] ?? doc.left;
      doc.pdf.lineWidth(0.6).rect(x, y, w, height).stroke();
      const text = row.cells[i] ?? '';
      if (text === '') return;
      const inner = w - 2 * pad;
      const textHeight = doc.measure(text, inner, row.face, row.size);
      const top = row.header ? y + (height - textHeight) / 2 : y + pad;
      const align = row.header ? 'center' : (columns[i]?.align ?? 'left');
      doc.box(text, x + pad, top, { width: inner, face: row.face, size: row.size, align, clip: true });
    });
    doc.y = y + height;
    doc.pdf.x = doc.left;
  };

  const headerHeights = headerRows.map(heightOf);
  const drawHeader = (): void => {
    headerRows.forEach((row, i) => {
      drawRow(row, headerHeights[i] ?? 0);
    });
  };

  const bodyRows: Row[] = rows.map((cells) => ({ cells, face: 'regular', size, header: false }));
  const firstHeight = bodyRows[0] ? heightOf(bodyRows[0]) : 0;
  doc.ensureSpace(headerHeights.reduce((sum, h) => sum + h, 0) + firstHeight);
  drawHeader();
  for (const row of bodyRows) {
    const height = heightOf(row);
    // A row taller than a whole page is drawn anyway (and overflows): form data never comes close.
    if (doc.y + height > doc.bottom) {
      doc.pdf.addPage();
      drawHeader();
    }
    drawRow(row, height);
  }
}
