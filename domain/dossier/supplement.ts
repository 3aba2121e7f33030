/**
 * The applicant's answer to a supplement request (form 02), given online: one entry per requested item, each with
 * the scans uploaded for it. The request was "one written request for everything missing" (DOMAIN §3.1), so the
 * answer must cover every item of it — and only those.
 */
import { z } from 'zod';
import { nfc, Text } from '../shared/text.ts';
import type { SupplementItem } from './requests.ts';

export const SuppliedItem = z.strictObject({
  /** The name of the requested item, as the request gave it. */
  name: Text(500),
  /** Scans the applicant uploaded (POST /api/files) for this item. */
  fileIds: z.array(z.uuid()).min(1, 'Tải lên ít nhất một tệp cho giấy tờ này').max(20),
});
export type SuppliedItem = z.infer<typeof SuppliedItem>;

export const SupplementSubmission = z.strictObject({
  items: z.array(SuppliedItem).min(1, 'Tải lên giấy tờ được yêu cầu bổ sung').max(50),
  note: Text(2000).optional(),
});
export type SupplementSubmission = z.infer<typeof SupplementSubmission>;

/** The machine's form of an online supply (the desk's `receiveSupplement` names no items). */
export type OnlineSupply = Readonly<{ action: 'receiveSupplement'; note?: string; items: SuppliedItem[] }>;

export type SupplyIssue = Readonly<{ path: string; message: string }>;

const key = (name: string) => nfc(name).trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** What is wrong with a supply: requested items left out, items nobody asked for, an item given twice. */
export function checkSupplied(
  requested: readonly SupplementItem[],
  supplied: readonly SuppliedItem[],
): SupplyIssue[] {
  const issues: SupplyIssue[] = [];
  const wanted = new Set(requested.map((r) => key(r.name)));
  const seen = new Set<string>();
  supplied.forEach((s, i) => {
    const k = key(s.name);
    if (!wanted.has(k)) {
      issues.push({ path: `items.${i}.name`, message: `Giấy tờ không có trong yêu cầu bổ sung: ${s.name}` });
    } else if (seen.has(k)) {
      issues.push({ path: `items.${i}.name`, message: `Giấy tờ được nộp hai lần: ${s.name}` });
    }
    seen.add(k);
  });
  for (const r of requested) {
    if (!seen.has(key(r.name))) {
      issues.push({ path: 'items', message: `Chưa tải lên giấy tờ được yêu cầu bổ sung: ${r.name}` });
    }
  }
  return issues;
}
