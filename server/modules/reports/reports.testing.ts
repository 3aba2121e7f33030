/**
 * Test helpers for the tests that build a month of dossiers through the real API and read it back as Biểu 06, a
 * dashboard or an index (reports, dashboards, indices). Times are 'YYYY-MM-DD HH:MM' in Hà Nội; the dossiers are
 * "Đăng ký nhận cha, mẹ, con" of dossierWorld (2 working days).
 */
import { expect } from 'vitest';
import { make } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf, onlineApplicationOf, uploadTestPdf } from '../dossiers/test-world.ts';

export type Client = Awaited<ReturnType<TestApp['login']>>;
type World = Awaited<ReturnType<typeof dossierWorld>>;

/** 'YYYY-MM-DD HH:MM' in Hà Nội. */
export const vn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

/** The JSON body of a response with the expected status; any other status throws with the body. */
export async function ok(res: Awaited<ReturnType<Client['post']>>, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

/** One action on a dossier (POST /api/dossiers/:id/actions); the dossier after it. */
export const act = async (c: Client, id: string, body: Record<string, unknown>) =>
  ok(await c.post(`/api/dossiers/${id}/actions`, body));

/** dossierWorld, made with the clock at `when`, and the citizen cd.lan (who applies online). */
export async function monthWorld(t: TestApp, when: string): Promise<World> {
  t.clock.set(vn(when));
  const w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  return w;
}

/** Xã An's desk officer, specialist and leader of dossierWorld (mc.an, cv.an, ld.an), signed in. */
export type Officers = Readonly<{ desk: Client; specialist: Client; leader: Client }>;

export async function signInOfficers(t: TestApp): Promise<Officers> {
  return { desk: await t.login('mc.an'), specialist: await t.login('cv.an'), leader: await t.login('ld.an') };
}

/**
 * The steps a month is built from, each at its time (the test clock is set first). `resultName` is the result the
 * leader attaches when a dossier is resolved.
 */
export function dossierSteps(t: TestApp, w: World, officers: Officers, resultName = 'Trích lục') {
  const at = (when: string) => t.clock.set(vn(when));
  return {
    /** A direct intake at `client`'s desk (Xã An's by default) for `agencyId` (Xã An's centre by default). */
    async receive(
      when: string,
      client = officers.desk,
      agencyId = w.centre.id,
    ): Promise<{ id: string; code: string }> {
      at(when);
      return ok(await client.post('/api/dossiers', intakeOf(agencyId)), 201);
    },
    /** An online application to Xã An's centre, with two uploaded PDFs; not yet accepted. */
    async submitOnline(when: string, citizen: Client): Promise<{ id: string; code: string }> {
      at(when);
      const [declaration, evidence] = [await uploadTestPdf(t, citizen), await uploadTestPdf(t, citizen)];
      const body = onlineApplicationOf(w.centre.id, declaration, evidence);
      return ok(await citizen.post('/api/online-dossiers', body), 201);
    },
    /** Through the workflow: desk → specialist → leader (result attached) → back at the desk, resolved. */
    async resolve(id: string, when: string): Promise<void> {
      at(when);
      await act(officers.desk, id, { action: 'forward' });
      await act(officers.specialist, id, { action: 'forward' });
      await act(officers.leader, id, { action: 'attachResult', name: resultName });
      expect((await act(officers.leader, id, { action: 'forward' })).status).toBe('resolved');
    },
  };
}
