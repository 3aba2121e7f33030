/**
 * Test helpers reading rendered PDFs back with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm).
 * A missing tool fails the test with the package to install: PDF tests are never skipped silently.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function poppler(tool: string, args: readonly string[]): Promise<Buffer> {
  try {
    const { stdout } = await run(tool, args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} not found: install poppler-utils (apt-get install poppler-utils) to run the PDF tests`,
      );
    }
    throw error;
  }
}

/** Writes the PDF to a temporary file, runs `use` on its path, removes it. */
async function withPdfFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    await fs.writeFile(file, pdf);
    return await use(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` of the whole document or of pages first…last (1-based); pages end with "\f". */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return withPdfFile(pdf, async (file) =>
    (await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'])).toString('utf8'),
  );
}

/** The text with runs of spaces collapsed, as assertions want it (layout mode pads columns). */
export const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');

export interface PdfInfo {
  readonly pages: number;
  /** Page size in points, e.g. 595.28 × 841.89 for A4 portrait. */
  readonly width: number;
  readonly height: number;
}

export function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  return withPdfFile(pdf, async (file) => {
    const out = (await poppler('pdfinfo', [file])).toString('utf8');
    const pages = /^Pages:\s+(\d+)/m.exec(out);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
    if (!pages || !size) throw new Error(`Unexpected pdfinfo output:\n${out}`);
    return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
  });
}

/** The `pdffonts` table: one line per font, with its name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await poppler('pdffonts', [file])).toString('utf8'));
}

/** A grey raster of page 1 (PGM) at `dpi`: width, height and one byte per pixel (0 black … 255 white). */
export function pdfGrey(
  pdf: Buffer,
  dpi: number,
): Promise<{ width: number; height: number; pixels: Buffer }> {
  return withPdfFile(pdf, async (file) => {
    const out = await poppler('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', file]);
    // Binary PGM: "P5" whitespace width whitespace height whitespace maxval, one whitespace byte, then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(out.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not return a PGM image');
    const [all, width, height] = header;
    return { width: Number(width), height: Number(height), pixels: out.subarray(all.length) };
  });
}
