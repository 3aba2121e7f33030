/** The electronic fee receipt of a confirmed payment, filled from the stored payment (rendering: server/pdf). */
import { type Applicant, applicantName } from '../../../domain/dossier/index.ts';
import { amountInWords, paymentMethodLabel } from '../../../domain/payment/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { renderFeeReceipt } from '../../pdf/form-fee-receipt.ts';
import { issuerOf } from '../dossiers/forms.service.ts';
import { findAccount } from './payment-accounts.service.ts';
import { loadPayment } from './payment-view.ts';
import * as repo from './payments.repository.ts';
import type { PaymentDefaults } from './payments.service.ts';

export async function renderPaymentReceipt(
  ctx: Ctx,
  defaults: PaymentDefaults & { publicUrl: string },
  id: string,
): Promise<Buffer> {
  const { l, current } = await loadPayment(ctx, id);
  if (current?.status !== 'confirmed' || !current.receiptNo || !current.confirmedAt) {
    throw new AppError('NOT_FOUND', 'Hồ sơ chưa có biên lai thu phí, lệ phí điện tử');
  }
  const receiving = l.agencies.get(l.row.receivingAgencyId)!;
  const competent = l.agencies.get(l.row.competentAgencyId)!;
  const applicant = l.row.applicant as Applicant;
  // The tax code and bank name belong to the account in force for the desk, when it is the one paid into.
  const inForce = await findAccount(ctx.db, defaults.account, receiving.path);
  const sameAccount = inForce?.account.accountNumber === current.accountNumber ? inForce?.account : undefined;
  const names = await repo.userNames(ctx.db, [current.confirmedBy]);
  return renderFeeReceipt({
    issuer: issuerOf(competent, receiving),
    issuedAt: current.receiptIssuedAt ?? current.confirmedAt,
    receiptNo: current.receiptNo,
    collector: {
      name: receiving.name,
      ...(receiving.agencyCode ? { agencyCode: receiving.agencyCode } : {}),
      ...(sameAccount?.taxCode ? { taxCode: sameAccount.taxCode } : {}),
    },
    payer: { name: applicantName(applicant), address: applicant.address.street },
    dossierCode: l.row.code,
    procedureName: l.procedureName,
    lines: current.lines,
    total: current.amount,
    totalInWords: amountInWords(current.amount),
    method: paymentMethodLabel[current.method],
    ...(current.bankReference ? { bankReference: current.bankReference } : {}),
    ...(current.method === 'vietqr' && current.bankBin && current.accountNumber
      ? {
          account: {
            bankBin: current.bankBin,
            accountNumber: current.accountNumber,
            accountName: current.accountName ?? '',
            ...(sameAccount?.bankName ? { bankName: sameAccount.bankName } : {}),
          },
        }
      : {}),
    paidAt: current.confirmedAt,
    collectorName: (current.confirmedBy && names.get(current.confirmedBy)) || '',
    trackingUrl: `${defaults.publicUrl}/tra-cuu/${encodeURIComponent(l.row.code)}`,
  });
}
