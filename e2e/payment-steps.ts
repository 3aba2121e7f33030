/** Steps and checks of the fee-payment journey (e2e/citizen-payment.e2e.ts). */
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { findDossierCodeInNote, readVietQr } from '../domain/payment/index.ts';
import { pdfText, squeeze } from '../server/pdf/poppler.testing.ts';
import type { Mailbox } from '../server/test/mailbox.ts';
import { demoPassword, login } from './pages.ts';
import { codeFor } from './portal-pages.ts';

/** The collecting account the server is started with (PAYMENT_* environment, docs/payment-vietqr.md). */
export const ACCOUNT = {
  PAYMENT_BANK_BIN: '970415',
  PAYMENT_BANK_NAME: 'VietinBank',
  PAYMENT_ACCOUNT_NO: '113366668888',
  PAYMENT_ACCOUNT_NAME: 'UBND PHUONG HOAN KIEM',
  PAYMENT_TAX_CODE: '0101234567',
};

/** Gia hạn tạm trú: 10.000 đồng, 5.000 đồng online (Circular 75/2022/TT-BTC), fully online. */
export const RENEWAL = '1.004206';

/**
 * A citizen account made the way the portal makes it (sign-up, then the mailed code), through the page's own
 * request context: the session cookie lands in the browser profile.
 */
export async function signUpCitizen(page: Page, mailbox: Mailbox, email: string, fullName: string) {
  const password = 'MatKhau@2025';
  const res = await page.request.post('/api/citizen/sign-up', {
    data: { identifier: email, fullName, password },
  });
  expect(res.status(), await res.text()).toBe(202);
  const { challengeId } = (await res.json()) as { challengeId: string };
  const code = await codeFor(mailbox, email, 1);
  const confirmed = await page.request.post('/api/citizen/confirm', { data: { challengeId, code } });
  expect(confirmed.status(), await confirmed.text()).toBe(201);
}

/** The header's account button, then one of the links it shows. */
export async function openAccountMenu(page: Page, entry: string) {
  await page.getByRole('button', { name: /^Tài khoản/ }).click();
  await page.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: entry }).click();
}

/** A back-office user of Hoàn Kiếm signs in (desktop). */
export async function staffSignIn(page: Page, username = 'tiepnhan.hoankiem') {
  await login(page, username, demoPassword);
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

/** The staff dossier page, by id, once its heading shows. */
export async function openDossier(page: Page, id: string, code: string) {
  await page.goto(`/ho-so/${id}`);
  await page.getByRole('heading', { name: code }).waitFor();
}

export const feePanel = (page: Page) => page.getByRole('region', { name: 'Phí, lệ phí' });

/** The VietQR the payment page shows: the API's payload reads back (CRC checked) to the account, amount, code. */
export async function checkVietQr(page: Page, id: string, code: string, amount: number) {
  const res = await page.request.get(`/api/dossiers/${id}/payment`);
  expect(res.status()).toBe(200);
  const view = (await res.json()) as { transfer: { payload: string; qrPng: string; note: string } };
  const qr = readVietQr(view.transfer.payload);
  expect(qr).toMatchObject({
    bankBin: ACCOUNT.PAYMENT_BANK_BIN,
    accountNumber: ACCOUNT.PAYMENT_ACCOUNT_NO,
    amount,
    currency: '704',
  });
  expect(findDossierCodeInNote(qr.note ?? '')).toBe(code);
  // The picture on the page is that PNG, and it was drawn (not a broken image).
  const img = page.getByTestId('payment-qr');
  expect(await img.getAttribute('src')).toBe(view.transfer.qrPng);
  const png = Buffer.from(view.transfer.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  await expect
    .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(100);
  expect((await page.getByTestId('payment-note').textContent())?.trim()).toBe(view.transfer.note);
  return view.transfer;
}

/** The downloaded receipt: its text holds the receipt number, the amount and the dossier code. */
export async function checkReceiptPdf(download: Download, receiptNo: string, code: string) {
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const pdf = await readFile(file);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squeeze(await pdfText(pdf));
  expect(text).toContain(receiptNo);
  expect(text).toContain(code);
  expect(text).toMatch(/5\.000/);
  expect(text).toContain('Năm nghìn đồng');
  return text;
}
