/**
 * Fees (lệ phí) and charges (phí) of a procedure version, in whole Vietnamese đồng. Amounts are data with the
 * version's effective dates: laws change them (e.g. Circular 226/2016/TT-BTC for certification, Circular
 * 85/2019/TT-BTC letting provincial councils set civil-status fees).
 */
import { z } from 'zod';
import { Text } from '../shared/text.ts';

export const Vnd = z
  .number({ error: 'Số tiền phải là số' })
  .int('Số tiền tính bằng đồng, không có phần lẻ')
  .min(0, 'Số tiền không được âm')
  .max(10_000_000_000, 'Số tiền quá lớn');
export type Vnd = z.infer<typeof Vnd>;

const FeeKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'Mã khoản phí viết liền, chữ thường đầu (camelCase)');

/** Amount per page from `fromPage` on (the first tier starts at page 1). */
export const PageTier = z.strictObject({ fromPage: z.number().int().min(1), amount: Vnd });
export type PageTier = z.infer<typeof PageTier>;

const tiersInOrder = (tiers: PageTier[]): boolean =>
  tiers[0]?.fromPage === 1 && tiers.every((t, i) => i === 0 || tiers[i - 1]!.fromPage < t.fromPage);
const PageTiers = z
  .array(PageTier)
  .min(1)
  .refine(tiersInOrder, 'Bậc trang phải bắt đầu từ trang 1 và tăng dần');

const FeeCommon = {
  key: FeeKey,
  name: Text(300),
  /** `fee` = lệ phí (state charge for the act), `charge` = phí (for a service rendered). */
  nature: z.enum(['fee', 'charge']).default('fee'),
  /** When set, the item applies only when the caller selects it (e.g. "Đăng ký khai sinh quá hạn"). */
  condition: Text(300).optional(),
  /** Cases exempt from this item (miễn), shown in the public listing. */
  freeConditions: z.array(Text(500)).default([]),
  legalBasis: Text(300).optional(),
  note: Text(1000).optional(),
};

export const Fee = z.discriminatedUnion('per', [
  /** A fixed amount per case (per dossier), possibly lower online. */
  z.strictObject({ ...FeeCommon, per: z.literal('case'), amount: Vnd, onlineAmount: Vnd.optional() }),
  /** A fixed amount per copy issued (e.g. a copy of an extract). */
  z.strictObject({ ...FeeCommon, per: z.literal('copy'), amount: Vnd, onlineAmount: Vnd.optional() }),
  /** Per page of each copy, by tiers, with a minimum and a cap per copy. */
  z
    .strictObject({
      ...FeeCommon,
      per: z.literal('page'),
      tiers: PageTiers,
      onlineTiers: PageTiers.optional(),
      minPerCopy: Vnd.optional(),
      maxPerCopy: Vnd.optional(),
    })
    .refine((f) => f.minPerCopy === undefined || f.maxPerCopy === undefined || f.minPerCopy <= f.maxPerCopy, {
      message: 'Mức tối thiểu phải không lớn hơn mức tối đa',
      path: ['maxPerCopy'],
    }),
]);
export type Fee = z.infer<typeof Fee>;

export const FeeRequest = z.strictObject({
  channel: z.enum(['online', 'direct', 'postal']),
  /** Pages of one copy (per-page fees). */
  pages: z.number().int().min(1).optional(),
  /** Copies requested (per-copy and per-page fees); default 1. */
  copies: z.number().int().min(1).default(1),
  /** Keys of conditional items that apply to this dossier. */
  conditions: z.array(z.string()).default([]),
  /** The applicant falls under a free condition (the desk records which one). */
  exempt: z.boolean().default(false),
});
export type FeeRequest = z.input<typeof FeeRequest>;

export type FeeLine = { key: string; name: string; amount: number; explanation: string };
export type FeeResult = { total: number; lines: FeeLine[] };

const vnd = (n: number): string => `${n.toLocaleString('vi-VN')} đồng`;

/** Per-copy amount of a page-based fee, with the explanation of each tier. */
const pageAmount = (tiers: PageTier[], pages: number, min?: number, max?: number): [number, string] => {
  let sum = 0;
  const parts: string[] = [];
  tiers.forEach((tier, i) => {
    const last = Math.min(pages, (tiers[i + 1]?.fromPage ?? Number.POSITIVE_INFINITY) - 1);
    const count = last - tier.fromPage + 1;
    if (count <= 0) return;
    sum += count * tier.amount;
    parts.push(`${count} trang × ${vnd(tier.amount)}`);
  });
  let text = parts.join(' + ');
  if (max !== undefined && sum > max) {
    text += ` = ${vnd(sum)}, áp mức tối đa ${vnd(max)}/bản`;
    sum = max;
  } else if (min !== undefined && sum < min) {
    text += ` = ${vnd(sum)}, áp mức tối thiểu ${vnd(min)}/bản`;
    sum = min;
  }
  return [sum, text];
};

/**
 * The fee a dossier owes under a version's fee items. Online amounts apply only to the online channel (postal
 * dossiers pay the direct amount). Items with a `condition` apply only when selected in `conditions`.
 * Throws when a per-page item needs `pages` and none is given.
 */
export const computeFee = (version: { fees: readonly Fee[] }, request: FeeRequest): FeeResult => {
  const { fees } = version;
  const req = FeeRequest.parse(request);
  const online = req.channel === 'online';
  const lines: FeeLine[] = [];
  for (const fee of fees) {
    if (fee.condition !== undefined && !req.conditions.includes(fee.key)) continue;
    if (req.exempt) {
      lines.push({ key: fee.key, name: fee.name, amount: 0, explanation: 'Thuộc trường hợp miễn' });
      continue;
    }
    switch (fee.per) {
      case 'case': {
        const amount = online ? (fee.onlineAmount ?? fee.amount) : fee.amount;
        lines.push({ key: fee.key, name: fee.name, amount, explanation: `${vnd(amount)}/hồ sơ` });
        break;
      }
      case 'copy': {
        const each = online ? (fee.onlineAmount ?? fee.amount) : fee.amount;
        const amount = each * req.copies;
        lines.push({ key: fee.key, name: fee.name, amount, explanation: `${req.copies} bản × ${vnd(each)}` });
        break;
      }
      case 'page': {
        if (req.pages === undefined) throw new Error(`Cần số trang để tính "${fee.name}"`);
        const tiers = online ? (fee.onlineTiers ?? fee.tiers) : fee.tiers;
        const [each, text] = pageAmount(tiers, req.pages, fee.minPerCopy, fee.maxPerCopy);
        const amount = each * req.copies;
        const explanation = req.copies === 1 ? text : `(${text}) × ${req.copies} bản`;
        lines.push({ key: fee.key, name: fee.name, amount, explanation });
        break;
      }
      default: {
        const never: never = fee;
        throw new Error(`Loại phí không hỗ trợ: ${JSON.stringify(never)}`);
      }
    }
  }
  return { total: lines.reduce((s, l) => s + l.amount, 0), lines };
};
