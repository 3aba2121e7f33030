import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { type App, typed } from '../../http.ts';

export function healthRoutes(app: App, deps: Deps) {
  typed(app).get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Tình trạng hoạt động',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), db: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async (_request, reply) => {
      try {
        // Migrations ran before listen; this proves the database still answers.
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const, db: deps.dbKind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, db: deps.dbKind });
      }
    },
  );
}
