/**
 * Hostile uploads (issue 8 §4): wrong magic bytes, archives and zip bombs, empty and oversized files, path
 * traversal and huge file names. Each is refused with a 4xx problem — or, for names, neutralised — and nothing is
 * ever written outside DATA_DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPdf } from '../modules/dossiers/test-world.ts';
import { make } from './factories.ts';
import { makeTestApp, type TestApp } from './harness.ts';
import { xlsxBomb, zip } from './zip-bomb.ts';

let t: TestApp;
let root: string;
let dataDir: string;
let desk: Awaited<ReturnType<TestApp['login']>>;
let citizen: Awaited<ReturnType<TestApp['login']>>;
let rootAdmin: Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  // DATA_DIR is one level down, so that anything escaping it lands in `root` where the test can see it.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-uploads-'));
  dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  t = await makeTestApp({ dataDir });
  const tree = await make.tree(t.db);
  await make.user(t.db, { username: 'mc.an', grants: [{ role: 'deskOfficer', agency: tree.communeA }] });
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: tree.province }] });
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  desk = await t.login('mc.an');
  citizen = await t.login('cd.lan');
  rootAdmin = await t.login('qt.tinh');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const upload = (c: { cookie: string; csrf: string }, type: string, payload: Buffer, name?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    cookies: { motcua_session: c.cookie },
    headers: {
      'content-type': type,
      'x-csrf-token': c.csrf,
      ...(name !== undefined ? { 'x-file-name': name } : {}),
    },
  });

function expectRefused(res: LightMyRequestResponse, status: number, code: string) {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const docx = () =>
  zip([
    { name: '[Content_Types].xml', text: '<Types/>' },
    { name: 'word/document.xml', text: '<w:document/>' },
  ]);

/** Every file under `dir`, relative to it. */
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p).map((q) => path.join(d.name, q)) : [d.name];
  });

describe('hostile uploads', () => {
  it('content that is not what it claims, or not a PDF/JPEG/PNG at all, is refused (415)', async () => {
    const cases: [string, Buffer][] = [
      ['application/pdf', png],
      ['image/png', testPdf],
      ['image/jpeg', Buffer.from('GIF89a\u0001\u0000')],
      ['application/pdf', Buffer.from('MZ\u0090\u0000 this program cannot be run in DOS mode')],
      ['application/pdf', await docx()],
      ['application/zip', await docx()],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', await docx()],
      ['text/html', Buffer.from('<script>alert(1)</script>')],
      ['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['application/octet-stream', testPdf],
    ];
    for (const [type, bytes] of cases)
      expectRefused(await upload(desk, type, bytes, 'x.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a zip bomb is refused by its first bytes, never inflated', async () => {
    const bomb = await xlsxBomb(200); // ~200 KB that would inflate to 200 MB
    const before = process.memoryUsage().rss;
    for (const type of ['application/pdf', 'application/zip', 'image/png'])
      expectRefused(await upload(citizen, type, bomb, 'bom.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  it('an empty file is refused (400), an oversized one too (413), an anonymous upload (401)', async () => {
    expectRefused(await upload(desk, 'application/pdf', Buffer.alloc(0), 'rong.pdf'), 400, 'VALIDATION');
    const big = Buffer.concat([testPdf, Buffer.alloc(10 * 1024 * 1024)]);
    expectRefused(await upload(desk, 'application/pdf', big, 'lon.pdf'), 413, 'PAYLOAD_TOO_LARGE');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: testPdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expectRefused(anonymous, 401, 'UNAUTHENTICATED');
  });

  it('path traversal, NUL bytes and 10 000-character names are neutralised; nothing lands outside DATA_DIR', async () => {
    const names = [
      '../../etc/passwd',
      '../outside.pdf',
      '..\\..\\x.pdf',
      '/etc/shadow',
      encodeURIComponent('../../escape.pdf'),
      '%2e%2e%2f%2e%2e%2fescape2.pdf',
      encodeURIComponent('a\u0000b.pdf'),
      encodeURIComponent('line\r\nX-Injected: 1.pdf'),
      'x'.repeat(10_000),
      encodeURIComponent('ạ'.repeat(3_000)),
      '%',
      '',
    ];
    for (const [i, name] of names.entries()) {
      // A distinct file each time (files are stored once per content).
      const bytes = Buffer.concat([testPdf, Buffer.from(`%${i}\n`)]);
      const res = await upload(desk, 'application/pdf', bytes, name);
      expect(res.statusCode, `${name.slice(0, 40)}: ${res.body}`).toBe(201);
      const stored = res.json().name as string;
      expect(stored).not.toMatch(/[/\\\p{Cc}]/u);
      expect(stored.length).toBeLessThanOrEqual(200);
      expect(stored).not.toBe('..');
      // The download header carries the name URL-encoded: no header injection.
      const back = await desk.get(`/api/files/${res.json().id}`);
      expect(back.statusCode).toBe(200);
      expect(String(back.headers['content-disposition'])).toMatch(
        /^attachment; filename="file"; filename\*=UTF-8''[^\s"]*$/,
      );
      expect(back.headers['x-injected']).toBeUndefined();
    }
    expect(fs.readdirSync(root)).toEqual(['data']);
    for (const f of walk(dataDir)) expect(f).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('a workbook zip bomb sent to the catalogue import is refused (4xx) and the server keeps answering', async () => {
    const bomb = await xlsxBomb(100);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalogue/import',
      payload: bomb,
      cookies: { motcua_session: rootAdmin.cookie },
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'x-csrf-token': rootAdmin.csrf,
      },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    // Refused from the sizes its directory declares, before anything is inflated.
    expect(res.json().detail).toContain('bất thường');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
