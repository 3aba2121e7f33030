import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { StaffRole } from '../../domain/access/roles.ts';
import { AgencyKind } from '../../domain/org/agency.ts';
import type { Db } from '../db/client.ts';
import { agencies } from '../db/schema.ts';
import { withTransaction } from '../db/tx.ts';
import { insertAgency } from '../modules/agencies/agencies.repository.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { seedCatalogue } from '../modules/catalogue/catalogue.service.ts';
import { insertUser, replaceGrants } from '../modules/users/users.repository.ts';
import { demoCatalogue } from './demo-catalogue.ts';

const DemoFile = z.object({
  agencies: z.array(
    z.object({
      key: z.string(),
      parent: z.string().nullable(),
      name: z.string(),
      kind: AgencyKind,
      localKind: z.string().optional(),
      gsoCode: z.string().optional(),
      agencyCode: z.string().optional(),
    }),
  ),
  password: z.string(),
  accounts: z.array(
    z.object({
      username: z.string(),
      fullName: z.string(),
      citizen: z.boolean().optional(),
      phone: z.string().optional(),
      grants: z.array(z.object({ role: StaffRole, agency: z.string() })).optional(),
    }),
  ),
});

export const demoFile = fileURLToPath(new URL('../../data/demo/organisation.json', import.meta.url));

export type DemoAccount = { username: string; password: string; roles: string };

export async function isEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(agencies);
  return Number(row?.n ?? 0) === 0;
}

/** Loads the demo organisation and one account per role, in one transaction. Returns the credentials. */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const demo = DemoFile.parse(JSON.parse(await fs.readFile(demoFile, 'utf8')));
  const passwordHash = await hashPassword(demo.password);
  await seedCatalogue(db, demoCatalogue());
  return withTransaction(db, async (tx) => {
    const byKey = new Map<string, Awaited<ReturnType<typeof insertAgency>>>();
    for (const a of demo.agencies) {
      const parent = a.parent ? byKey.get(a.parent) : undefined;
      if (a.parent && !parent) throw new Error(`demo agency ${a.key}: parent ${a.parent} must come first`);
      byKey.set(a.key, await insertAgency(tx, { ...a, parentId: parent?.id ?? null }, parent));
    }
    const out: DemoAccount[] = [];
    for (const acc of demo.accounts) {
      const kind = acc.citizen ? 'citizen' : 'staff';
      const user = await insertUser(tx, { ...acc, kind }, passwordHash);
      const grants = (acc.grants ?? []).map((g) => ({ role: g.role, agencyId: byKey.get(g.agency)!.id }));
      await replaceGrants(tx, user.id, grants);
      out.push({
        username: acc.username,
        password: demo.password,
        roles: acc.citizen
          ? 'citizen'
          : (acc.grants ?? []).map((g) => `${g.role} @ ${byKey.get(g.agency)!.name}`).join(', '),
      });
    }
    return out;
  });
}
