import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { act, type Client, inAppraisal } from './supplement-online.testing.ts';
import { dossierWorld, uploadTestPdf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  await make.user(t.db, { username: 'cd.minh', citizen: true });
});
afterAll(() => t.close());

/** A PNG: the stored result keeps its own type and bytes. */
const resultPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function uploadResult(c: Client): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: resultPng,
    cookies: { motcua_session: c.cookie },
    headers: {
      'content-type': 'image/png',
      'x-csrf-token': c.csrf,
      'x-file-name': encodeURIComponent('Trích lục.png'),
    },
  });
  return res.json().id as string;
}

/** Up to the leader's step, the result attached; `resolve` forwards it to the desk (status 9). */
async function withResult(delivery: 'electronic' | 'counter', resolve = true) {
  const d = await inAppraisal(t, w, 'cd.lan', { resultDelivery: delivery });
  await act(d.specialist, d.id, { action: 'forward' });
  const leader = await t.login('ld.an');
  const fileId = await uploadResult(leader);
  const attached = await act(leader, d.id, {
    action: 'attachResult',
    name: 'Trích lục đăng ký nhận cha, mẹ, con',
    number: '15/TLNCMC',
    fileId,
  });
  expect(attached.statusCode).toBe(200);
  if (resolve) expect((await act(leader, d.id, { action: 'forward' })).json().status).toBe('resolved');
  return { ...d, fileId };
}

const resultUrl = (id: string, fileId: string) => `/api/my/dossiers/${id}/results/${fileId}`;

describe('downloading the result from the portal', () => {
  it('the owner downloads the result file once resolved with electronic delivery, as an attachment', async () => {
    const d = await withResult('electronic');
    const res = await d.owner.get(resultUrl(d.id, d.fileId));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(resultPng)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ket-qua"; filename*=UTF-8''${encodeURIComponent('Trích lục.png')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Still there after the desk returns it.
    expect((await act(d.desk, d.id, { action: 'returnResult', method: 'electronic' })).statusCode).toBe(200);
    expect((await d.owner.get(resultUrl(d.id, d.fileId))).statusCode).toBe(200);
  });

  it('never someone else’s: another citizen gets 404, staff use the files route, a non-result file is 404', async () => {
    const d = await withResult('electronic');
    const minh = await t.login('cd.minh');
    expectProblem(await minh.get(resultUrl(d.id, d.fileId)), 404, 'NOT_FOUND');
    // Nor through the general files route.
    expectProblem(await minh.get(`/api/files/${d.fileId}`), 404, 'NOT_FOUND');
    expectProblem(await d.desk.get(resultUrl(d.id, d.fileId)), 403, 'FORBIDDEN');
    // A file of the owner's that is not a result of this dossier (their own scan).
    const scan = await uploadTestPdf(t, d.owner);
    expectProblem(await d.owner.get(resultUrl(d.id, scan)), 404, 'NOT_FOUND');
    // Another dossier's result through this dossier.
    const other = await withResult('electronic');
    expectProblem(await d.owner.get(resultUrl(d.id, other.fileId)), 404, 'NOT_FOUND');
  });

  it('not before the result, and not when the result goes on paper', async () => {
    const early = await withResult('electronic', false);
    const notYet = expectProblem(await early.owner.get(resultUrl(early.id, early.fileId)), 409, 'CONFLICT');
    expect(notYet.detail).toBe('Hồ sơ chưa có kết quả giải quyết');
    const paper = await withResult('counter');
    const onPaper = expectProblem(await paper.owner.get(resultUrl(paper.id, paper.fileId)), 409, 'CONFLICT');
    expect(onPaper.detail).toMatch(/bản giấy/);
    // The desk may still hand it over electronically, which opens the download.
    await act(paper.desk, paper.id, { action: 'returnResult', method: 'electronic' });
    expect((await paper.owner.get(resultUrl(paper.id, paper.fileId))).statusCode).toBe(200);
  });
});
