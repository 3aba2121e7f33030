/**
 * Uploaded scans and result documents. Only PDF, JPEG and PNG are accepted, recognised by their first bytes (a
 * renamed executable is refused whatever it claims to be); the bytes are stored once per SHA-256 under
 * DATA_DIR/files and always served back as a download, never inline.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { nfc } from '../../../domain/shared/text.ts';
import type { Ctx } from '../../context.ts';
import { storedFiles } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireActor, requireStaff } from '../access/access.ts';
import { readable } from '../dossiers/actions.service.ts';

export const FILE_LIMIT_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_TYPES = {
  'application/pdf': { magic: [Buffer.from('%PDF-')], label: 'PDF' },
  'image/jpeg': { magic: [Buffer.from([0xff, 0xd8, 0xff])], label: 'JPEG' },
  'image/png': { magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], label: 'PNG' },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

export const isAcceptedType = (t: string): t is AcceptedType => t in ACCEPTED_TYPES;

/** The type the content really has (by signature), or undefined. */
export function sniff(bytes: Buffer): AcceptedType | undefined {
  return (Object.keys(ACCEPTED_TYPES) as AcceptedType[]).find((t) =>
    ACCEPTED_TYPES[t].magic.some((m) => bytes.subarray(0, m.length).equals(m)),
  );
}

/** Where the bytes of a file live (callers check access first: see readFile, dossiers/result-download). */
export const blobPath = (dataDir: string, sha: string) => path.join(dataDir, 'files', sha.slice(0, 2), sha);

/** A file name safe to store and to put in a header: NFC, no path, no control characters. */
export function safeName(raw: string | undefined, type: AcceptedType): string {
  const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[type];
  let decoded = raw ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // keep the raw value
  }
  const base = nfc(decoded.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}"<>|:*?]/gu, '')
    .slice(0, 200);
  return base.length > 0 ? base : `tep.${ext}`;
}

export async function storeFile(
  ctx: Ctx,
  dataDir: string,
  declaredType: string,
  bytes: Buffer,
  rawName: string | undefined,
) {
  // Desk staff scan at the counter; citizens upload their own documents through the portal.
  const actor = ctx.actor?.kind === 'citizen' ? ctx.actor : requireStaff(ctx);
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!isAcceptedType(declared)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
  }
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng');
  const real = sniff(bytes);
  if (real !== declared) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Nội dung tệp không phải ${ACCEPTED_TYPES[declared].label} như đã khai báo`,
    );
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  const target = blobPath(dataDir, sha);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.access(target);
  } catch {
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  }
  const [row] = await ctx.db
    .insert(storedFiles)
    .values({
      sha256: sha,
      size: bytes.length,
      mediaType: real,
      name: safeName(rawName, real),
      uploadedBy: actor.userId,
    })
    .returning();
  return { id: row!.id, name: row!.name, size: row!.size, mediaType: row!.mediaType, sha256: sha };
}

/** A file the actor uploaded, or one attached to a dossier the actor may read. */
export async function readFile(ctx: Ctx, dataDir: string, id: string) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw notFound('tệp');
  if (row.uploadedBy !== actor.userId) {
    if (!row.dossierId) throw notFound('tệp');
    await readable(ctx, row.dossierId);
  }
  const bytes = await fs.readFile(blobPath(dataDir, row.sha256));
  return { bytes, name: row.name, mediaType: row.mediaType };
}
