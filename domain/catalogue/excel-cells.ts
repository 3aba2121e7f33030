/**
 * Cells of the catalogue workbook (docs/catalogue-excel.md): plain values a clerk can type, read back with
 * Vietnamese errors naming the sheet, row and column. No spreadsheet library here: the server turns .xlsx
 * bytes into these rows and back.
 */
import { nfc } from '../shared/text.ts';

export type Cell = string | number | boolean | null;
export type SheetRow = Record<string, Cell>;
/** Sheet name → data rows; row `i` is Excel row `i + 2` (row 1 is the header; blank rows are kept, all null). */
export type Sheets = Record<string, SheetRow[]>;
export type SheetError = { sheet: string; row: number; column?: string; message: string };

export const excelRow = (index: number): number => index + 2;
export const isBlankRow = (row: SheetRow): boolean =>
  Object.values(row).every((v) => v === null || (typeof v === 'string' && v.trim() === ''));

/** Labels of an enum as printed in the workbook; import accepts the label or the code, any case. */
export type Labels<T extends string> = Readonly<Record<T, string>>;

export const YES = 'Có';
export const NO = 'Không';

const fold = (s: string) => nfc(s).toLowerCase();

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
export const toViDate = (iso: string): string => iso.split('-').reverse().join('/');

/** Excel serial day (1900 date system, as stored by Excel) → ISO date. */
const serialToIso = (n: number): string =>
  new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);

const isRealDate = (iso: string): boolean => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** dd/MM/yyyy, YYYY-MM-DD or an Excel serial day → ISO date; undefined when it is not a real date. */
export const parseDate = (v: string | number | boolean): string | undefined => {
  let iso: string | undefined;
  if (typeof v === 'number') iso = serialToIso(v);
  else {
    const s = String(v).trim();
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (vi) iso = `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}`;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  }
  return iso !== undefined && isRealDate(iso) ? iso : undefined;
};

/** Reads the cells of one row, collecting errors instead of throwing; every getter returns undefined when blank. */
export class RowReader {
  constructor(
    readonly sheet: string,
    readonly row: number,
    private readonly cells: SheetRow,
    private readonly errors: SheetError[],
  ) {}

  private fail(column: string, message: string): undefined {
    this.errors.push({ sheet: this.sheet, row: this.row, column, message });
    return undefined;
  }

  private raw(column: string): Exclude<Cell, null> | undefined {
    const v = this.cells[column];
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() === '') return undefined;
    return v;
  }

  text(column: string): string | undefined {
    const v = this.raw(column);
    return v === undefined ? undefined : nfc(String(v));
  }

  number(column: string): number | undefined {
    const v = this.raw(column);
    if (v === undefined || typeof v === 'number') return v;
    const s = String(v).trim().replace(/\s/g, '');
    // "1.000.000" (Vietnamese thousands) or "2,5" (decimal comma)
    const normal = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replaceAll('.', '') : s.replace(',', '.');
    const n = Number(normal);
    return Number.isFinite(n) && normal !== '' ? n : this.fail(column, `"${v}" không phải là số`);
  }

  bool(column: string): boolean | undefined {
    const v = this.raw(column);
    if (v === undefined || typeof v === 'boolean') return v;
    const s = fold(String(v));
    if (['có', 'x', '1', 'true', 'yes'].includes(s)) return true;
    if (['không', '0', 'false', 'no'].includes(s)) return false;
    return this.fail(column, `Chỉ ghi "${YES}" hoặc "${NO}"`);
  }

  /** A date typed as dd/MM/yyyy, YYYY-MM-DD, or an Excel date (serial number). */
  date(column: string): string | undefined {
    const v = this.raw(column);
    if (v === undefined) return undefined;
    return parseDate(v) ?? this.fail(column, `"${v}" không phải ngày dd/MM/yyyy`);
  }

  oneOf<T extends string>(column: string, labels: Labels<T>): T | undefined {
    const v = this.text(column);
    return v === undefined ? undefined : this.labelOf(column, labels, v);
  }

  /** The code whose label (or code) is `v`; an error on `column` when there is none. */
  labelOf<T extends string>(column: string, labels: Labels<T>, v: string): T | undefined {
    const wanted = fold(v);
    for (const [code, label] of Object.entries(labels) as [T, string][]) {
      if (fold(code) === wanted || fold(label) === wanted) return code;
    }
    return this.fail(column, `"${v}" không hợp lệ; chọn một trong: ${Object.values(labels).join('; ')}`);
  }

  /** Several enum values in one cell, separated by `sep`. */
  manyOf<T extends string>(column: string, labels: Labels<T>, sep: string | RegExp): T[] | undefined {
    const items = this.list(column, sep);
    if (items === undefined) return undefined;
    const out = items.map((v) => this.labelOf(column, labels, v));
    return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
  }

  /** Items separated by `sep` (e.g. new lines or commas), trimmed, blanks dropped. */
  list(column: string, sep: string | RegExp): string[] | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    return v
      .split(sep)
      .map((s) => nfc(s))
      .filter((s) => s !== '');
  }

  /** A JSON cell (only where the structure is genuinely nested). */
  json(column: string): unknown {
    const v = this.text(column);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return this.fail(column, 'Nội dung JSON không đúng cú pháp');
    }
  }

  error(column: string | undefined, message: string): void {
    this.errors.push({ sheet: this.sheet, row: this.row, ...(column ? { column } : {}), message });
  }
}

/** Drops keys whose value is undefined, so optional fields stay absent (zod then applies its defaults). */
export const compact = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const yesNo = (b: boolean): string => (b ? YES : NO);
