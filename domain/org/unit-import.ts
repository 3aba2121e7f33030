import { nfc } from '../shared/text.ts';

/** One row of the GSO commune list (format of 1027/CTK-CSCL: `stt,ma_xa,ten_xa,tinh`). */
export type UnitRow = {
  line: number;
  gsoCode: string;
  name: string;
  localKind: string;
  provinceName: string;
};
export type RowError = { line: number; field: string; message: string };

const KINDS: [prefix: string, localKind: string][] = [
  ['đặc khu', 'đặc khu'],
  ['phường', 'phường'],
  ['xã', 'xã'],
];

/** "Thành phố Hà Nội", "Tp Cần Thơ", "TP. Huế", "Tỉnh Cà Mau" → "hà nội", "cần thơ", "huế", "cà mau". */
export function provinceKey(name: string): string {
  return nfc(name)
    .toLowerCase()
    .replace(/^(thành phố|tp\.?|tỉnh)\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const REQUIRED_COLUMNS = ['stt', 'ma_xa', 'ten_xa', 'tinh'] as const;

/** Validates every row; the caller imports nothing when any row has an error. `records[0]` is line 2 of the file. */
export function parseUnitRows(records: readonly Record<string, string | undefined>[]) {
  const rows: UnitRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const line = i + 2;
    const gsoCode = (rec.ma_xa ?? '').trim();
    const name = nfc(rec.ten_xa ?? '');
    const provinceName = nfc(rec.tinh ?? '');
    const before = errors.length;
    if (!/^\d{5}$/.test(gsoCode))
      errors.push({ line, field: 'ma_xa', message: 'Mã xã phải gồm đúng 5 chữ số' });
    if (!name) errors.push({ line, field: 'ten_xa', message: 'Thiếu tên đơn vị' });
    if (!provinceName) errors.push({ line, field: 'tinh', message: 'Thiếu tên tỉnh, thành phố' });
    const kind = KINDS.find(([p]) => name.toLowerCase().startsWith(`${p} `));
    if (name && !kind) {
      errors.push({ line, field: 'ten_xa', message: 'Tên phải bắt đầu bằng "Xã", "Phường" hoặc "Đặc khu"' });
    }
    const dup = seen.get(gsoCode);
    if (gsoCode && dup) errors.push({ line, field: 'ma_xa', message: `Trùng mã với dòng ${dup}` });
    seen.set(gsoCode, line);
    if (errors.length === before && kind)
      rows.push({ line, gsoCode, name, localKind: kind[1], provinceName });
  });
  return { rows, errors };
}
