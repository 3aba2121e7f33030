import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Workflow } from '../../../domain/catalogue/index.ts';
import { procedureWorkflows } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

/** The workflows of one procedure: per agency kind, the default (no agency) before those of single agencies. */
export async function listProcedureWorkflows(q: Queryable, procedureId: string): Promise<Workflow[]> {
  const rows = await q
    .select()
    .from(procedureWorkflows)
    .where(eq(procedureWorkflows.procedureId, procedureId))
    .orderBy(
      asc(procedureWorkflows.agencyKind),
      sql`${procedureWorkflows.agencyId} is not null`,
      asc(procedureWorkflows.createdAt),
    );
  return rows.map((r) => Workflow.parse(r.document));
}

/** The workflow stored for this procedure, agency kind and agency (`null`: the kind's default). */
export async function findWorkflow(
  q: Queryable,
  procedureId: string,
  agencyKind: string,
  agencyId: string | null,
): Promise<Workflow | undefined> {
  const [row] = await q
    .select()
    .from(procedureWorkflows)
    .where(
      and(
        eq(procedureWorkflows.procedureId, procedureId),
        eq(procedureWorkflows.agencyKind, agencyKind),
        agencyId === null ? isNull(procedureWorkflows.agencyId) : eq(procedureWorkflows.agencyId, agencyId),
      ),
    );
  return row && Workflow.parse(row.document);
}
