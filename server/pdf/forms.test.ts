import { afterEach, describe, expect, it } from 'vitest';
import { vietnameseDateLine } from './document.ts';
import { formatDong, formatTimeAndDate } from './format.ts';
import {
  SAMPLE_CODE,
  sampleApology,
  sampleControlSheet,
  sampleReceipt,
  sampleRefusal,
  sampleSupplement,
} from './forms.samples.ts';
import {
  APOLOGY_TITLE,
  CONTROL_SHEET_TITLE,
  RECEIPT_TITLE,
  REFUSAL_TITLE,
  renderApology,
  renderControlSheet,
  renderReceipt,
  renderRefusal,
  renderSupplementGuidance,
  SUPPLEMENT_TITLE,
} from './forms.ts';
import { pdfFonts, pdfInfo, pdfText, squeeze } from './poppler.testing.ts';

const NATIONAL = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const COMBINING_MARK = /[\u0300-\u036f]/;

/** Text of a one-page A4 portrait form, after checking the page. */
async function onePageText(pdf: Buffer): Promise<string> {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const info = await pdfInfo(pdf);
  expect(info).toMatchObject({ pages: 1 });
  expect(info.width).toBeCloseTo(595.28, 1);
  expect(info.height).toBeCloseTo(841.89, 1);
  return squeeze(await pdfText(pdf));
}

const expectAll = (text: string, parts: readonly string[]) => {
  for (const part of parts) expect(text, `missing "${part}"`).toContain(part);
};

describe('Mẫu số 01 — giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints the code, the applicant, the checklist and both times in Vietnamese', async () => {
    const pdf = await renderReceipt(sampleReceipt());
    const text = await onePageText(pdf);
    expectAll(text, [
      ...NATIONAL,
      'UBND PHƯỜNG HOÀN KIẾM',
      'Hoàn Kiếm, ngày 05 tháng 02 năm 2026',
      RECEIPT_TITLE,
      `Mã hồ sơ: ${SAMPLE_CODE}`,
      'Tiếp nhận hồ sơ của: Nguyễn Văn An',
      'Phường Hoàn Kiếm, Thành phố Hà Nội',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Giấy chứng nhận kết hôn của cha, mẹ',
      'Bản sao có chứng',
      '2. Số lượng hồ sơ: 01 bộ',
      '03 ngày làm việc',
      'Thời gian nhận hồ sơ: 10 giờ 15 phút, ngày 05/02/2026',
      'Thời gian trả kết quả: 17 giờ 00 phút, ngày 10/02/2026',
      'không tính thứ Bảy, Chủ nhật',
      '8.000 đồng',
      'Quyển số: 01/2026',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Thị Bình',
      'Quét mã để tra cứu',
    ]);
    expect(text).not.toMatch(COMBINING_MARK);
  });

  it('embeds the Tinos faces and nothing else', async () => {
    const fonts = await pdfFonts(await renderReceipt(sampleReceipt()));
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/Tinos/);
      // Columns: name type encoding emb sub uni object-id; "emb" must be yes for every font.
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('leaves out the fee and log lines when there are none', async () => {
    const { feePaid: _fee, logEntry: _log, ...rest } = sampleReceipt();
    const text = await onePageText(await renderReceipt(rest));
    expect(text).not.toContain('lệ phí đã nộp');
    expect(text).not.toContain('Quyển số');
  });
});

describe('Mẫu số 02, 03, 04 — notices to the applicant', () => {
  it('02 lists everything to supplement, numbered, and says it is given once and in full', async () => {
    const text = await onePageText(await renderSupplementGuidance(sampleSupplement()));
    expectAll(text, [
      ...NATIONAL,
      SUPPLEMENT_TITLE,
      `Mã hồ sơ: ${SAMPLE_CODE}`,
      'Hồ sơ của: Nguyễn Văn An',
      '1. Tờ khai đăng ký khai sinh: thiếu chữ ký',
      '2. Giấy chứng sinh: nộp bản chính',
      '3. Văn bản ủy quyền:',
      'Lý do: Hồ sơ chưa đủ thành phần',
      'được hướng dẫn một lần',
      '024 3825 1234',
      'NGƯỜI HƯỚNG DẪN',
    ]);
  });

  it('03 gives the numbered reasons of the refusal', async () => {
    const text = await onePageText(await renderRefusal(sampleRefusal()));
    expectAll(text, [
      ...NATIONAL,
      REFUSAL_TITLE,
      `Mã hồ sơ: ${SAMPLE_CODE}`,
      'Tiếp nhận hồ sơ của: Nguyễn Văn An',
      'từ chối tiếp nhận',
      '1. Trẻ đã được đăng ký khai sinh',
      '2. Yêu cầu cấp bản sao trích lục',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ]);
  });

  it('04 apologises with the reason and the new date, signed by the leader', async () => {
    const text = await onePageText(await renderApology(sampleApology()));
    expectAll(text, [
      ...NATIONAL,
      'ỦY BAN NHÂN DÂN PHƯỜNG',
      'Số: 15/PXL-UBND',
      'Hoàn Kiếm, ngày 09 tháng 02 năm 2026',
      APOLOGY_TITLE,
      'Kính gửi: Ông/Bà Nguyễn Văn An',
      SAMPLE_CODE,
      'Vào lúc 10 giờ 15 phút, ngày 05/02/2026',
      'Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 10/02/2026',
      'Lý do: Cần xác minh',
      'hẹn lại ngày trả kết quả',
      '17 giờ 00 phút, ngày 13/02/2026',
      'TM. ỦY BAN NHÂN DÂN',
      'PHÓ CHỦ TỊCH',
      'Phạm Minh Đức',
      'Nơi nhận:',
    ]);
  });
});

describe('Mẫu số 05 — phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('has one row per hand-over with the time, the people and the outcome', async () => {
    const text = await onePageText(await renderControlSheet(sampleControlSheet()));
    expectAll(text, [
      ...NATIONAL,
      CONTROL_SHEET_TITLE,
      `Mã hồ sơ: ${SAMPLE_CODE}`,
      'Kèm theo hồ sơ của: Nguyễn Văn An',
      'Thời gian nhận hồ sơ: 10 giờ 15 phút, ngày 05/02/2026',
      'Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 10/02/2026',
      'TÊN CƠ QUAN, ĐƠN VỊ',
      'THỜI GIAN GIAO, NHẬN',
      'KẾT QUẢ GIẢI',
      'GHI CHÚ',
      'Giao: Bộ phận Tiếp nhận',
      'Nhận: Lãnh đạo UBND',
      '10 giờ 30 phút',
      'ngày 09/02/2026',
      'Người giao: Trần Thị Bình',
      'Người nhận: Lê Văn Cường',
      'Trước hạn',
      'Đúng hạn',
      'Đã ký giấy',
    ]);
    expect(text.match(/Người giao:/g)).toHaveLength(4);
  });
});

/** Every string of `value` in Unicode NFD (base letters + combining marks), dates kept. */
function decompose<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFD') as T;
  if (Array.isArray(value)) return value.map(decompose) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decompose(v)])) as T;
}

describe('Unicode', () => {
  it('draws decomposed (NFD) input as composed (NFC) text', async () => {
    const input = decompose(sampleReceipt());
    expect(input.applicant.name).not.toBe('Nguyễn Văn An');
    expect(input.applicant.name).toMatch(COMBINING_MARK);
    const text = await onePageText(await renderReceipt(input));
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Văn An');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(COMBINING_MARK);
  });
});

describe('dates in Asia/Ho_Chi_Minh whatever the host time zone', () => {
  const hostTz = process.env.TZ;
  afterEach(() => {
    if (hostTz === undefined) delete process.env.TZ;
    else process.env.TZ = hostTz;
  });

  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'])('under TZ=%s', (tz) => {
    process.env.TZ = tz;
    const evening = new Date('2026-02-04T20:00:00Z');
    expect(vietnameseDateLine('Hoàn Kiếm', evening)).toBe('Hoàn Kiếm, ngày 05 tháng 02 năm 2026');
    expect(formatTimeAndDate(evening)).toBe('03 giờ 00 phút, ngày 05/02/2026');
    expect(formatTimeAndDate(new Date('2026-02-05T10:00:00Z'))).toBe('17 giờ 00 phút, ngày 05/02/2026');
    expect(vietnameseDateLine('Hoàn Kiếm', new Date('2025-12-31T16:59:59Z'))).toBe(
      'Hoàn Kiếm, ngày 31 tháng 12 năm 2025',
    );
    expect(vietnameseDateLine('Hoàn Kiếm', new Date('2025-12-31T17:00:00Z'))).toBe(
      'Hoàn Kiếm, ngày 01 tháng 01 năm 2026',
    );
  });

  it('prints the date line of a form issued at 2026-02-04T20:00:00Z as 05/02/2026', async () => {
    process.env.TZ = 'UTC';
    const pdf = await renderRefusal({ ...sampleRefusal(), issuedAt: new Date('2026-02-04T20:00:00Z') });
    expect(await onePageText(pdf)).toContain('Hoàn Kiếm, ngày 05 tháng 02 năm 2026');
  });

  it('refuses an invalid date instead of printing NaN', async () => {
    await expect(renderRefusal({ ...sampleRefusal(), issuedAt: new Date('not a date') })).rejects.toThrow(
      /Invalid Date/,
    );
  });
});

describe('money', () => {
  it('groups thousands with dots and refuses fractions of a đồng', () => {
    expect(formatDong(0)).toBe('0 đồng');
    expect(formatDong(8000)).toBe('8.000 đồng');
    expect(formatDong(1_250_000)).toBe('1.250.000 đồng');
    expect(() => formatDong(12.5)).toThrow(RangeError);
    expect(() => formatDong(-1)).toThrow(RangeError);
  });
});
