import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld } from '../dossiers/test-world.ts';
import { updateAgency } from './agencies.repository.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
  // Not desks for a commune procedure: the province's own centre (the province has no commune workflow), a
  // centre without an electronic identifier, and a centre closed by a merger.
  await make.agency(t.db, {
    parent: w.province,
    name: 'Trung tâm PVHCC tỉnh',
    kind: 'serviceCentre',
    agencyCode: '000.00.01.H99',
  });
  await make.agency(t.db, { parent: w.other, name: 'Trung tâm PVHCC xã Bình', kind: 'serviceCentre' });
  const merged = await make.agency(t.db, { parent: w.province, name: 'Xã Cũ', agencyCode: '000.03.00.H99' });
  const closed = await make.agency(t.db, {
    parent: merged,
    name: 'Trung tâm PVHCC xã Cũ',
    kind: 'serviceCentre',
    agencyCode: '000.03.01.H99',
  });
  await updateAgency(t.db, closed.id, { validTo: '2025-06-30' });
});
afterAll(() => t.close());

const desks = (code: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/procedures/${code}/receiving-desks` });

describe('GET /api/public/procedures/:code/receiving-desks', () => {
  it('lists, without login, the commune desks where the procedure has a workflow', async () => {
    const res = await desks('1.001193');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; agencyCode: string; parentId: string }[];
    expect(items.map((a) => a.name)).toEqual(['Trung tâm PVHCC xã An']);
    expect(items[0]).toMatchObject({ id: w.centre.id, agencyCode: '000.01.01.H99', parentId: w.commune.id });
  });

  it('refuses a malformed procedure code and one with no version in force', async () => {
    expectProblem(await desks('khai-sinh'), 400, 'VALIDATION');
    expectProblem(await desks('9.999999'), 400, 'VALIDATION');
  });
});
