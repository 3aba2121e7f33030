/**
 * Vietnamese wording of every notice the outbox carries (templates named in dossiers/notify.ts): an e-mail
 * (subject, plain text, simple HTML) and a short text for SMS or Zalo. Instants are written dd/MM/yyyy HH:mm in
 * Asia/Ho_Chi_Minh whatever the host time zone; every notice carries the dossier code and its tracking link.
 */
import { z } from 'zod';
import { VN_OFFSET_MS } from '../../../domain/calendar/civil.ts';
import { renderCitizenNotice } from '../citizens/citizens.templates.ts';
import type { NotificationTemplate } from '../dossiers/notify.ts';

/** What dossiers/notify.ts puts in `outbox.payload`. */
export const NoticePayload = z.object({
  code: z.string().min(1),
  procedureName: z.string().default(''),
  note: z.string().nullish(),
  dueAt: z.string().nullish(),
});
export type NoticePayload = z.infer<typeof NoticePayload>;

export type RenderedNotice = Readonly<{ subject: string; text: string; html: string; short: string }>;

/** One SMS segment of plain characters; Vietnamese with marks costs more, but one short message still reads best. */
export const SMS_TARGET = 160;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "04/03/2026 17:00" in Vietnam time (UTC+7, no daylight saving since 1975: domain/calendar/civil.ts). */
export function formatVnDateTime(instant: Date): string {
  const d = new Date(instant.getTime() + VN_OFFSET_MS);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

export const trackingLink = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type View = Readonly<{
  code: string;
  procedure: string;
  note: string | null;
  due: string | null;
  link: string;
}>;

type Wording = Readonly<{
  subject: string;
  /** Paragraphs of the e-mail, between the greeting and the tracking link. */
  body: readonly (string | null)[];
  /** Short texts by preference: the first that fits in one SMS is used, else the last. */
  short: readonly string[];
}>;

const dossierOf = (v: View) => (v.procedure ? `hồ sơ "${v.procedure}" (mã ${v.code})` : `hồ sơ mã ${v.code}`);
const dueLine = (v: View, label = 'Thời hạn trả kết quả') => (v.due ? `${label}: ${v.due}.` : null);
const noteLine = (v: View, label: string) => (v.note ? `${label}: ${v.note}` : null);

const wordings: Record<NotificationTemplate, (v: View) => Wording> = {
  'dossier.submitted': (v) => ({
    subject: `Đã nhận hồ sơ trực tuyến ${v.code}`,
    body: [
      `Hệ thống đã nhận ${dossierOf(v)} Ông/Bà nộp trực tuyến.`,
      'Bộ phận Một cửa sẽ kiểm tra và thông báo việc tiếp nhận; thời hạn giải quyết được tính từ khi hồ sơ được tiếp nhận.',
    ],
    short: [
      `Đã nhận hồ sơ trực tuyến ${v.code}, chờ tiếp nhận. Tra cứu: ${v.link}`,
      `Đã nhận hồ sơ ${v.code}. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.received': (v) => ({
    subject: `Hồ sơ ${v.code} đã được tiếp nhận`,
    body: [`Bộ phận Một cửa đã tiếp nhận ${dossierOf(v)} của Ông/Bà.`, dueLine(v)],
    short: [
      v.due
        ? `Hồ sơ ${v.code} đã được tiếp nhận, hẹn trả kết quả ${v.due}. Tra cứu: ${v.link}`
        : `Hồ sơ ${v.code} đã được tiếp nhận. Tra cứu: ${v.link}`,
      `Hồ sơ ${v.code} đã được tiếp nhận. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.accepted': (v) => ({
    subject: `Hồ sơ ${v.code} đã được tiếp nhận`,
    body: [`${cap(dossierOf(v))} nộp trực tuyến của Ông/Bà đã được tiếp nhận.`, dueLine(v)],
    short: [
      v.due
        ? `Hồ sơ trực tuyến ${v.code} đã được tiếp nhận, hẹn trả ${v.due}. Tra cứu: ${v.link}`
        : `Hồ sơ trực tuyến ${v.code} đã được tiếp nhận. Tra cứu: ${v.link}`,
      `Hồ sơ ${v.code} đã được tiếp nhận. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.notAccepted': (v) => ({
    subject: `Hồ sơ ${v.code} không được tiếp nhận`,
    body: [`${cap(dossierOf(v))} của Ông/Bà không được tiếp nhận.`, noteLine(v, 'Lý do')],
    short: [`Hồ sơ ${v.code} không được tiếp nhận. Xem lý do: ${v.link}`],
  }),
  'dossier.supplementRequested': (v) => ({
    subject: `Đề nghị bổ sung, hoàn thiện hồ sơ ${v.code}`,
    body: [
      `${cap(dossierOf(v))} của Ông/Bà cần được bổ sung, hoàn thiện để tiếp tục giải quyết.`,
      noteLine(v, 'Nội dung cần bổ sung'),
      'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
    ],
    short: [`Hồ sơ ${v.code} cần bổ sung, hoàn thiện. Xem nội dung: ${v.link}`],
  }),
  'dossier.supplementSupplied': (v) => ({
    subject: `Người nộp đã bổ sung hồ sơ ${v.code}`,
    body: [
      `Người nộp đã bổ sung trực tuyến ${dossierOf(v)} theo yêu cầu; hồ sơ tiếp tục được giải quyết.`,
      noteLine(v, 'Ghi chú của người nộp'),
      dueLine(v, 'Hạn giải quyết mới'),
    ],
    short: [
      `Hồ sơ ${v.code} đã được bổ sung trực tuyến, tiếp tục giải quyết. Chi tiết: ${v.link}`,
      `Hồ sơ ${v.code} đã được bổ sung. Chi tiết: ${v.link}`,
    ],
  }),
  'dossier.financialObligation': (v) => ({
    subject: `Thông báo thực hiện nghĩa vụ tài chính – hồ sơ ${v.code}`,
    body: [
      `Để tiếp tục giải quyết ${dossierOf(v)}, đề nghị Ông/Bà thực hiện nghĩa vụ tài chính theo quy định.`,
      noteLine(v, 'Nội dung'),
    ],
    short: [`Hồ sơ ${v.code}: đề nghị thực hiện nghĩa vụ tài chính. Chi tiết: ${v.link}`],
  }),
  'dossier.apology': (v) => ({
    subject: `Thư xin lỗi và hẹn lại ngày trả kết quả – hồ sơ ${v.code}`,
    body: [
      `Cơ quan giải quyết chân thành xin lỗi Ông/Bà vì ${dossierOf(v)} chưa thể trả kết quả đúng hẹn.`,
      noteLine(v, 'Lý do'),
      dueLine(v, 'Thời hạn trả kết quả mới'),
    ],
    short: [
      v.due
        ? `Xin lỗi Ông/Bà: hồ sơ ${v.code} chậm trả kết quả, hẹn lại ${v.due}. Tra cứu: ${v.link}`
        : `Xin lỗi Ông/Bà: hồ sơ ${v.code} chậm trả kết quả. Tra cứu: ${v.link}`,
      `Hồ sơ ${v.code} được hẹn lại ngày trả kết quả. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.resolved': (v) => ({
    subject: `Hồ sơ ${v.code} đã có kết quả`,
    body: [
      `${cap(dossierOf(v))} của Ông/Bà đã có kết quả giải quyết.`,
      'Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký khi nộp hồ sơ.',
    ],
    short: [
      `Hồ sơ ${v.code} đã có kết quả, mời Ông/Bà nhận kết quả. Tra cứu: ${v.link}`,
      `Hồ sơ ${v.code} đã có kết quả. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.returned': (v) => ({
    subject: `Đã trả kết quả hồ sơ ${v.code}`,
    body: [
      `Kết quả giải quyết ${dossierOf(v)} đã được trả cho Ông/Bà.`,
      'Cảm ơn Ông/Bà đã sử dụng dịch vụ hành chính công.',
    ],
    short: [
      `Đã trả kết quả hồ sơ ${v.code}. Cảm ơn Ông/Bà. Tra cứu: ${v.link}`,
      `Đã trả kết quả hồ sơ ${v.code}. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.withdrawn': (v) => ({
    subject: `Hồ sơ ${v.code} đã được rút`,
    body: [`${cap(dossierOf(v))} đã được rút theo đề nghị của Ông/Bà.`, noteLine(v, 'Ghi chú')],
    short: [
      `Hồ sơ ${v.code} đã được rút theo đề nghị của Ông/Bà. Tra cứu: ${v.link}`,
      `Hồ sơ ${v.code} đã được rút. Tra cứu: ${v.link}`,
    ],
  }),
  'dossier.stopped': (v) => ({
    subject: `Dừng xử lý hồ sơ ${v.code}`,
    body: [`${cap(dossierOf(v))} của Ông/Bà đã dừng xử lý.`, noteLine(v, 'Lý do')],
    short: [`Hồ sơ ${v.code} đã dừng xử lý. Xem lý do: ${v.link}`],
  }),
};

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const TEMPLATES = Object.keys(wordings) as NotificationTemplate[];

export const isTemplate = (name: string): name is NotificationTemplate => Object.hasOwn(wordings, name);

const greeting = 'Kính gửi Ông/Bà,';
const footer =
  'Thư này được gửi tự động từ hệ thống Một cửa điện tử, xin Ông/Bà vui lòng không trả lời thư này.';

/**
 * Renders one notice. Throws on an unknown template or a payload that does not parse: such a row can never be
 * delivered, and the worker marks it failed at once instead of retrying.
 */
export function renderNotice(template: string, payload: unknown, publicUrl: string): RenderedNotice {
  // One-time codes of citizen accounts (server/modules/citizens) carry no dossier.
  let citizen: RenderedNotice | undefined;
  try {
    citizen = renderCitizenNotice(template, payload);
  } catch (e) {
    throw new RenderError(e instanceof Error ? e.message : String(e));
  }
  if (citizen) return citizen;
  if (!isTemplate(template)) throw new RenderError(`Mẫu thông báo không tồn tại: ${template}`);
  const parsed = NoticePayload.safeParse(payload);
  if (!parsed.success) throw new RenderError(`Dữ liệu thông báo không hợp lệ (${template})`);
  const p = parsed.data;
  const v: View = {
    code: p.code,
    procedure: p.procedureName.normalize('NFC'),
    note: p.note?.trim() ? p.note.trim().normalize('NFC') : null,
    due: p.dueAt && !Number.isNaN(Date.parse(p.dueAt)) ? formatVnDateTime(new Date(p.dueAt)) : null,
    link: trackingLink(publicUrl, p.code),
  };
  const w = wordings[template](v);
  const paragraphs = w.body.filter((s): s is string => s !== null);
  const track = `Tra cứu tình trạng hồ sơ: ${v.link}`;
  const text = [greeting, ...paragraphs, track, '--', footer].join('\n\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((s) => `<p>${escapeHtml(s)}</p>`),
    `<p>Tra cứu tình trạng hồ sơ: <a href="${escapeHtml(v.link)}">${escapeHtml(v.code)}</a></p>`,
    `<hr><p style="color:#666;font-size:90%">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  const short = w.short.find((s) => s.length <= SMS_TARGET) ?? w.short[w.short.length - 1]!;
  return { subject: w.subject, text, html, short };
}

/** A notice that can never be rendered (unknown template, malformed payload): retrying would not help. */
export class RenderError extends Error {
  override name = 'RenderError';
}
