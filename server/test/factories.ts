import type { StaffRole } from '../../domain/access/roles.ts';
import type { AgencyKind } from '../../domain/org/agency.ts';
import type { Db } from '../db/client.ts';
import { type AgencyRow, insertAgency } from '../modules/agencies/agencies.repository.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertUser, replaceGrants } from '../modules/users/users.repository.ts';
import { TEST_PASSWORD } from './harness.ts';

let seq = 0;
let hashed: Promise<string> | undefined;

/** Test factories: each call makes one valid row, with overrides. */
export const make = {
  async agency(
    db: Db,
    o: { parent?: AgencyRow; name?: string; kind?: AgencyKind; agencyCode?: string; gsoCode?: string } = {},
  ) {
    seq++;
    return insertAgency(
      db,
      {
        parentId: o.parent?.id ?? null,
        name: o.name ?? `Đơn vị thử ${seq}`,
        kind: o.kind ?? (o.parent ? 'commune' : 'province'),
        agencyCode: o.agencyCode ?? null,
        gsoCode: o.gsoCode ?? null,
      },
      o.parent,
    );
  },
  async user(
    db: Db,
    o: { username?: string; grants?: { role: StaffRole; agency: AgencyRow }[]; citizen?: boolean } = {},
  ) {
    seq++;
    hashed ??= hashPassword(TEST_PASSWORD);
    const row = await insertUser(
      db,
      {
        username: o.username ?? `user${seq}`,
        fullName: `Người dùng ${seq}`,
        kind: o.citizen ? 'citizen' : 'staff',
      },
      await hashed,
    );
    await replaceGrants(
      db,
      row.id,
      (o.grants ?? []).map((g) => ({ role: g.role, agencyId: g.agency.id })),
    );
    return row;
  },
  /** A province with two communes, each with a service centre: the smallest tree that shows isolation. */
  async tree(db: Db) {
    const province = await make.agency(db, { name: 'Tỉnh Thử', kind: 'province' });
    const communeA = await make.agency(db, { parent: province, name: 'Xã An' });
    const centreA = await make.agency(db, {
      parent: communeA,
      name: 'Trung tâm PVHCC xã An',
      kind: 'serviceCentre',
    });
    const communeB = await make.agency(db, { parent: province, name: 'Xã Bình' });
    const centreB = await make.agency(db, {
      parent: communeB,
      name: 'Trung tâm PVHCC xã Bình',
      kind: 'serviceCentre',
    });
    return { province, communeA, centreA, communeB, centreB };
  },
};
