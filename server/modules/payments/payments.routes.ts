import { z } from 'zod';
import {
  PaymentAccount,
  PaymentCancellation,
  PaymentConfirmation,
  PaymentDeclaration,
  PaymentView,
} from '../../../domain/payment/index.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../dossiers/idempotency.ts';
import { renderPaymentReceipt } from './fee-receipt.service.ts';
import { getAgencyAccount, removeAgencyAccount, setAgencyAccount } from './payment-accounts.service.ts';
import { cancelPayment, confirmPayment, declarePayment, getPayment } from './payments.service.ts';

const tags = ['payments'];
const idem = z.object({ 'idempotency-key': z.string().optional() }).loose();
const AccountView = z.object({
  /** The agency has an account of its own (not inherited from a parent or the configuration). */
  own: z.boolean(),
  account: PaymentAccount.nullable(),
  source: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('agency'), agencyId: z.uuid(), agencyName: z.string() }),
      z.object({ kind: z.literal('default') }),
    ])
    .nullable(),
});

/** Fees of a dossier paid by VietQR transfer (or cash), confirmed by the desk, with the electronic receipt. */
export function paymentRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const defaults = { account: deps.config.payment, publicUrl: deps.config.publicUrl };
  r.get(
    '/api/dossiers/:id/payment',
    {
      schema: {
        tags,
        summary:
          'Phí, lệ phí của hồ sơ: số tiền phải nộp, mã VietQR để chuyển khoản, tình trạng nộp và biên lai',
        params: IdParams,
        response: { 200: PaymentView, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => getPayment(ctxOf(request, deps), defaults, request.params.id),
  );
  r.post(
    '/api/dossiers/:id/payment/request',
    {
      schema: {
        tags,
        summary: 'Người nộp hồ sơ báo đã chuyển khoản theo mã VietQR, đề nghị Bộ phận Một cửa xác nhận',
        params: IdParams,
        headers: idem,
        body: PaymentDeclaration,
        response: { 200: PaymentView, 201: PaymentView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const res = await declarePayment(
        ctxOf(request, deps),
        defaults,
        request.params.id,
        request.body,
        idempotencyKeyOf(request.headers),
      );
      return reply.code(res.created ? 201 : 200).send(res.body);
    },
  );
  r.post(
    '/api/dossiers/:id/payment/confirm',
    {
      schema: {
        tags,
        summary:
          'Cán bộ tiếp nhận xác nhận đã nhận phí, lệ phí (mã giao dịch ngân hàng), cấp biên lai điện tử; lần thứ hai: 409',
        params: IdParams,
        headers: idem,
        body: PaymentConfirmation,
        response: { 200: PaymentView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      confirmPayment(
        ctxOf(request, deps),
        defaults,
        request.params.id,
        request.body,
        idempotencyKeyOf(request.headers),
      ),
  );
  r.post(
    '/api/dossiers/:id/payment/cancel',
    {
      schema: {
        tags,
        summary: 'Cán bộ tiếp nhận hủy đề nghị xác nhận khi không thấy tiền về (nêu lý do)',
        params: IdParams,
        body: PaymentCancellation,
        response: { 200: PaymentView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelPayment(ctxOf(request, deps), defaults, request.params.id, request.body),
  );
  app.get(
    '/api/dossiers/:id/payment/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'Biên lai thu phí, lệ phí điện tử (PDF) của khoản đã xác nhận',
        params: IdParams,
        produces: ['application/pdf'],
        response: problems(400, 401, 404),
      },
    },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const bytes = await renderPaymentReceipt(ctxOf(request, deps), defaults, id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="bien-lai-phi-le-phi.pdf"')
        .send(bytes);
    },
  );
  r.get(
    '/api/agencies/:id/payment-account',
    {
      schema: {
        tags,
        summary: 'Tài khoản nhận phí, lệ phí áp dụng tại đơn vị (riêng, của đơn vị cấp trên, hoặc mặc định)',
        params: IdParams,
        response: { 200: AccountView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => getAgencyAccount(ctxOf(request, deps), defaults.account, request.params.id),
  );
  r.put(
    '/api/agencies/:id/payment-account',
    {
      schema: {
        tags,
        summary: 'Đặt tài khoản nhận phí, lệ phí riêng của đơn vị (áp dụng cho các đơn vị trực thuộc)',
        params: IdParams,
        body: PaymentAccount,
        response: { 200: AccountView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setAgencyAccount(ctxOf(request, deps), defaults.account, request.params.id, request.body),
  );
  r.delete(
    '/api/agencies/:id/payment-account',
    {
      schema: {
        tags,
        summary: 'Bỏ tài khoản riêng của đơn vị (dùng lại tài khoản của cấp trên hoặc mặc định)',
        params: IdParams,
        response: { 200: AccountView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => removeAgencyAccount(ctxOf(request, deps), defaults.account, request.params.id),
  );
}
