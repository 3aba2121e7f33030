/**
 * Reads for the indices: counts over the dossiers, the catalogue and the payments of an agency subtree. Each
 * returns a numerator and a denominator as stored; what they score is decided in domain/indices.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ratio } from '../../../domain/indices/service-index.ts';
import type { Queryable } from '../../db/tx.ts';

const Pair = z.object({ numerator: z.coerce.number().int(), denominator: z.coerce.number().int() });

async function ratio(q: Queryable, query: ReturnType<typeof sql>): Promise<Ratio> {
  const res = (await q.execute(query)) as unknown as { rows: unknown[] };
  return Pair.parse(res.rows[0]);
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const under = (rootPath: string) => `${rootPath}%`;

/** Versions in force on `day`: published (or since superseded) and effective that day. */
const inForce = (day: string) => sql`
  v.status in ('published', 'superseded')
  and v.effective_from <= ${day}::date
  and (v.effective_to is null or v.effective_to >= ${day}::date)`;

/** Procedures in force on `day` offered online (fully or partly) over all procedures in force. */
export const proceduresOnline = (q: Queryable, day: string) =>
  ratio(
    q,
    sql`select
      count(distinct v.procedure_id) filter (where v.online_level in ('full', 'partial')) as numerator,
      count(distinct v.procedure_id) as denominator
    from procedure_versions v where ${inForce(day)}`,
  );

/** Procedures offered online on `day` with at least one online dossier submitted in [start, end) in the subtree. */
export const proceduresUsedOnline = (q: Queryable, rootPath: string, start: Date, end: Date, day: string) =>
  ratio(
    q,
    sql`with offered as (
      select distinct v.procedure_id from procedure_versions v
      where ${inForce(day)} and v.online_level in ('full', 'partial')
    )
    select
      (select count(distinct d.procedure_id) from dossiers d
        join agencies a on a.id = d.competent_agency_id
        where d.channel = 'online' and d.received_at >= ${at(start)} and d.received_at < ${at(end)}
          and a.path like ${under(rootPath)}
          and d.procedure_id in (select procedure_id from offered)) as numerator,
      (select count(*) from offered) as denominator`,
  );

/** Fee payments confirmed in [start, end) at desks of the subtree: by bank transfer (VietQR) over all. */
export const paymentsOnline = (q: Queryable, rootPath: string, start: Date, end: Date) =>
  ratio(
    q,
    sql`select
      count(*) filter (where p.method = 'vietqr') as numerator,
      count(*) as denominator
    from payments p join agencies a on a.id = p.agency_id
    where p.status = 'confirmed' and p.confirmed_at >= ${at(start)} and p.confirmed_at < ${at(end)}
      and a.path like ${under(rootPath)}`,
  );

/**
 * Dossiers received in [start, end) (online ones the desk has not refused or not yet seen are left out) whose
 * every document has at least one scan, over all of them.
 */
export const dossiersDigitised = (q: Queryable, rootPath: string, start: Date, end: Date) =>
  ratio(
    q,
    sql`select
      count(*) filter (where jsonb_array_length(d.documents) > 0 and not exists (
        select 1 from jsonb_array_elements(d.documents) doc
        where coalesce(jsonb_array_length(doc -> 'fileIds'), 0) = 0
      )) as numerator,
      count(*) as denominator
    from dossiers d join agencies a on a.id = d.competent_agency_id
    where d.received_at >= ${at(start)} and d.received_at < ${at(end)}
      and d.status not in ('submitted', 'notAccepted')
      and a.path like ${under(rootPath)}`,
  );

/** Dossiers whose result was ready in [start, end): those returned electronically over all of them. */
export const resultsElectronic = (q: Queryable, rootPath: string, start: Date, end: Date) =>
  ratio(
    q,
    sql`select
      count(*) filter (where d.result_delivery = 'electronic') as numerator,
      count(*) as denominator
    from dossiers d join agencies a on a.id = d.competent_agency_id
    where d.resolved_at >= ${at(start)} and d.resolved_at < ${at(end)}
      and a.path like ${under(rootPath)}`,
  );
