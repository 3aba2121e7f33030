/**
 * The backup file (format 1): gzip of UTF-8 JSON lines, read and written as a stream. Line by line:
 *
 *   {"motcuaBackup":1, ...Header}                          first line: what the file is and where it came from
 *   {"table":"agencies","columns":["id",…]}               then for each table, in load (foreign-key) order:
 *   ["…","…",null,…]                                       its rows, each an array of PostgreSQL text values
 *   {"file":"<sha256>","size":123,"data":"<base64>"}       then every stored attachment, by content hash
 *   {"manifest":{…Manifest}}                               last line: counts and digests of everything above
 *
 * See docs/backup.md and ADR 0008.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';

export const FORMAT = 1;

const Migration = z.object({ tag: z.string().nullable(), hash: z.string(), createdAt: z.string() });

export const Header = z.object({
  motcuaBackup: z.literal(FORMAT),
  motcuaVersion: z.string(),
  database: z.enum(['pglite', 'postgres']),
  migration: Migration,
  createdAt: z.string(),
});
export type Header = z.infer<typeof Header>;

export const Manifest = Header.omit({ motcuaBackup: true }).extend({
  format: z.literal(FORMAT),
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0), digest: z.string().length(64) })),
  sequences: z.record(z.string(), z.tuple([z.string(), z.boolean()])),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) })),
  /** Files a row names that were not on disk when the backup was taken (reported, not fatal). */
  missingFiles: z.array(z.string()),
});
export type Manifest = z.infer<typeof Manifest>;

export const TableStart = z.object({ table: z.string(), columns: z.array(z.string()) });
export const FileRecord = z.object({
  file: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  data: z.string(),
});

/** A gzip JSON-lines writer that respects back-pressure; `close` resolves once the file is on disk. */
export function openWriter(file: string) {
  const gzip = zlib.createGzip({ level: 6 });
  const finished = pipeline(gzip, fs.createWriteStream(file));
  // Reported by close(); without a handler an early disk error would be an unhandled rejection.
  finished.catch(() => {});
  // Lines are gathered into ~256 KB chunks: one zlib write per line costs more than the compression itself.
  let buffered: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffered.length === 0) return;
    const chunk = buffered.join('');
    buffered = [];
    size = 0;
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  return {
    async line(text: string) {
      buffered.push(text, '\n');
      size += text.length + 1;
      if (size >= 262_144) await flush();
    },
    async close() {
      await flush();
      gzip.end();
      await finished;
    },
  };
}

/** The lines of a backup file, decompressed as they are read; a damaged gzip stream (CRC, truncation) throws. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  const source = pipeline(fs.createReadStream(file), gunzip);
  source.catch(() => {}); // the same error surfaces from iterating `gunzip`
  const decoder = new StringDecoder('utf8');
  // The current line's pieces: an attachment's line can be megabytes long, so chunks are not re-scanned.
  let parts: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        parts.push(text.slice(start, nl));
        yield parts.join('');
        parts = [];
        start = nl + 1;
      }
      if (start < text.length) parts.push(text.slice(start));
    }
  } catch (err) {
    throw new BackupFileError(`Không đọc được tệp sao lưu (${(err as Error).message})`);
  }
  parts.push(decoder.end());
  const last = parts.join('');
  if (last.length > 0) yield last;
}

export class BackupFileError extends Error {}

/** Parses one line, naming the line number when it is not what the format says. */
export function parseLine<T>(schema: z.ZodType<T>, text: string, lineNo: number): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError(`Tệp sao lưu hỏng: dòng ${lineNo} không phải JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupFileError(`Tệp sao lưu hỏng: dòng ${lineNo} sai định dạng`);
  return parsed.data;
}
