/**
 * Result documents the applicant downloads from the portal. The result goes the way the applicant chose when
 * applying (DOMAIN §3.5: at the desk, by post, or electronically). Chosen electronically, the file is the result
 * and is theirs as soon as it exists — from status 9 (resolved), as the national portal's "nhận kết quả trực
 * tuyến" does [practice]; waiting for the desk to press "return" would only delay them. Chosen on paper, the
 * signed original is handed over at the desk or by post and the portal offers no copy (the desk may still return
 * it electronically, which then opens the download).
 */
import type { DossierStatus, ResultDelivery } from './status.ts';

export type ResultDocument = Readonly<{ fileId: string; name: string; number: string | null }>;

type EventLike = Readonly<{ action: string; data: Readonly<Record<string, unknown>> }>;

/** Every result file attached to the dossier (attachResult events that carry a file), in order, once each. */
export function attachedResults(events: readonly EventLike[]): ResultDocument[] {
  const out = new Map<string, ResultDocument>();
  for (const e of events) {
    if (e.action !== 'attachResult' || typeof e.data.fileId !== 'string') continue;
    out.set(e.data.fileId, {
      fileId: e.data.fileId,
      name: typeof e.data.name === 'string' ? e.data.name : 'Kết quả giải quyết',
      number: typeof e.data.number === 'string' ? e.data.number : null,
    });
  }
  return [...out.values()];
}

/** Whether the applicant may download the result files now. */
export function isResultDownloadable(
  d: Readonly<{ status: DossierStatus; resultDelivery: ResultDelivery; events: readonly EventLike[] }>,
): boolean {
  if (d.status !== 'resolved' && d.status !== 'returned') return false;
  if (d.resultDelivery === 'electronic') return true;
  return d.events.some((e) => e.action === 'returnResult' && e.data.method === 'electronic');
}
