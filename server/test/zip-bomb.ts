/**
 * A minimal ZIP writer for upload tests: entries are deflated from repeated chunks, so a few hundred kilobytes can
 * claim hundreds of megabytes once inflated (a "zip bomb") without the test ever holding those megabytes.
 * Test code only.
 */
import zlib from 'node:zlib';

export type ZipEntry = Readonly<{ name: string; text?: string; repeat?: { chunk: Buffer; times: number } }>;

async function deflated(e: ZipEntry): Promise<{ data: Buffer; crc: number; size: number }> {
  if (e.text !== undefined) {
    const raw = Buffer.from(e.text);
    return { data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
  }
  const { chunk, times } = e.repeat!;
  // One deflate stream over the repeated chunk, fed piece by piece (the inflated size is never held).
  const z = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < times; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!z.write(chunk)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await done;
  return { data: Buffer.concat(parts), crc, size: chunk.length * times };
}

/** A ZIP archive (deflate, no ZIP64: entries stay under 4 GiB). */
export async function zip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, crc, size } = await deflated(e);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** An .xlsx-shaped archive whose worksheet inflates to `megabytes` of blank XML. */
export function xlsxBomb(megabytes: number): Promise<Buffer> {
  return zip([
    {
      name: '[Content_Types].xml',
      text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      text: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ThuTuc" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    { name: 'xl/worksheets/sheet1.xml', repeat: { chunk: Buffer.alloc(1 << 20, 0x20), times: megabytes } },
  ]);
}
