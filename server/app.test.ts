import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from './db/schema.ts';
import { make } from './test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from './test/harness.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
beforeAll(async () => {
  t = await makeTestApp({ bodyLimit: 4096 });
  tree = await make.tree(t.db);
  await make.user(t.db, { username: 'quantri', grants: [{ role: 'admin', agency: tree.province }] });
});
afterAll(() => t.close());

const rowCount = async (table: typeof users | typeof auditEvents) =>
  Number((await t.db.select({ n: count() }).from(table))[0]!.n);

describe('operations endpoints', () => {
  it('reports health with the database kind once migrated', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.database.kind });
  });

  it('serves an OpenAPI 3 document generated from the route schemas, and browsable docs', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(
      ['username', 'password'],
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/agencies', '/api/users', '/healthz']),
    );
    const docs = await t.app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('tags every response with a request id, and keeps a well-formed id sent by a proxy', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-123' } });
    expect(res.headers['x-request-id']).toBe('lb-123');
    const other = await t.app.inject('/api/nothing-here');
    expect(expectProblem(other, 404, 'NOT_FOUND').title).toBe('Không tìm thấy');
    expect(other.json().requestId).toBe(other.headers['x-request-id']);
  });
});

describe('bad input is a 4xx problem, never a 500, and writes nothing', () => {
  it('malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "quantri",',
    });
    expectProblem(res, 400, 'BAD_REQUEST');
  });

  it('wrong types and unknown fields name the field in Vietnamese', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: 'x' },
    });
    expect(expectProblem(wrong, 400, 'VALIDATION').errors?.[0]?.path).toBe('username');
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri', password: 'x', admin: true },
    });
    expectProblem(extra, 400, 'VALIDATION');
  });

  it('oversize bodies and wrong media types', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri', password: 'x'.repeat(10_000) },
    });
    expectProblem(big, 413, 'PAYLOAD_TOO_LARGE');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a forged or expired session cookie is simply not signed in', async () => {
    const res = await t.app.inject({ url: '/api/agencies', cookies: { motcua_session: 'forged' } });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('a malformed id in the path', async () => {
    const admin = await t.login('quantri');
    expectProblem(await admin.get('/api/agencies/not-a-uuid'), 400, 'VALIDATION');
  });

  it('a duplicate username is a conflict and leaves no user and no audit row behind', async () => {
    const admin = await t.login('quantri');
    const body = {
      username: 'trung.ten',
      fullName: 'Nguyễn Văn Trùng',
      password: 'MatKhau@123',
      grants: [{ role: 'deskOfficer', agencyId: tree.communeA.id }],
    };
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const [usersBefore, auditBefore] = [await rowCount(users), await rowCount(auditEvents)];
    expectProblem(await admin.post('/api/users', body), 409, 'CONFLICT');
    expect(await rowCount(users)).toBe(usersBefore);
    expect(await rowCount(auditEvents)).toBe(auditBefore);
  });

  it('a grant on a unit that does not exist rolls back the whole user', async () => {
    const admin = await t.login('quantri');
    const before = await rowCount(users);
    const res = await admin.post('/api/users', {
      username: 'ma.khong.co',
      fullName: 'Không Có',
      password: 'MatKhau@123',
      grants: [{ role: 'clerk', agencyId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(expectProblem(res, 400, 'VALIDATION').errors?.[0]?.path).toBe('grants.0.agencyId');
    expect(await rowCount(users)).toBe(before);
  });

  it('text is stored in Unicode NFC whatever the client sent', async () => {
    const admin = await t.login('quantri');
    const decomposed = 'Phòng Tư pháp'.normalize('NFD');
    const res = await admin.post('/api/agencies', {
      parentId: tree.communeA.id,
      name: decomposed,
      kind: 'unit',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Phòng Tư pháp'.normalize('NFC'));
    expect(res.json().name).not.toBe(decomposed);
  });
});
