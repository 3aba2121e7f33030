/**
 * The tamper-evident record: dossier events and audit events are hash-chained per agency by a database trigger
 * (migration 0013). `verifyAuditChain` asks the database to recompute every link and every chained row.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/tx.ts';

export type ChainProblem = { chain: string | null; seq: number | null; problem: string };
export type ChainHead = { chain: string; seq: number; hash: string };

export async function verifyAuditChain(q: Queryable): Promise<ChainProblem[]> {
  const res = (await q.execute(sql`select chain, seq, problem from audit_chain_verify()`)) as unknown as {
    rows: { chain: string | null; seq: string | number | null; problem: string }[];
  };
  return res.rows.map((r) => ({
    chain: r.chain,
    seq: r.seq === null ? null : Number(r.seq),
    problem: r.problem,
  }));
}

/**
 * The last link of every chain. Written down somewhere the database's administrators cannot reach (a printed
 * report, another system), these make even a rewrite of a whole chain's tail detectable.
 */
export async function chainHeads(q: Queryable): Promise<ChainHead[]> {
  const res = (await q.execute(
    sql`select chain, seq, encode(hash, 'hex') as hash from audit_chain_heads order by chain`,
  )) as unknown as { rows: { chain: string; seq: string | number; hash: string }[] };
  return res.rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
}
