import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type StaffRole } from '../../../domain/access/roles.ts';
import { make } from '../../test/factories.ts';
import { makeTestApp, type TestApp } from '../../test/harness.ts';

/**
 * The authorization matrix of the foundation modules: every role × where it is granted × every action, against a
 * target in commune A. Expected outcomes are written out by hand from the policy's intent, not computed from it.
 */
type Where = 'province' | 'communeA' | 'communeB';
type Action = 'agency.list' | 'agency.read' | 'agency.create' | 'agency.update' | 'user.list' | 'user.create';

const allowed = (role: StaffRole | 'citizen', where: Where, action: Action): boolean => {
  if (role === 'citizen') return false;
  const coversA = where !== 'communeB';
  switch (action) {
    case 'agency.list':
      return true; // every staff member lists the units of the subtree they work in (B's list lacks A)
    case 'agency.read':
      return coversA;
    case 'agency.create':
    case 'agency.update':
    case 'user.create':
      return role === 'admin' && coversA;
    case 'user.list':
      return role === 'admin';
  }
};

let t: TestApp;
let tree: Awaited<ReturnType<typeof make.tree>>;
let seq = 0;
const wheres: Where[] = ['province', 'communeA', 'communeB'];
const actions: Action[] = [
  'agency.list',
  'agency.read',
  'agency.create',
  'agency.update',
  'user.list',
  'user.create',
];

beforeAll(async () => {
  t = await makeTestApp();
  tree = await make.tree(t.db);
  for (const role of Role.options) {
    for (const where of wheres) {
      await make.user(t.db, {
        username: `${role.toLowerCase()}.${where.toLowerCase()}`,
        citizen: role === 'citizen',
        grants: role === 'citizen' ? [] : [{ role, agency: tree[where] }],
      });
    }
  }
});
afterAll(() => t.close());

async function attempt(client: Awaited<ReturnType<TestApp['login']>>, action: Action): Promise<boolean> {
  seq++;
  switch (action) {
    case 'agency.list': {
      const res = await client.get('/api/agencies');
      return res.statusCode === 200 && res.json().items.length > 0;
    }
    case 'agency.read':
      return (await client.get(`/api/agencies/${tree.centreA.id}`)).statusCode === 200;
    case 'agency.create':
      return (
        (
          await client.post('/api/agencies', {
            parentId: tree.communeA.id,
            name: `Phòng ${seq}`,
            kind: 'unit',
          })
        ).statusCode === 201
      );
    case 'agency.update':
      return (
        (await client.patch(`/api/agencies/${tree.centreA.id}`, { shortName: `TT ${seq}` })).statusCode ===
        200
      );
    case 'user.list': {
      const res = await client.get('/api/users');
      return res.statusCode === 200 && res.json().items.length > 0;
    }
    case 'user.create':
      return (
        (
          await client.post('/api/users', {
            username: `moi.${seq}`,
            fullName: 'Cán bộ mới',
            password: 'MatKhau@123',
            grants: [{ role: 'clerk', agencyId: tree.communeA.id }],
          })
        ).statusCode === 201
      );
  }
}

describe('access matrix (role × agency × action)', () => {
  for (const role of Role.options) {
    for (const where of role === 'citizen' ? (['province'] as Where[]) : wheres) {
      it(`${role} granted on ${where}`, async () => {
        const client = await t.login(`${role.toLowerCase()}.${where.toLowerCase()}`);
        const got: Record<string, boolean> = {};
        const want: Record<string, boolean> = {};
        for (const action of actions) {
          got[action] = await attempt(client, action);
          want[action] = allowed(role, where, action);
        }
        expect(got).toEqual(want);
      });
    }
  }

  it('a commune user sees only their subtree and learns nothing of the other commune', async () => {
    const b = await t.login('deskofficer.communeb');
    const names = (await b.get('/api/agencies')).json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual(['Xã Bình', 'Trung tâm PVHCC xã Bình']);
    const other = await b.get(`/api/agencies/${tree.communeA.id}`);
    const missing = await b.get('/api/agencies/00000000-0000-4000-8000-000000000000');
    expect([other.statusCode, other.json().code]).toEqual([missing.statusCode, missing.json().code]);
  });

  it('a commune admin cannot take over an account of the province', async () => {
    const provinceAdmin = await make.user(t.db, { grants: [{ role: 'admin', agency: tree.province }] });
    const a = await t.login('admin.communea');
    expect((await a.patch(`/api/users/${provinceAdmin.id}`, { password: 'ChiemQuyen@1' })).statusCode).toBe(
      404,
    );
    const mixed = await make.user(t.db, {
      grants: [
        { role: 'clerk', agency: tree.communeA },
        { role: 'clerk', agency: tree.communeB },
      ],
    });
    expect((await a.patch(`/api/users/${mixed.id}`, { password: 'ChiemQuyen@1' })).statusCode).toBe(403);
    expect((await a.get(`/api/users/${mixed.id}`)).json().grants).toHaveLength(2);
  });
});
