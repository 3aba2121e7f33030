/** Steps shared by the leaders' browser tests (dashboard, deadline warnings): the scene, set through the API. */
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { demoPassword } from './pages.ts';

export type Dossier = { id: string; code: string; dueAt: string };

/** A staff member working through the API in their own browser context (cookies), for setting the scene. */
export async function apiAs(context: BrowserContext, username: string) {
  const request: APIRequestContext = context.request;
  const res = await request.post('/api/auth/login', { data: { username, password: demoPassword } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const r = await request.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    if (!r.ok()) throw new Error(`${method} ${path}: ${r.status()} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, data: unknown) => send<T>('POST', path, data),
  };
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A complete direct intake at the desk: the declaration and one evidence document (`key`). */
const receive = (
  desk: Api,
  receivingAgencyId: string,
  procedureCode: string,
  evidence: string,
  name: string,
) =>
  desk.post<Dossier>('/api/dossiers', {
    procedureCode,
    receivingAgencyId,
    applicant: {
      kind: 'person',
      fullName: name,
      citizenId: '001090012345',
      phone: '0912345678',
      address: { street: 'Số 5 phố Hàng Bông' },
    },
    documents: [
      { key: 'declaration', kind: 'original' },
      { key: evidence, kind: 'certifiedCopy' },
    ],
  });

/**
 * Three dossiers received now at the service centre of phường Hoàn Kiếm (demo data). Their local time limits are
 * 1, 2 and 3 working days, so they fall due on three working days in a row (at 17:00), in this order.
 */
export async function receiveDueInARow(desk: Api): Promise<[Dossier, Dossier, Dossier]> {
  const { items } = await desk.get<{ items: { id: string; agencyCode: string | null }[] }>('/api/agencies');
  const centre = items.find((a) => a.agencyCode === '000.01.01.H26')!.id;
  return [
    await receive(desk, centre, '1.004845', 'evidence', 'Nguyễn Văn An'),
    await receive(desk, centre, '1.001022', 'evidence', 'Trần Thị Bình'),
    await receive(desk, centre, '1.004884', 'priorRecord', 'Lê Văn Cường'),
  ];
}
