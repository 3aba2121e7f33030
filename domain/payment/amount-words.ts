/**
 * Amounts in Vietnamese words, as a receipt writes them under the figures ("Số tiền bằng chữ"): 120000 →
 * "Một trăm hai mươi nghìn đồng". Northern accounting usage: "nghìn" (not "ngàn"), "linh" (not "lẻ") for a zero
 * tens digit, "mốt" for 1 and "tư" for 4 after a tens digit of 2–9, "lăm" for 5 after any tens digit, "tỷ".
 * A group of three zeros is skipped ("một triệu không trăm linh năm" = 1.000.005); a non-leading group reads
 * its zero hundreds ("không trăm").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Scales of the groups below a billion, from the right: units, nghìn, triệu. */
const SCALES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

const digit = (d: number): string => DIGITS[d]!;

/** Words of 1–999; `full` reads zero hundreds and the "linh" of a group that follows another group. */
function group(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push('linh');
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(digit(t), 'mươi');
  }
  if (u === 0) return words;
  if (u === 1 && t >= 2) words.push('mốt');
  else if (u === 4 && t >= 2) words.push('tư');
  else if (u === 5 && t >= 1) words.push('lăm');
  else words.push(digit(u));
  return words;
}

/** Words of 1 … 999 999 999 (`leading`: nothing is read before it). */
function belowBillion(n: number, leading: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...group(g, !leading || words.length > 0), ...(SCALES[i] ? [SCALES[i]!] : []));
  }
  return words;
}

/** Words of a positive integer: billions are read recursively ("một nghìn tỷ", "hai tỷ không trăm…"). */
function words(n: number, leading: boolean): string[] {
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  const out: string[] = [];
  if (high > 0) out.push(...words(high, leading), 'tỷ');
  if (low > 0) out.push(...belowBillion(low, leading && high === 0));
  return out;
}

/** A non-negative safe integer in lower-case Vietnamese words: 21 → "hai mươi mốt", 0 → "không". */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Không đọc được số: ${n}`);
  return n === 0 ? digit(0) : words(n, true).join(' ');
}

/** An amount in đồng as a receipt writes it: 120000 → "Một trăm hai mươi nghìn đồng". */
export function amountInWords(dong: number): string {
  const text = `${numberInWords(dong)} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
