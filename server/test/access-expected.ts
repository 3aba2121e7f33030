/**
 * The access matrix's expectations, written by hand from each policy's intent (who may do what with a target in
 * commune A) — not computed from the audience gate or the policies. One entry per route of the OpenAPI document.
 *
 * `allow`: the callers who pass every access check. The others must be refused with 401/403/404 (never 2xx, never
 * 400). Allowed callers must never get 401/403; with a hand-written request, their status must be one of `ok`.
 */

import {
  adminOfA,
  anyone,
  citizen,
  onlineBody,
  owner,
  readsDossier,
  rootAdmin,
  signedIn,
  staff,
} from './access-who.ts';
import type { AccessWorld, Who } from './access-world.ts';
import { EDIT_CODE, LOGIN_USER, OWNER_EMAIL, OWNER_PASSWORD } from './access-world.ts';
import { TEST_PASSWORD } from './harness.ts';

type Values = Record<string, string>;
export type Expectation = Readonly<{
  allow: (who: Who) => boolean;
  /** Statuses an allowed caller may get with this request (state moves: a one-time action answers 409 after). */
  ok?: readonly number[];
  params?: (w: AccessWorld) => Values;
  query?: (w: AccessWorld) => Values;
  /** A hand-written JSON body (`n` makes it unique per call); otherwise one drawn from the route's schema. */
  body?: (w: AccessWorld, n: number, who: Who) => unknown;
  /** A non-JSON body. */
  raw?: () => { type: string; payload: Buffer };
  /** Runs before each call (puts back what the previous allowed caller removed). */
  prepare?: (w: AccessWorld) => Promise<unknown>;
  /** Ends the caller's session: run after every other route. */
  endsSession?: boolean;
}>;

// ---- targets ----
const d1 = (w: AccessWorld) => ({ id: w.d1.id });
const d2 = (w: AccessWorld) => ({ id: w.d2.id });
const communeA = (w: AccessWorld) => ({ id: w.communeA.id });
const editCode = () => ({ code: EDIT_CODE });
const period = (w: AccessWorld) => ({ agencyId: w.communeA.id, from: '2026-01-01', to: '2026-12-31' });
const pdf = () => ({ type: 'application/pdf', payload: Buffer.from('%PDF-1.4\n%%EOF\n') });

export const EXPECTED: Readonly<Record<string, Expectation>> = {
  'GET /healthz': { allow: anyone, ok: [200] },

  'POST /api/auth/login': {
    allow: anyone,
    ok: [200],
    body: () => ({ username: LOGIN_USER, password: TEST_PASSWORD }),
  },
  'POST /api/auth/logout': { allow: anyone, ok: [204], endsSession: true },
  'GET /api/auth/me': { allow: signedIn, ok: [200] },

  'POST /api/citizen/sign-up': {
    allow: anyone,
    ok: [202],
    body: (_w, n) => ({
      identifier: `moi.${n}@example.vn`,
      fullName: 'Lê Văn Mới',
      password: 'MatKhau@2026',
    }),
  },
  'POST /api/citizen/confirm': { allow: anyone },
  'POST /api/citizen/resend-code': { allow: anyone },
  'POST /api/citizen/sign-in': {
    allow: anyone,
    ok: [200],
    body: () => ({ identifier: OWNER_EMAIL, password: OWNER_PASSWORD }),
  },
  'POST /api/citizen/sign-out': { allow: anyone, ok: [204], endsSession: true },
  'POST /api/citizen/password-reset': {
    allow: anyone,
    ok: [202],
    body: (_w, n) => ({ identifier: `khong.ai.${n}@example.vn` }),
  },
  'POST /api/citizen/password-reset/confirm': { allow: anyone },
  'GET /api/citizen/me': { allow: citizen, ok: [200] },
  'GET /api/citizen/profile': { allow: citizen, ok: [200] },
  'PUT /api/citizen/profile': { allow: citizen, ok: [200], body: () => ({ fullName: 'Trần Thị Lan' }) },
  'GET /api/citizen/oidc': { allow: anyone, ok: [200] },
  'GET /api/citizen/oidc/start': { allow: anyone, ok: [303] },
  'GET /api/citizen/oidc/callback': { allow: anyone, ok: [303] },

  // Any staff member sees the units of their subtree; administrators change them.
  'GET /api/agencies': { allow: staff('anywhere'), ok: [200] },
  'POST /api/agencies': {
    allow: adminOfA,
    ok: [201],
    body: (w, n) => ({ parentId: w.communeA.id, name: `Phòng thử ${n}`, kind: 'unit' }),
  },
  'GET /api/public/agencies': { allow: anyone, ok: [200] },
  'GET /api/agencies/:id': { allow: staff('communeA'), ok: [200], params: (w) => ({ id: w.centreA.id }) },
  'PATCH /api/agencies/:id': {
    allow: adminOfA,
    ok: [200],
    params: (w) => ({ id: w.centreA.id }),
    body: (_w, n) => ({ shortName: `TT ${n}` }),
  },
  'POST /api/agencies/:id/successions': {
    allow: adminOfA,
    ok: [201],
    params: (w) => ({ id: w.unitA.id }),
    body: (w) => ({ kind: 'mergedInto', otherAgencyId: w.centreA.id, effectiveOn: '2026-07-01' }),
  },
  'GET /api/public/procedures/:code/receiving-desks': {
    allow: anyone,
    ok: [200],
    params: () => ({ code: '1.004206' }),
  },
  // Non-administrators get an empty list.
  'GET /api/users': { allow: staff('anywhere'), ok: [200] },
  'POST /api/users': {
    allow: adminOfA,
    ok: [201],
    body: (w, n) => ({
      username: `moi.${n}`,
      fullName: 'Cán bộ mới',
      password: 'MatKhau@123',
      grants: [{ role: 'clerk', agencyId: w.communeA.id }],
    }),
  },
  'GET /api/users/:id': { allow: adminOfA, ok: [200], params: (w) => ({ id: w.targetUserId }) },
  'PATCH /api/users/:id': {
    allow: adminOfA,
    ok: [200],
    params: (w) => ({ id: w.targetUserId }),
    body: (_w, n) => ({ fullName: `Văn thư ${n}` }),
  },

  'GET /api/public/calendar/years/:year': { allow: anyone, ok: [200], params: () => ({ year: '2026' }) },
  'POST /api/public/calendar/due': {
    allow: anyone,
    ok: [200],
    body: () => ({ from: '2026-03-03T09:00:00+07:00', rule: { workingDays: 2 } }),
  },
  // Official notices bind the whole deployment: administrators of the province only.
  'POST /api/calendar/notices': {
    allow: rootAdmin,
    ok: [201],
    body: (_w, n) => ({
      date: `2032-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
      kind: 'dayOff',
      name: 'Nghỉ thử',
      decision: `Thông báo ${n}/TB`,
    }),
  },
  'DELETE /api/calendar/notices/:id': { allow: rootAdmin, ok: [204], params: (w) => ({ id: w.noticeId }) },
  'GET /api/agencies/:id/working-time': { allow: staff('communeA'), ok: [200], params: communeA },
  'PUT /api/agencies/:id/working-time': {
    allow: adminOfA,
    ok: [200],
    params: communeA,
    body: () => ({
      officeHours: [
        { from: '07:30', to: '11:30' },
        { from: '13:00', to: '17:00' },
      ],
      receivingHours: [{ from: '07:30', to: '11:30' }],
      saturdayReceivingHours: [],
    }),
  },

  'GET /api/public/procedures': { allow: anyone, ok: [200] },
  'GET /api/public/procedures/:code': { allow: anyone, ok: [200], params: () => ({ code: '1.004206' }) },
  // The catalogue is read by all staff and changed by the province's administrators.
  'GET /api/catalogue/procedures': { allow: staff('anywhere'), ok: [200] },
  'GET /api/catalogue/procedures/:code/versions': { allow: staff('anywhere'), ok: [200], params: editCode },
  'PATCH /api/catalogue/procedures/:code/draft': {
    allow: rootAdmin,
    ok: [200],
    params: editCode,
    body: () => ({ limitNote: 'Ghi chú thử' }),
  },
  'POST /api/catalogue/procedures/:code/draft/publish': {
    allow: rootAdmin,
    ok: [200],
    params: editCode,
    body: () => ({
      decision: { action: 'amended', number: '15/QĐ-UBND', date: '2026-03-01', issuer: 'UBND tỉnh Thử' },
    }),
  },
  'GET /api/catalogue/procedures/:code/workflows': { allow: staff('anywhere'), ok: [200], params: editCode },
  'PUT /api/catalogue/procedures/:code/workflows': {
    allow: rootAdmin,
    ok: [200],
    params: editCode,
    body: (w) => w.workflow,
  },
  'GET /api/catalogue/export.xlsx': { allow: staff('anywhere', 'admin'), ok: [200] },
  'POST /api/catalogue/import': {
    allow: rootAdmin,
    ok: [400],
    raw: () => ({
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      payload: Buffer.from('PK\u0003\u0004 not a workbook'),
    }),
  },

  // Dossiers: the desk of the receiving subtree takes them in; dossier staff of the subtree and the citizen who
  // submitted one read it; nobody else learns it exists (404).
  'POST /api/dossiers': {
    allow: staff('communeA', 'deskOfficer'),
    ok: [201],
    body: (w) => ({
      procedureCode: '1.001022',
      receivingAgencyId: w.centreA.id,
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Văn An',
        citizenId: '001090012345',
        address: { street: 'Số 5 phố Hàng Bông' },
      },
      documents: [
        { key: 'declaration', kind: 'original' },
        { key: 'evidence', kind: 'certifiedCopy' },
      ],
    }),
  },
  'GET /api/dossiers': { allow: staff('anywhere'), ok: [200] },
  'POST /api/intake-slips': {
    allow: staff('communeA', 'deskOfficer'),
    ok: [201],
    body: (w) => ({
      kind: 'refusal',
      procedureCode: '1.001022',
      receivingAgencyId: w.centreA.id,
      addressee: { fullName: 'Trần Thị Bình' },
      reasons: ['Không thuộc thẩm quyền của xã'],
    }),
  },
  'GET /api/dossiers/:id': { allow: readsDossier, ok: [200], params: d1 },
  // "accept" again: every allowed caller reaches the status machine, which answers 409.
  'POST /api/dossiers/:id/actions': {
    allow: staff('communeA', 'deskOfficer', 'specialist', 'leader'),
    ok: [409],
    params: d1,
    body: () => ({ action: 'accept' }),
  },
  'GET /api/dossiers/:id/assignees': {
    allow: staff('communeA', 'deskOfficer', 'specialist', 'leader'),
    ok: [200],
    params: d1,
  },
  'POST /api/online-dossiers': { allow: citizen, ok: [201], body: (w, _n, who) => onlineBody(w, who) },
  'GET /api/my/dossiers': { allow: citizen, ok: [200] },
  'GET /api/public/dossiers/:code': { allow: anyone, ok: [200], params: (w) => ({ code: w.d1.code }) },
  // D1 waits for no supplement: the owner reaches the status machine (409).
  'POST /api/my/dossiers/:id/supplement': {
    allow: owner,
    ok: [409],
    params: d1,
    body: (w) => ({ items: [{ name: 'Giấy tờ bổ sung', fileIds: [w.d1.fileId] }] }),
  },
  'GET /api/my/dossiers/:id/results/:fileId': {
    allow: owner,
    ok: [200],
    params: (w) => ({ id: w.d2.id, fileId: w.d2.resultId }),
  },
  'GET /api/dossiers/:id/forms/:form.pdf': {
    allow: readsDossier,
    ok: [200],
    params: (w) => ({ id: w.d1.id, form: 'receipt' }),
  },
  'GET /api/intake-slips/:id/form.pdf': {
    allow: staff('communeA', 'deskOfficer', 'leader'),
    ok: [200],
    params: (w) => ({ id: w.slipId }),
  },
  'GET /api/dossier-log.:format': {
    allow: staff('communeA', 'deskOfficer', 'leader'),
    ok: [200],
    params: () => ({ format: 'pdf' }),
    query: (w) => ({ agencyId: w.centreA.id, from: '2026-03-01', to: '2026-03-31' }),
  },

  // Fees: read with the dossier; declared by its owner; confirmed or cancelled by the receiving desk.
  'GET /api/dossiers/:id/payment': { allow: readsDossier, ok: [200], params: d1 },
  'POST /api/dossiers/:id/payment/request': { allow: owner, ok: [201], params: d1, body: () => ({}) },
  'POST /api/dossiers/:id/payment/confirm': {
    allow: staff('communeA', 'deskOfficer'),
    ok: [200, 409],
    params: d1,
    body: () => ({ method: 'vietqr', bankReference: 'FT26061123456' }),
  },
  'POST /api/dossiers/:id/payment/cancel': {
    allow: staff('communeA', 'deskOfficer'),
    ok: [409],
    params: d1,
    body: () => ({ reason: 'Không thấy tiền về' }),
  },
  'GET /api/dossiers/:id/payment/receipt.pdf': { allow: readsDossier, ok: [200], params: d1 },
  'GET /api/agencies/:id/payment-account': { allow: adminOfA, ok: [200], params: communeA },
  'PUT /api/agencies/:id/payment-account': {
    allow: adminOfA,
    ok: [200],
    params: communeA,
    body: (w) => w.account,
  },
  'DELETE /api/agencies/:id/payment-account': {
    allow: adminOfA,
    ok: [200],
    params: communeA,
    prepare: (w) =>
      w.session('admin@province').put(`/api/agencies/${w.communeA.id}/payment-account`, w.account),
  },

  // Ratings: read with the dossier, given once by its owner (D2 is rated: 409), flags handled by leaders.
  'GET /api/dossiers/:id/rating': { allow: readsDossier, ok: [200], params: d2 },
  'POST /api/dossiers/:id/rating': {
    allow: owner,
    ok: [409],
    params: d2,
    body: () => ({
      answers: {
        convenience: 'satisfied',
        overall: 'satisfied',
        timeliness: 'satisfied',
        staffAttitude: 'satisfied',
      },
    }),
  },
  'GET /api/ratings/flagged': { allow: staff('anywhere', 'leader'), ok: [200] },
  'POST /api/ratings/:id/handled': {
    allow: staff('communeA', 'leader'),
    ok: [200, 409],
    params: (w) => ({ id: w.ratingId }),
    body: () => ({ note: 'Đã gọi điện xin lỗi công dân' }),
  },
  'GET /api/ratings/summary': { allow: staff('communeA', 'leader', 'deskOfficer'), ok: [200], query: period },
  'POST /api/public/feedback': {
    allow: anyone,
    ok: [201],
    body: (w) => ({
      kind: 'feedback',
      content: 'Bộ phận một cửa đông, cần thêm quầy tiếp nhận vào sáng thứ Hai.',
      contact: { name: 'Trần Thị Lan', phone: '0987654321' },
      agencyId: w.communeA.id,
    }),
  },
  'GET /api/feedback': { allow: staff('anywhere', 'leader', 'petitionOfficer'), ok: [200] },

  'GET /api/notifications': { allow: staff('anywhere', 'admin'), ok: [200] },
  'POST /api/notifications/:id/retry': {
    allow: adminOfA,
    ok: [200, 409],
    params: (w) => ({ id: w.notificationId }),
  },
  'GET /api/warnings': { allow: staff('anywhere', 'leader'), ok: [200] },
  'GET /api/reports/form06': { allow: staff('communeA', 'leader', 'deskOfficer'), ok: [200], query: period },
  'GET /api/reports/form06.xlsx': {
    allow: staff('communeA', 'leader', 'deskOfficer'),
    ok: [200],
    query: period,
  },
  'GET /api/reports/form06.pdf': {
    allow: staff('communeA', 'leader', 'deskOfficer'),
    ok: [200],
    query: period,
  },

  // Dashboards: leaders and administrators of the agency's subtree; the transparency page is public.
  'GET /api/dashboards/overview': { allow: staff('communeA', 'leader', 'admin'), ok: [200], query: period },
  'GET /api/dashboards/dossiers': {
    allow: staff('communeA', 'leader', 'admin'),
    ok: [200],
    query: (w) => ({ ...period(w), column: 'received' }),
  },
  'GET /api/dashboards/satisfaction': {
    allow: staff('communeA', 'leader', 'admin'),
    ok: [200],
    query: period,
  },
  // Indices (Decision 766, Decree 61/2018 evaluation): the dashboard's readers.
  'GET /api/indices/766': { allow: staff('communeA', 'leader', 'admin'), ok: [200], query: period },
  'GET /api/indices/evaluation': {
    allow: staff('communeA', 'leader', 'admin'),
    ok: [200],
    query: (w) => ({ agencyId: w.communeA.id, year: '2026', quarter: '1' }),
  },
  'GET /api/public/transparency': { allow: anyone, ok: [200], query: (w) => ({ agencyId: w.communeA.id }) },

  // Files: staff scan at the counter, citizens upload their own; a file is read by its uploader and by those who
  // may read the dossier it is attached to (F is the owner's scan attached to D1).
  'POST /api/files': { allow: signedIn, ok: [201], raw: pdf },
  'GET /api/files/:id': { allow: readsDossier, ok: [200], params: (w) => ({ id: w.d1.fileId }) },
};
