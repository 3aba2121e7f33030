/**
 * Text that goes into a bank transfer (the note, a bill number): Vietnamese diacritics folded to ASCII, and only
 * the characters we believe every bank app carries through NAPAS 247 — letters, digits, space, '.' and '-'.
 * [confirm] per bank: EMVCo allows any printable ASCII ("ans"), but apps and statements are known to drop
 * punctuation; '.' and '-' are kept because the dossier code needs them (Odoo's VietQR module keeps the same
 * set plus '_' and '\'). Everything else becomes a space.
 */
const NOT_BANK_SAFE = /[^A-Za-z0-9 .-]+/g;
const BANK_SAFE = /^[A-Za-z0-9 .-]*$/;

/** "Lệ phí hộ tịch: Đăng ký khai sinh" → "Le phi ho tich Dang ky khai sinh". Case is kept. */
export function toBankText(text: string): string {
  return (
    text
      // đ/Đ are letters of their own, not d + a combining mark, so NFD does not split them.
      .replaceAll('đ', 'd')
      .replaceAll('Đ', 'D')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(NOT_BANK_SAFE, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

export const isBankText = (text: string): boolean => BANK_SAFE.test(text);
