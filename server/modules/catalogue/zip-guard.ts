/**
 * A guard before a ZIP container (an .xlsx workbook) is inflated in memory: the sizes its central directory
 * declares must stay within limits, so that a small file that would inflate to gigabytes (a zip bomb) is refused
 * before any byte is decompressed. Declared sizes can lie; the reader that inflates (JSZip, under exceljs) checks
 * each entry's real size against them, so a lying entry fails there instead of growing without bound.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export type ZipLimits = Readonly<{ maxTotalBytes: number; maxRatio: number; maxEntries: number }>;

export type ZipVerdict = { ok: true; totalBytes: number } | { ok: false; reason: string };

export function checkZip(buf: Buffer, limits: ZipLimits): ZipVerdict {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'not a ZIP container' };
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return { ok: false, reason: `${entries} entries` };
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      return { ok: false, reason: 'damaged directory' };
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    // ZIP64 markers: an .xlsx of a catalogue never needs them.
    if (compressed === 0xffffffff || size === 0xffffffff) return { ok: false, reason: 'ZIP64 entry' };
    if (size > limits.maxRatio * Math.max(compressed, 1024))
      return { ok: false, reason: 'compression ratio' };
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (total > limits.maxTotalBytes) return { ok: false, reason: `${total} bytes once inflated` };
  return { ok: true, totalBytes: total };
}
