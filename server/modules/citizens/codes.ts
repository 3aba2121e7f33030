/** One-time codes: drawn from a CSPRNG, kept only as a hash salted with the row id, compared in constant time. */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * SHA-256 of the row id and the code. A 6-digit code cannot resist an offline search whatever the hash; what the
 * hash gives is that nobody reads a live code off the table (a backup, a support screen). The code's strength is
 * its 10-minute life and its few tries (ADR 0007).
 */
export const hashCode = (challengeId: string, code: string): string =>
  createHash('sha256').update(`motcua.citizen-code:${challengeId}:${code}`).digest('hex');

export function codeMatches(challengeId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(challengeId, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
