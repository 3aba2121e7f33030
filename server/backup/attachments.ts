/** Attachment blobs under DATA_DIR/files, named by SHA-256 (the layout of server/modules/files/files.service.ts). */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const blobPath = (dataDir: string, sha: string) => path.join(dataDir, 'files', sha.slice(0, 2), sha);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The blob's bytes, undefined when it is not on disk; a blob whose bytes do not match its name throws. */
export async function readBlob(dataDir: string, sha: string): Promise<Buffer | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(blobPath(dataDir, sha));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (sha256(bytes) !== sha) throw new Error(`Tệp đính kèm ${sha} trên đĩa đã bị hỏng (mã băm không khớp)`);
  return bytes;
}

/** Writes a blob in place atomically (temporary name, then rename); an identical blob already there is kept. */
export async function writeBlob(dataDir: string, sha: string, bytes: Buffer): Promise<void> {
  const target = blobPath(dataDir, sha);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.restore.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, target);
}
