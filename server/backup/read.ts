/**
 * Walks a backup file once, checking it as it goes: the header first, each table's lines against the digest the
 * manifest gives, each attachment against its name, and the manifest last. Restore and `backup --verify` share it.
 */
import { z } from 'zod';
import { sha256 } from './attachments.ts';
import { TableHasher } from './digest.ts';
import { BackupFileError, FileRecord, Header, Manifest, parseLine, readLines, TableStart } from './format.ts';

const ManifestLine = z.object({ manifest: Manifest });

export type BackupHandlers = {
  /** Called before anything else is read; may refuse the file (e.g. another migration level). */
  header?(header: Header): Promise<void>;
  tableStart?(table: string, columns: string[]): Promise<void>;
  /** `values` are the row's text values in the order of the table's `columns`. */
  row?(table: string, values: (string | null)[]): Promise<void>;
  tableEnd?(table: string): Promise<void>;
  file?(sha: string, bytes: Buffer): Promise<void>;
};

const RowValues = {
  parse(text: string, lineNo: number, width: number): (string | null)[] {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupFileError(`Tệp sao lưu hỏng: dòng ${lineNo} không phải JSON`);
    }
    if (
      !Array.isArray(value) ||
      value.length !== width ||
      !value.every((v) => v === null || typeof v === 'string')
    ) {
      throw new BackupFileError(`Tệp sao lưu hỏng: dòng ${lineNo} không khớp các cột của bảng`);
    }
    return value as (string | null)[];
  },
};

/** Reads the whole file through `handlers`; resolves with the manifest once everything matched it. */
export async function walkBackup(file: string, handlers: BackupHandlers = {}): Promise<Manifest> {
  let lineNo = 0;
  let header: Header | undefined;
  let manifest: Manifest | undefined;
  let current: { name: string; columns: string[]; hasher: TableHasher } | undefined;
  const seen: Record<string, { rows: number; digest: string }> = {};
  const files: { sha256: string; size: number }[] = [];

  const endTable = async () => {
    if (!current) return;
    seen[current.name] = current.hasher.result();
    await handlers.tableEnd?.(current.name);
    current = undefined;
  };

  for await (const line of readLines(file)) {
    lineNo += 1;
    if (manifest) throw new BackupFileError(`Tệp sao lưu hỏng: còn dữ liệu sau bản kê (dòng ${lineNo})`);
    if (!header) {
      header = parseLine(Header, line, lineNo);
      await handlers.header?.(header);
      continue;
    }
    if (line.startsWith('[')) {
      if (!current) throw new BackupFileError(`Tệp sao lưu hỏng: dòng ${lineNo} không thuộc bảng nào`);
      const values = RowValues.parse(line, lineNo, current.columns.length);
      current.hasher.addLine(line);
      await handlers.row?.(current.name, values);
      continue;
    }
    await endTable();
    if (line.startsWith('{"table":')) {
      const start = parseLine(TableStart, line, lineNo);
      if (seen[start.table])
        throw new BackupFileError(`Tệp sao lưu hỏng: bảng ${start.table} xuất hiện hai lần`);
      current = { name: start.table, columns: start.columns, hasher: new TableHasher(start.columns) };
      await handlers.tableStart?.(start.table, start.columns);
    } else if (line.startsWith('{"file":')) {
      const f = parseLine(FileRecord, line, lineNo);
      const bytes = Buffer.from(f.data, 'base64');
      if (bytes.length !== f.size || sha256(bytes) !== f.file) {
        throw new BackupFileError(`Tệp sao lưu hỏng: tệp đính kèm ${f.file} không khớp mã băm`);
      }
      files.push({ sha256: f.file, size: f.size });
      await handlers.file?.(f.file, bytes);
    } else if (line.startsWith('{"manifest":')) {
      manifest = parseLine(ManifestLine, line, lineNo).manifest;
    } else {
      throw new BackupFileError(`Tệp sao lưu hỏng: không hiểu dòng ${lineNo}`);
    }
  }
  await endTable();
  if (!header) throw new BackupFileError('Tệp sao lưu rỗng');
  if (!manifest) throw new BackupFileError('Tệp sao lưu không trọn vẹn: thiếu bản kê ở cuối (tệp bị cắt?)');
  checkAgainstManifest(manifest, seen, files);
  return manifest;
}

function checkAgainstManifest(
  manifest: Manifest,
  seen: Record<string, { rows: number; digest: string }>,
  files: { sha256: string; size: number }[],
) {
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(seen)]);
  const bad = [...names].filter(
    (n) => seen[n]?.digest !== manifest.tables[n]?.digest || seen[n]?.rows !== manifest.tables[n]?.rows,
  );
  if (bad.length > 0) {
    throw new BackupFileError(
      `Tệp sao lưu đã bị sửa hoặc hỏng: dữ liệu bảng ${bad.sort().join(', ')} không khớp mã kiểm tra trong bản kê`,
    );
  }
  const key = (f: { sha256: string; size: number }) => `${f.sha256}:${f.size}`;
  const listed = manifest.files.map(key).sort().join(',');
  if (files.map(key).sort().join(',') !== listed) {
    throw new BackupFileError('Tệp sao lưu đã bị sửa hoặc hỏng: danh sách tệp đính kèm không khớp bản kê');
  }
}
