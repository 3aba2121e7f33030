import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf } from '../dossiers/test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
});
afterAll(() => t.close());

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

const upload = async (username: string, body: Buffer, type: string, name = 'to%20khai.pdf') => {
  const c = await t.login(username);
  return t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: body,
    cookies: { motcua_session: c.cookie },
    headers: { 'content-type': type, 'x-csrf-token': c.csrf, 'x-file-name': name },
  });
};

describe('uploaded scans', () => {
  it('stores a PDF once per content and serves it back only as a download', async () => {
    const a = await upload('mc.an', pdf, 'application/pdf', encodeURIComponent('Tờ khai.pdf'));
    const b = await upload('mc.an', pdf, 'application/pdf');
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ name: 'Tờ khai.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(b.json().sha256).toBe(a.json().sha256);
    const desk = await t.login('mc.an');
    const got = await desk.get(`/api/files/${a.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // Someone else cannot read a file that is not attached to a dossier they can see.
    const other = await t.login('mc.binh');
    expectProblem(await other.get(`/api/files/${a.json().id}`), 404, 'NOT_FOUND');
  });

  it('a file attached at intake is readable by the dossier staff; a foreign file id is refused', async () => {
    const file = (await upload('mc.an', pdf, 'application/pdf')).json();
    const desk = await t.login('mc.an');
    const res = await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, {
        documents: [
          { key: 'declaration', kind: 'original', fileIds: [file.id] },
          { key: 'evidence', kind: 'certifiedCopy' },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    // The dossier shows each scan under the name it was uploaded with.
    expect(res.json().documents[0].files).toEqual([
      { id: file.id, name: 'to khai.pdf', size: pdf.length, mediaType: 'application/pdf' },
    ]);
    const specialist = await t.login('cv.an');
    expect((await specialist.get(`/api/files/${file.id}`)).statusCode).toBe(200);
    // The same file cannot be attached to a second dossier, nor someone else's upload.
    const again = await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, {
        documents: [
          { key: 'declaration', kind: 'original', fileIds: [file.id] },
          { key: 'evidence', kind: 'certifiedCopy' },
        ],
      }),
    );
    expectProblem(again, 400, 'VALIDATION');
  });

  it('refuses disguised, unsupported, empty and oversize files', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    expectProblem(await upload('mc.an', exe, 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await upload('mc.an', pdf, 'image/png'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await upload('mc.an', Buffer.from('<html>'), 'text/html'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    expectProblem(await upload('mc.an', big, 'application/pdf'), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('needs a staff login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect([401, 403]).toContain(res.statusCode);
  });
});
