/** Fixtures of the payment tests: a collecting account and an online "Gia hạn tạm trú" accepted by the desk. */
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { uploadTestPdf } from '../dossiers/test-world.ts';

type Client = Awaited<ReturnType<TestApp['login']>>;

export const ACCOUNT = {
  bankBin: '970415',
  bankName: 'VietinBank',
  accountNumber: '113366668888',
  accountName: 'UBND XA AN',
  taxCode: '0101234567',
  noteMaxLength: 25,
};
export const RENEWAL = '1.004206'; // Gia hạn tạm trú: 10.000 đồng, 5.000 đồng online (Circular 75/2022/TT-BTC)

/** An online "Gia hạn tạm trú" by the citizen, accepted by the desk unless `accept` is false. */
export async function onlineRenewal(
  t: TestApp,
  centreId: string,
  citizen: Client,
  accept = true,
): Promise<{ id: string; code: string }> {
  const file = await uploadTestPdf(t, citizen);
  const res = await citizen.post('/api/online-dossiers', {
    procedureCode: RENEWAL,
    receivingAgencyId: centreId,
    applicant: {
      kind: 'person',
      fullName: 'Trần Thị Lan',
      citizenId: '001190054321',
      phone: '0987654321',
      address: { street: 'Số 9 ngõ Trạm' },
    },
    documents: [{ key: 'declaration', fileIds: [file] }],
    formData: {
      applicantName: 'Trần Thị Lan',
      applicantId: '001190054321',
      applicantPhone: '0987654321',
      applicantAddress: { provinceCode: '01', communeCode: '00004', street: 'Số 9 ngõ Trạm' },
    },
    resultDelivery: 'electronic',
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as { id: string; code: string };
  if (accept) {
    const desk = await t.login('mc.an');
    expect((await desk.post(`/api/dossiers/${d.id}/actions`, { action: 'accept' })).statusCode).toBe(200);
  }
  return d;
}
