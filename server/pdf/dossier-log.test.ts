import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DATE_TIME_FORMAT, LOG_FIRST_DATA_ROW, LOG_HEADER_ROW, SHEET_NAME } from './dossier-log.xlsx.ts';
import { SAMPLE_CODE, sampleDossierLog } from './forms.samples.ts';
import { DOSSIER_LOG_TITLE, renderDossierLog, renderDossierLogXlsx } from './forms.ts';
import { pdfInfo, pdfText, squeeze } from './poppler.testing.ts';

const HEADER_PARTS = ['STT', 'Mã hồ sơ', 'Tên TTHC', 'Ký', 'Ghi chú', '(1)', '(14)'];

describe('Mẫu số 06 — sổ theo dõi hồ sơ (PDF)', () => {
  it('prints 120 dossiers on several landscape pages, the column header on every page', async () => {
    const data = sampleDossierLog(120);
    const pdf = await renderDossierLog(data);
    const info = await pdfInfo(pdf);
    expect(info.width).toBeCloseTo(841.89, 1);
    expect(info.height).toBeCloseTo(595.28, 1);
    expect(info.pages).toBeGreaterThan(2);

    const pages = (await pdfText(pdf)).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(info.pages);
    const first = squeeze(pages[0] ?? '');
    for (const part of [
      DOSSIER_LOG_TITLE,
      'Từ ngày 01/02/2026 đến ngày 28/02/2026',
      'Độc lập - Tự do - Hạnh phúc',
    ]) {
      expect(first).toContain(part);
    }
    expect(first).toContain(SAMPLE_CODE);
    expect(first).toContain('Nguyễn Văn'); // the name column wraps "An" onto the next line
    expect(first).toMatch(/05\/02\/2026\s+10\/02\/2026/);
    pages.forEach((page, i) => {
      for (const part of HEADER_PARTS) expect(page, `page ${i + 1} lacks "${part}"`).toContain(part);
    });
    // Page 2 on its own, as a reader would see it: the header row again, and dossiers that were not on page 1.
    const second = await pdfText(pdf, { first: 2, last: 2 });
    expect(second).toContain('Tên TTHC');
    expect(second).not.toContain(SAMPLE_CODE);

    // Every dossier is printed exactly once, in order.
    const all = pages.join('\n');
    const codes = data.rows.map((r) => r.dossierCode);
    expect(new Set(codes).size).toBe(120);
    let from = 0;
    for (const code of codes) {
      const at = all.indexOf(code, from);
      expect(at, `${code} missing or out of order`).toBeGreaterThanOrEqual(0);
      expect(all.indexOf(code, at + 1)).toBe(-1);
      from = at;
    }
  });

  it('prints an empty period as the header and a note', async () => {
    const pdf = await renderDossierLog({ ...sampleDossierLog(0) });
    expect((await pdfInfo(pdf)).pages).toBe(1);
    expect(squeeze(await pdfText(pdf))).toContain('Không có hồ sơ trong kỳ.');
  });
});

describe('Mẫu số 06 — sổ theo dõi hồ sơ (.xlsx)', () => {
  it('round-trips through exceljs with the code, real dates in Vietnamese local time and Times New Roman', async () => {
    const data = sampleDossierLog(120);
    const bytes = await renderDossierLogXlsx(data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_NAME);
    if (!ws) throw new Error(`sheet ${SHEET_NAME} missing`);

    expect(ws.getCell('A2').value).toBe(DOSSIER_LOG_TITLE);
    expect(ws.getCell('A2').isMerged).toBe(true);
    expect(ws.getCell('N2').isMerged).toBe(true);
    expect(ws.getCell('A3').value).toBe('Từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(ws.getRow(LOG_HEADER_ROW).getCell(2).value).toBe('Mã hồ sơ');
    expect(ws.getRow(LOG_HEADER_ROW).getCell(14).value).toBe('Ghi chú');

    const first = ws.getRow(LOG_FIRST_DATA_ROW);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(SAMPLE_CODE);
    expect(first.getCell(5).value).toBe('Nguyễn Văn An');
    expect(first.getCell(2).font?.name).toBe('Times New Roman');
    // Received 05/02/2026 08:25 in Hà Nội: the cell holds that wall-clock time (spreadsheets have no time zone).
    const received = first.getCell(8);
    expect(received.value).toBeInstanceOf(Date);
    expect((received.value as Date).toISOString()).toBe('2026-02-05T08:25:00.000Z');
    expect(received.numFmt).toBe(DATE_TIME_FORMAT);
    expect((first.getCell(9).value as Date).toISOString()).toBe('2026-02-10T17:00:00.000Z');
    expect(first.getCell(13).value).toBeNull();

    const last = ws.getRow(LOG_FIRST_DATA_ROW + 119);
    expect(last.getCell(1).value).toBe(120);
    expect(last.getCell(2).value).toBe(data.rows[119]?.dossierCode);
    expect(ws.getRow(LOG_FIRST_DATA_ROW + 120).getCell(2).value).toBeNull();
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(16);
  });
});
