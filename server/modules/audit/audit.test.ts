import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { makeTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
beforeAll(async () => {
  t = await makeTestApp();
  tree = await make.tree(t.db);
  await make.user(t.db, { username: 'quantri', grants: [{ role: 'admin', agency: tree.province }] });
});
afterAll(() => t.close());

describe('audit', () => {
  it('records who, role, agency, action, target, when and request id with each change', async () => {
    const admin = await t.login('quantri');
    const res = await admin.post('/api/agencies', {
      parentId: tree.communeA.id,
      name: 'Phòng Tư pháp',
      kind: 'unit',
    });
    const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, res.json().id));
    expect(row).toMatchObject({
      action: 'agency.create',
      actorRole: 'admin',
      agencyId: tree.communeA.id,
      targetType: 'agency',
      requestId: res.headers['x-request-id'],
      at: t.clock.now(),
    });
    expect(row!.details).toMatchObject({ name: 'Phòng Tư pháp' });
  });

  it('never stores a password in the audit log', async () => {
    const admin = await t.login('quantri');
    await admin.post('/api/users', {
      username: 'canbo.moi',
      fullName: 'Cán Bộ Mới',
      password: 'BiMat@123456',
      grants: [{ role: 'clerk', agencyId: tree.communeB.id }],
    });
    const rows = await t.db.select().from(auditEvents);
    expect(JSON.stringify(rows)).not.toContain('BiMat@123456');
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    expect((await t.db.select().from(auditEvents)).length).toBeGreaterThan(0);
  });
});
