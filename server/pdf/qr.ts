/**
 * QR codes drawn as vector squares (sharp at any zoom or print resolution, no image encoder): the module matrix comes
 * from `QRCode.create`, dark modules are merged into horizontal runs and filled as one path.
 */
import QRCode from 'qrcode';

/** A horizontal run of dark modules in row `row`, columns `col` … `col + length - 1`. */
export interface ModuleRun {
  readonly row: number;
  readonly col: number;
  readonly length: number;
}

export interface QrMatrix {
  readonly size: number;
  readonly runs: readonly ModuleRun[];
}

/** The QR symbol of `text` (error correction M) as runs of dark modules. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: ModuleRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

/**
 * Draws the QR code of `text` with its top-left corner at (x, y), `size` points wide including the quiet zone
 * (white background painted, so it stays scannable over any fill).
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const cell = size / (matrix.size + 2 * QUIET);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (const run of matrix.runs) {
    doc.rect(x + (QUIET + run.col) * cell, y + (QUIET + run.row) * cell, run.length * cell, cell);
  }
  doc.fill('#000000');
  doc.restore();
}
