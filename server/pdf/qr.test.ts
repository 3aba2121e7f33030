import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderToBuffer } from './document.ts';
import { pdfGrey } from './poppler.testing.ts';
import { drawQr, qrMatrix } from './qr.ts';

const URL_TEXT = 'https://motcua.hanoi.gov.vn/tra-cuu/HK-260205-0001';

describe('QR code as vector squares', () => {
  it('covers exactly the dark modules of the symbol', () => {
    const { modules } = QRCode.create(URL_TEXT, { errorCorrectionLevel: 'M' });
    const matrix = qrMatrix(URL_TEXT);
    expect(matrix.size).toBe(modules.size);
    const painted = new Set<string>();
    for (const run of matrix.runs) {
      for (let c = run.col; c < run.col + run.length; c++) painted.add(`${run.row},${c}`);
    }
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        expect(painted.has(`${r},${c}`), `module ${r},${c}`).toBe(modules.get(r, c) === 1);
      }
    }
  });

  it('draws the modules where they belong on the page (rasterised by pdftoppm)', async () => {
    const [x, y, size] = [100, 120, 240];
    const pdf = await renderToBuffer((doc) => drawQr(doc.pdf, URL_TEXT, x, y, size), { title: 'QR' });
    const dpi = 144;
    const img = await pdfGrey(pdf, dpi);
    const { modules } = QRCode.create(URL_TEXT, { errorCorrectionLevel: 'M' });
    const cell = size / (modules.size + 8);
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const isDark = (row: number, col: number) => {
      const cx = px(x + (4 + col + 0.5) * cell);
      const cy = px(y + (4 + row + 0.5) * cell);
      return (img.pixels[cy * img.width + cx] ?? 255) < 128;
    };
    for (let r = -4; r < modules.size + 4; r++) {
      for (let c = -4; c < modules.size + 4; c++) {
        const inside = r >= 0 && c >= 0 && r < modules.size && c < modules.size;
        expect(isDark(r, c), `module ${r},${c}`).toBe(inside && modules.get(r, c) === 1);
      }
    }
  });
});
