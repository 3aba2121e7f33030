/**
 * Dossier code `{receivingAgencyCode}-{yyMMdd}-{NNNN}` (DOMAIN §3): the sequence restarts every day per receiving
 * agency, the day is the receipt day in Asia/Ho_Chi_Minh [practice]. The number itself is drawn by the database
 * inside the intake transaction (no gaps, no duplicates); this file only formats and parses.
 */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The receipt day in Asia/Ho_Chi_Minh as `yyMMdd`, whatever the host time zone. */
export function codeDay(at: Date): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCFullYear() % 100)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}`;
}

export const MAX_DAILY_SEQUENCE = 9999;

export function formatDossierCode(agencyCode: string, at: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`Số thứ tự hồ sơ trong ngày vượt giới hạn ${MAX_DAILY_SEQUENCE}: ${sequence}`);
  }
  return `${agencyCode}-${codeDay(at)}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^[A-Z0-9.]{1,40}-\d{6}-\d{4}$/;

export function parseDossierCode(
  code: string,
): { agencyCode: string; day: string; sequence: number } | undefined {
  const m = /^([A-Z0-9.]{1,40})-(\d{6})-(\d{4})$/.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  return { agencyCode: m[1]!, day: m[2]!, sequence: Number(m[3]) };
}
