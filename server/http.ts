import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../domain/shared/problem.ts';

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

const ProblemResponse = Problem.loose().describe('RFC 9457 problem details');

/** The problem responses a route can give, for the OpenAPI document. */
export const problems = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 423 | 429)[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemResponse])) as Record<number, typeof ProblemResponse>;

export const IdParams = z.strictObject({ id: z.uuid('Mã định danh không hợp lệ') });
export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
