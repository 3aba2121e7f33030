/** A small province with two communes, the demo catalogue and one person per dossier role (tests only). */
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { importCatalogue } from '../catalogue/catalogue.service.ts';

export async function dossierWorld(t: TestApp) {
  await importCatalogue({ db: t.db, actor: null, clock: t.clock, requestId: 'seed' }, demoCatalogue());
  const province = await make.agency(t.db, {
    name: 'Tỉnh Thử',
    kind: 'province',
    agencyCode: '000.00.00.H99',
  });
  const commune = await make.agency(t.db, { parent: province, name: 'Xã An', agencyCode: '000.01.00.H99' });
  const centre = await make.agency(t.db, {
    parent: commune,
    name: 'Trung tâm PVHCC xã An',
    kind: 'serviceCentre',
    agencyCode: '000.01.01.H99',
  });
  const other = await make.agency(t.db, { parent: province, name: 'Xã Bình', agencyCode: '000.02.00.H99' });
  const users = {
    desk: await make.user(t.db, { username: 'mc.an', grants: [{ role: 'deskOfficer', agency: commune }] }),
    specialist: await make.user(t.db, {
      username: 'cv.an',
      grants: [{ role: 'specialist', agency: commune }],
    }),
    specialist2: await make.user(t.db, {
      username: 'cv2.an',
      grants: [{ role: 'specialist', agency: commune }],
    }),
    leader: await make.user(t.db, { username: 'ld.an', grants: [{ role: 'leader', agency: commune }] }),
    admin: await make.user(t.db, { username: 'qt.an', grants: [{ role: 'admin', agency: commune }] }),
    otherDesk: await make.user(t.db, {
      username: 'mc.binh',
      grants: [{ role: 'deskOfficer', agency: other }],
    }),
  };
  return { province, commune, centre, other, users };
}

/** A complete direct intake of "Đăng ký nhận cha, mẹ, con" (2 working days) at the commune's centre. */
export const intakeOf = (receivingAgencyId: string, overrides: Record<string, unknown> = {}) => ({
  procedureCode: '1.001022',
  receivingAgencyId,
  applicant: {
    kind: 'person',
    fullName: 'Nguyễn Văn An',
    citizenId: '001 090 012 345',
    phone: '0912 345 678',
    email: 'an.nguyen@example.vn',
    address: { street: 'Số 5 phố Hàng Bông' },
  },
  documents: [
    { key: 'declaration', kind: 'original' },
    { key: 'evidence', kind: 'certifiedCopy' },
  ],
  ...overrides,
});

/** A small valid PDF, as a scan would be uploaded. */
export const testPdf = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(500, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/** Uploads `testPdf` as the signed-in person; returns the file id. */
export async function uploadTestPdf(t: TestApp, c: { cookie: string; csrf: string }): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: testPdf,
    cookies: { motcua_session: c.cookie },
    headers: { 'content-type': 'application/pdf', 'x-csrf-token': c.csrf, 'x-file-name': 'giay.pdf' },
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** An online application for "Đăng ký nhận cha, mẹ, con" with both checklist items uploaded. */
export const onlineApplicationOf = (
  receivingAgencyId: string,
  declaration: string,
  evidence: string,
  overrides: Record<string, unknown> = {},
) => ({
  procedureCode: '1.001022',
  receivingAgencyId,
  applicant: {
    kind: 'person',
    fullName: 'Trần Thị Lan',
    citizenId: '001190054321',
    phone: '0987654321',
    email: 'lan.tran@example.vn',
    address: { street: 'Số 9 ngõ Trạm' },
  },
  documents: [
    { key: 'declaration', fileIds: [declaration] },
    { key: 'evidence', fileIds: [evidence] },
  ],
  formData: {
    applicantName: 'Trần Thị Lan',
    applicantId: '001190054321',
    applicantPhone: '0987654321',
    applicantAddress: { provinceCode: '01', communeCode: '00004', street: 'Số 9 ngõ Trạm' },
    parentName: 'Lê Văn Hùng',
    parentId: '001085012345',
    childName: 'Lê Minh Anh',
    childBirthDate: '2020-05-01',
    evidenceFile: [{ fileId: evidence, name: 'giay.pdf' }],
  },
  resultDelivery: 'electronic',
  ...overrides,
});
