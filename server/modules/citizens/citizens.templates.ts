/**
 * Wording of the one-time code messages queued in the outbox (SMS for a phone, e-mail for an address). Same shape
 * as the dossier notices (notifications/templates.ts), so the notification worker can deliver them by asking this
 * renderer first (`renderCitizenNotice` answers undefined for any other template).
 */
import { z } from 'zod';
import type { RenderedNotice } from '../notifications/templates.ts';

export const CITIZEN_TEMPLATES = ['citizen.signUpCode', 'citizen.passwordResetCode'] as const;
export type CitizenTemplate = (typeof CITIZEN_TEMPLATES)[number];

/** What the citizens service puts in `outbox.payload`: the code in clear (it must be sent) and its lifetime. */
export const CodePayload = z.object({
  code: z.string().regex(/^\d{6}$/),
  minutes: z.number().int().positive(),
});
export type CodePayload = z.infer<typeof CodePayload>;

const isCitizenTemplate = (t: string): t is CitizenTemplate =>
  (CITIZEN_TEMPLATES as readonly string[]).includes(t);

const wording: Record<CitizenTemplate, { subject: string; purpose: string }> = {
  'citizen.signUpCode': {
    subject: 'Mã xác nhận đăng ký tài khoản Dịch vụ công',
    purpose: 'đăng ký tài khoản Dịch vụ công',
  },
  'citizen.passwordResetCode': {
    subject: 'Mã xác nhận đặt lại mật khẩu tài khoản Dịch vụ công',
    purpose: 'đặt lại mật khẩu tài khoản Dịch vụ công',
  },
};

const footer =
  'Thư này được gửi tự động từ hệ thống Một cửa điện tử, xin Ông/Bà vui lòng không trả lời thư này.';

/** Renders a code message, or answers undefined when the template is not one of ours. Throws on a bad payload. */
export function renderCitizenNotice(template: string, payload: unknown): RenderedNotice | undefined {
  if (!isCitizenTemplate(template)) return undefined;
  const parsed = CodePayload.safeParse(payload);
  if (!parsed.success) throw new Error(`Dữ liệu thông báo không hợp lệ (${template})`);
  const { code, minutes } = parsed.data;
  const w = wording[template];
  const paragraphs = [
    'Kính gửi Ông/Bà,',
    `Mã xác nhận để ${w.purpose} là: ${code}`,
    `Mã có hiệu lực trong ${minutes} phút và chỉ dùng được một lần. Không cung cấp mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.`,
    'Nếu Ông/Bà không thực hiện yêu cầu này, xin bỏ qua thư này.',
  ];
  const text = [...paragraphs, '--', footer].join('\n\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    ...paragraphs.map((p) => `<p>${p.replace(code, `<strong style="font-size:120%">${code}</strong>`)}</p>`),
    `<hr><p style="color:#666;font-size:90%">${footer}</p>`,
    '</body></html>',
  ].join('\n');
  // The code first: phones offer to fill it in; short enough for one SMS.
  const short = `${code} là mã xác nhận ${w.purpose}, hiệu lực ${minutes} phút. Không cung cấp mã cho người khác.`;
  return { subject: w.subject, text, html, short };
}
