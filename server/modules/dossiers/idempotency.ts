import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { idempotencyKeys } from '../../db/schema.ts';
import { type Queryable, type Tx, withTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';

export type Stored<T> = { statusCode: number; body: T; replayed: boolean };

const hashOf = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Runs `work` in one transaction, at most once per (owner, key): the key row is inserted first in the same
 * transaction, so a concurrent retry waits for the first attempt and then gets its stored answer; a failed
 * attempt rolls the key back and may be retried. The same key with a different request is a conflict.
 */
export async function once<T>(
  db: Db,
  owner: string,
  key: string | undefined,
  request: unknown,
  work: (tx: Tx) => Promise<{ statusCode: number; body: T }>,
): Promise<Stored<T>> {
  return withTransaction(db, async (tx) => {
    if (key === undefined) return { ...(await work(tx)), replayed: false };
    const requestHash = hashOf(request);
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ owner, key, requestHash, statusCode: 0, response: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
      if (!prior || prior.requestHash !== requestHash) {
        throw new AppError('CONFLICT', 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác', {
          errors: [{ path: 'Idempotency-Key', message: 'Dùng khóa mới cho mỗi yêu cầu khác nhau' }],
        });
      }
      return { statusCode: prior.statusCode, body: prior.response as T, replayed: true };
    }
    const result = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.statusCode, response: result.body as object })
      .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
    return { ...result, replayed: false };
  });
}

/**
 * `once` for work that is a single SQL statement: without a key there is nothing else to commit with it, and a
 * statement is atomic on its own, so it runs without BEGIN/COMMIT around it (two round trips fewer, and any row
 * lock it takes is held for the statement only). With a key it runs in `once`'s transaction.
 */
export async function onceSingleStatement<T>(
  db: Db,
  owner: string,
  key: string | undefined,
  request: unknown,
  work: (q: Queryable) => Promise<{ statusCode: number; body: T }>,
): Promise<Stored<T>> {
  if (key !== undefined) return once(db, owner, key, request, work);
  return { ...(await work(db)), replayed: false };
}

/** `Idempotency-Key` header: 1–200 visible ASCII characters. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
    throw new AppError('BAD_REQUEST', 'Idempotency-Key phải gồm 1–200 ký tự ASCII nhìn thấy được', {
      errors: [{ path: 'Idempotency-Key', message: 'Khóa không hợp lệ' }],
    });
  }
  return raw;
}
