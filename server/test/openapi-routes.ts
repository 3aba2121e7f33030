/**
 * The routes of the OpenAPI document the app builds (`app.swagger()`), in the shape the access matrix and the
 * fuzzer need: method, Fastify path, the JSON schemas of params, query and body, and the body's media types.
 */
import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './json-schema-arbitrary.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiRoute = Readonly<{
  method: Method;
  /** As Fastify knows it: `/api/dossiers/:id` (the key of the audience table). */
  path: string;
  /** As OpenAPI writes it: `/api/dossiers/{id}`. */
  openApiPath: string;
  key: string;
  params: Readonly<Record<string, JsonSchema>>;
  query: Readonly<Record<string, { schema: JsonSchema; required: boolean }>>;
  body: JsonSchema | undefined;
  bodyRequired: boolean;
  /** Media types of the body (`application/json`, `application/pdf`…), empty when the route takes none. */
  consumes: readonly string[];
}>;

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
};

export const toFastifyPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routes: ApiRoute[] = [];
  for (const [openApiPath, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Method;
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const path = toFastifyPath(openApiPath);
      const params: Record<string, JsonSchema> = {};
      const query: Record<string, { schema: JsonSchema; required: boolean }> = {};
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') params[p.name] = p.schema;
        if (p.in === 'query') query[p.name] = { schema: p.schema, required: !!p.required };
      }
      const content = op.requestBody?.content ?? {};
      const consumes = Object.keys(content);
      routes.push({
        method,
        path,
        openApiPath,
        key: `${method} ${path}`,
        params,
        query,
        body: content['application/json']?.schema,
        bodyRequired: !!op.requestBody?.required,
        consumes,
      });
    }
  }
  return routes;
}

/** Lone surrogates (which fuzzing draws) cannot be URL-encoded: they become U+FFFD, as a browser sends them. */
export const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    const pairs =
      code < 0xdc00 ? /[\uDC00-\uDFFF]/.test(all[i + 1] ?? '') : /[\uD800-\uDBFF]/.test(all[i - 1] ?? '');
    return pairs ? c : '\uFFFD';
  });

/** Fills `:name` segments. */
export const fillPath = (path: string, values: Readonly<Record<string, string>>) =>
  path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(wellFormed(values[name] ?? `missing-${name}`)),
  );
