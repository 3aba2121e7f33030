/** An online dossier taken up to a given point of its life (tests of the portal's supplement and result). */
import type { TestApp } from '../../test/harness.ts';
import { type dossierWorld, onlineApplicationOf, uploadTestPdf } from './test-world.ts';

type World = Awaited<ReturnType<typeof dossierWorld>>;
export type Client = Awaited<ReturnType<TestApp['login']>>;

export const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/dossiers/${id}/actions`, body);

export const TWO_ITEMS = [
  { name: 'Văn bản giám định ADN', detail: 'Bản chính' },
  { name: 'Giấy khai sinh của con', detail: 'Bản sao có chứng thực' },
];

/** Submitted by `citizen`, accepted by the desk, at the specialist's appraisal step (claimed). */
export async function inAppraisal(t: TestApp, w: World, citizen: string, overrides = {}) {
  const owner = await t.login(citizen);
  const body = onlineApplicationOf(
    w.centre.id,
    await uploadTestPdf(t, owner),
    await uploadTestPdf(t, owner),
    overrides,
  );
  const submitted = await owner.post('/api/online-dossiers', body);
  if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.body}`);
  const id = submitted.json().id as string;
  const desk = await t.login('mc.an');
  const specialist = await t.login('cv.an');
  for (const [c, req] of [
    [desk, { action: 'accept' }],
    [desk, { action: 'forward' }],
    [specialist, { action: 'claim' }],
  ] as const) {
    const res = await act(c, id, req);
    if (res.statusCode !== 200) throw new Error(`${req.action}: ${res.body}`);
  }
  return { id, owner, desk, specialist };
}

/** …and the specialist asked for the two items of TWO_ITEMS. */
export async function waitingForSupplement(t: TestApp, w: World, citizen: string) {
  const d = await inAppraisal(t, w, citizen);
  const res = await act(d.specialist, d.id, {
    action: 'requestSupplement',
    note: 'Chứng cứ chưa đủ cơ sở xác định quan hệ',
    items: TWO_ITEMS,
  });
  if (res.statusCode !== 200) throw new Error(`requestSupplement: ${res.body}`);
  return { ...d, dueBefore: res.json().dueAt as string };
}
