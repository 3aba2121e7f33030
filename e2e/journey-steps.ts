/** Steps of the citizen journeys across the portal and the back office (e2e/citizen-journeys.e2e.ts). */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Mailbox } from '../server/test/mailbox.ts';
import { chooseFiles, demoPassword, fillDate, login } from './pages.ts';
import { codeFor, continueButton, daysAgo, PDF, PNG, stepHeading } from './portal-pages.ts';

export type Citizen = Readonly<{ email: string; name: string; password: string }>;

/** Signs up on the portal with a code mailed to `who.email`; ends signed in on the portal's home. */
export async function signUp(page: Page, mailbox: Mailbox, who: Citizen) {
  await page.goto('/cong-dan/dang-ky');
  await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
  await page.getByLabel('Số điện thoại di động hoặc thư điện tử').fill(who.email);
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel(/^Mật khẩu/).fill(who.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  await page.getByRole('heading', { name: 'Nhập mã xác nhận' }).waitFor();
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(await codeFor(mailbox, who.email, 1));
  await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click();
  await page.getByRole('heading', { name: `Xin chào, ${who.name}` }).waitFor();
}

/**
 * Applies online for "Đăng ký khai sinh" (1.001193) at the Hoàn Kiếm centre with a scan per checklist item and
 * the result delivered electronically; returns the dossier code shown after submission.
 */
export async function applyForBirth(page: Page, childName: string): Promise<string> {
  await page.goto('/cong-dan/nop-ho-so/1.001193');
  await stepHeading(page, 'Người nộp hồ sơ').waitFor();
  await page.getByLabel('Số định danh cá nhân người yêu cầu').fill('001190054321');
  await page.getByLabel('Số điện thoại liên hệ').fill('0987654321');
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
  await page.getByLabel('Xã, phường, đặc khu').selectOption({ label: 'Phường Hoàn Kiếm' });
  await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 9 ngõ Trạm');
  await expect
    .poll(() => page.getByLabel('Nơi tiếp nhận hồ sơ').locator('option:checked').textContent())
    .toBe('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm');
  await continueButton(page).click();

  await stepHeading(page, 'Tờ khai').waitFor();
  await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ label: 'Mẹ' });
  await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill(childName);
  await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
  await fillDate(page.getByLabel('Ngày, tháng, năm sinh'), daysAgo(3));
  await page.getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản Hà Nội');
  await page.getByLabel('Dân tộc').fill('Kinh');
  await page.getByLabel('Họ, chữ đệm, tên người mẹ').fill('Phạm Thu Hà');
  await page.getByLabel('Số định danh cá nhân người mẹ').fill('001190054321');
  await continueButton(page).click();

  await stepHeading(page, 'Giấy tờ đính kèm').waitFor();
  for (const [region, name, mimeType, buffer] of [
    ['Tờ khai đăng ký khai sinh', 'to-khai.pdf', 'application/pdf', PDF],
    ['Giấy chứng sinh', 'giay-chung-sinh.png', 'image/png', PNG],
  ] as const) {
    const slot = page.getByRole('region', { name: region });
    await chooseFiles(page, slot.getByRole('button', { name: /Chọn tệp tải lên/ }), [
      { name, mimeType, buffer },
    ]);
    await slot.getByRole('list').getByText(name).waitFor();
  }
  await continueButton(page).click();

  await stepHeading(page, 'Nhận kết quả').waitFor();
  await page.getByRole('radio', { name: /Trực tuyến \(bản điện tử\)/ }).click();
  await continueButton(page).click();

  await stepHeading(page, 'Kiểm tra và nộp').waitFor();
  await page.getByLabel(/Tôi xin cam đoan/).check();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  const shown = page.getByTestId('submitted-code');
  await shown.waitFor();
  return ((await shown.textContent()) ?? '').trim();
}

/** Opens one of the signed-in citizen's dossiers from "Hồ sơ của tôi". */
export async function openMyDossier(page: Page, code: string) {
  await page.goto('/cong-dan/ho-so');
  const item = page
    .getByRole('list', { name: 'Danh sách hồ sơ của tôi' })
    .getByRole('listitem')
    .filter({ hasText: code });
  await item.getByRole('link', { name: code }).click();
  await page.getByTestId('my-dossier-status').waitFor();
}

export const myStatus = (page: Page) => page.getByTestId('my-dossier-status').textContent();

/** Signs a member of staff in on a desktop page. */
export async function staffLogin(page: Page, username: string) {
  await login(page, username, demoPassword);
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

/** Opens the dossier `code` from an inbox tab, waiting for the list that really contains it. */
export async function openFromInbox(page: Page, tab: string, code: string, status?: string) {
  await page.goto('/ho-so');
  await page.getByRole('tab', { name: tab }).click();
  if (status) await page.getByLabel('Trạng thái').selectOption({ label: status });
  const link = page
    .getByRole('table', { name: 'Danh sách hồ sơ' })
    .getByRole('link', { name: code, exact: true });
  await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
  await link.click();
  await page.getByRole('heading', { name: code }).waitFor();
}

export const staffStatus = (page: Page) => page.getByTestId('dossier-status').textContent();

/** Clicks one of the dossier's action buttons, fills its dialog and confirms. */
export async function act(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>) {
  await page
    .getByRole('toolbar', { name: 'Thao tác xử lý hồ sơ' })
    .getByRole('button', { name: label })
    .click();
  if (label === 'Nhận xử lý') return;
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The desk accepts the online dossier and forwards it to appraisal; the specialist claims it. */
export async function acceptAndClaim(desk: Page, specialist: Page, code: string) {
  await openFromInbox(desk, 'Việc của đơn vị', code, 'Mới nộp trực tuyến, chờ tiếp nhận');
  await act(desk, 'Tiếp nhận hồ sơ trực tuyến');
  await expect.poll(() => staffStatus(desk)).toBe('Đã tiếp nhận');
  await act(desk, 'Chuyển bước tiếp theo');
  await expect.poll(() => staffStatus(desk)).toBe('Đang giải quyết');
  await openFromInbox(specialist, 'Việc của đơn vị', code);
  await act(specialist, 'Nhận xử lý');
  await specialist
    .getByRole('toolbar', { name: 'Thao tác xử lý hồ sơ' })
    .getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' })
    .waitFor();
}
