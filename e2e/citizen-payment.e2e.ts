import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailbox } from '../server/test/mailbox.ts';
import { browserAvailable, type Harness } from './harness.ts';
import { chooseFiles, fillDate } from './pages.ts';
import {
  ACCOUNT,
  checkReceiptPdf,
  checkVietQr,
  feePanel,
  openAccountMenu,
  openDossier,
  RENEWAL,
  signUpCitizen,
  staffSignIn,
} from './payment-steps.ts';
import { checkPage, continueButton, PDF, startPortalHarness, stepHeading } from './portal-pages.ts';

/**
 * Fees by VietQR transfer, end to end: a citizen (phone) saves their profile, which prefills an online
 * "Gia hạn tạm trú" (5.000 đồng online); the desk (desktop) accepts it and shows the amount due; the citizen
 * scans-and-declares the transfer; the desk cancels a first declaration it cannot find on the statement, then
 * confirms the second with the bank reference; the citizen sees "Đã xác nhận" and downloads the receipt PDF.
 * Then the public feedback form. Every citizen page passes axe-core.
 */
describe.skipIf(!browserAvailable())('paying a fee by VietQR, the profile and feedback (portal)', () => {
  let h: Harness;
  let mailbox: Mailbox;
  /** The dossier paid in the first journey. */
  let paid: { id: string; code: string } | undefined;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ h, mailbox, close } = await startPortalHarness(ACCOUNT));
  });
  afterAll(() => close());

  it('profile → online application → desk accepts → VietQR → declared → confirmed → receipt; feedback', async () => {
    const citizen = await h.newPage('phone');
    const desk = await h.newPage('desktop');
    const audited: string[] = [];
    let page = citizen.page;
    try {
      await signUpCitizen(page, mailbox, 'lan.tran@example.vn', 'Trần Thị Lan');

      // ── The profile, from the account menu: validation in Vietnamese, then saved ──
      await page.goto('/cong-dan');
      await page.getByRole('heading', { name: 'Xin chào, Trần Thị Lan' }).waitFor();
      await page.getByRole('button', { name: 'Tài khoản: Trần Thị Lan' }).click();
      const accountLinks = page.getByRole('navigation', { name: 'Tài khoản' });
      await accountLinks.getByRole('link', { name: 'Thông tin cá nhân' }).waitFor();
      await checkPage(h, page, 'payment-00-account-menu-phone', audited);
      await accountLinks.getByRole('link', { name: 'Thông tin cá nhân' }).click();
      await page.getByRole('heading', { name: 'Thông tin cá nhân' }).waitFor();
      expect(await page.getByLabel('Thư điện tử').inputValue()).toBe('lan.tran@example.vn');
      await page.getByLabel('Số định danh cá nhân (căn cước)').fill('12345');
      // Typed, not picked: a day that does not exist is said so (and nothing is sent).
      await fillDate(page.getByLabel('Ngày sinh'), '31/02/1990');
      await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill(' ');
      await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
      await page.getByRole('button', { name: 'Lưu thông tin' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'mục cần sửa' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        'Số định danh cá nhân (căn cước) phải gồm đúng 12 chữ số',
      );
      expect(await summary.textContent()).toContain('Vui lòng nhập số nhà, đường, thôn, tổ dân phố');
      expect(await summary.textContent()).toContain('Ngày sinh chưa đúng: nhập ngày/tháng/năm');
      expect(await page.getByLabel('Số định danh cá nhân (căn cước)').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await checkPage(h, page, 'payment-01-profile-errors-phone', audited);

      await fillDate(page.getByLabel('Ngày sinh'), '05/09/1990');
      await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
      // A male 4th digit (0) does not match "Nữ": the cross-check of the citizen ID speaks.
      await page.getByLabel('Số định danh cá nhân (căn cước)').fill('001090054321');
      await page.getByRole('button', { name: 'Lưu thông tin' }).click();
      await summary.getByText('Số định danh cá nhân không khớp với giới tính').waitFor();
      await page.getByLabel('Số định danh cá nhân (căn cước)').fill('001 190 054 321');
      await page.getByLabel('Số điện thoại').fill('0987 654 321');
      await page.getByLabel('Xã, phường, đặc khu').selectOption({ label: 'Phường Hoàn Kiếm' });
      await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 9 ngõ Trạm');
      await page.getByRole('button', { name: 'Lưu thông tin' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
      await checkPage(h, page, 'payment-02-profile-saved-phone', audited);
      await page.reload();
      await expect
        .poll(() => page.getByLabel('Số định danh cá nhân (căn cước)').inputValue())
        .toBe('001190054321');
      expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('05/09/1990');
      expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0987654321');

      // ── The application is prefilled from the profile ──
      await page.goto(`/cong-dan/nop-ho-so/${RENEWAL}`);
      await stepHeading(page, 'Người nộp hồ sơ').waitFor();
      expect(await page.getByLabel('Họ, chữ đệm, tên người đăng ký').inputValue()).toBe('Trần Thị Lan');
      expect(await page.getByLabel('Số định danh cá nhân người đăng ký').inputValue()).toBe('001190054321');
      expect(await page.getByLabel('Số điện thoại liên hệ').inputValue()).toBe('0987654321');
      expect(await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').inputValue()).toBe('Số 9 ngõ Trạm');
      expect(await page.getByLabel('Nơi tiếp nhận hồ sơ').locator('option:checked').textContent()).toBe(
        'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
      );
      await continueButton(page).click();
      await stepHeading(page, 'Tờ khai').waitFor();
      await continueButton(page).click();
      await stepHeading(page, 'Giấy tờ đính kèm').waitFor();
      const declaration = page.getByRole('region', { name: 'Tờ khai thay đổi thông tin cư trú (CT01)' });
      await chooseFiles(page, declaration.getByRole('button', { name: /Chọn tệp tải lên/ }), [
        { name: 'ct01.pdf', mimeType: 'application/pdf', buffer: PDF },
      ]);
      await declaration
        .getByRole('list')
        .getByText(/ct01\.pdf/)
        .waitFor();
      await continueButton(page).click();
      await stepHeading(page, 'Nhận kết quả').waitFor();
      await continueButton(page).click();
      await stepHeading(page, 'Kiểm tra và nộp').waitFor();
      await page.getByLabel(/Tôi xin cam đoan/).check();
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
      const codeShown = page.getByTestId('submitted-code');
      await codeShown.waitFor();
      const code = ((await codeShown.textContent()) ?? '').trim();
      const id = /\/cong-dan\/ho-so\/([0-9a-f-]{36})\/da-nop/.exec(page.url())?.[1] ?? '';
      expect(id).not.toBe('');
      paid = { id, code };

      // ── The desk accepts it; its panel shows what the pinned version charges online ──
      page = desk.page;
      await staffSignIn(page);
      await openDossier(page, id, code);
      await feePanel(page).getByText('Tiếp nhận hồ sơ trước khi xác nhận khoản thu.').waitFor();
      await page
        .getByRole('toolbar', { name: 'Thao tác xử lý hồ sơ' })
        .getByRole('button', { name: 'Tiếp nhận hồ sơ trực tuyến' })
        .click();
      const accept = page.getByRole('dialog', { name: 'Tiếp nhận hồ sơ trực tuyến' });
      await accept.getByRole('button', { name: 'Xác nhận' }).click();
      await accept.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
      const panel = feePanel(page);
      await expect.poll(() => panel.getByTestId('desk-payment-state').textContent()).toBe('Chưa nộp');
      expect(await panel.textContent()).toContain('Lệ phí gia hạn tạm trú');
      expect(await panel.textContent()).toContain('5.000 đ');
      await panel.getByRole('button', { name: 'Hiện mã VietQR cho người nộp quét' }).click();
      await panel.getByTestId('payment-qr').waitFor();
      await h.screenshot(page, 'payment-03-desk-due');

      // ── The citizen pays: the link on the dossier, the QR, the note to copy, "Tôi đã chuyển khoản" ──
      page = citizen.page;
      await page.goto(`/cong-dan/ho-so/${id}`);
      await expect.poll(() => page.getByTestId('my-dossier-status').textContent()).toBe('Đã tiếp nhận');
      await page.getByRole('link', { name: 'Nộp phí, lệ phí: 5.000 đ' }).waitFor();
      await checkPage(h, page, 'payment-03a-my-dossier-due-phone', audited);
      await page.getByRole('link', { name: 'Nộp phí, lệ phí: 5.000 đ' }).click();
      await page.getByRole('heading', { name: 'Nộp phí, lệ phí' }).waitFor();
      expect(await page.getByTestId('payment-amount').textContent()).toBe('5.000 đ');
      expect(await page.getByTestId('payment-state').textContent()).toBe('Chưa nộp');
      const transfer = await checkVietQr(page, id, code, 5_000);
      expect(await page.getByText('VietinBank').count()).toBe(1);
      expect(await page.getByText(ACCOUNT.PAYMENT_ACCOUNT_NAME).count()).toBe(1);
      await citizen.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Sao chép nội dung chuyển khoản' }).click();
      await page.getByRole('button', { name: 'Đã sao chép nội dung chuyển khoản' }).waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(transfer.note);
      await checkPage(h, page, 'payment-04-due-phone', audited);
      await page.getByRole('button', { name: 'Tôi đã chuyển khoản' }).click();
      await expect
        .poll(() => page.getByTestId('payment-state').textContent())
        .toBe('Đã báo chuyển khoản, chờ xác nhận');
      await checkPage(h, page, 'payment-05-declared-phone', audited);

      // ── The desk finds nothing on the statement: the declaration is cancelled with the reason ──
      page = desk.page;
      await page.reload();
      await expect
        .poll(() => panel.getByTestId('desk-payment-state').textContent())
        .toBe('Đã báo chuyển khoản, chờ xác nhận');
      await panel.getByRole('button', { name: 'Hủy đề nghị (không thấy tiền về)' }).click();
      const cancel = page.getByRole('dialog', { name: 'Hủy đề nghị xác nhận chuyển khoản' });
      await cancel.getByRole('button', { name: 'Hủy đề nghị' }).click();
      await cancel.getByText('Nêu lý do hủy').waitFor();
      await cancel.getByLabel('Lý do').fill('Không thấy khoản tiền trên sao kê sáng nay');
      await cancel.getByRole('button', { name: 'Hủy đề nghị' }).click();
      await cancel.waitFor({ state: 'detached' });
      await expect.poll(() => panel.getByTestId('desk-payment-state').textContent()).toBe('Chưa nộp');

      // ── The citizen reads why, and declares again with a note ──
      page = citizen.page;
      await page.reload();
      await page.getByText('Lần báo chuyển khoản trước chưa được xác nhận').waitFor();
      await page.getByText('Không thấy khoản tiền trên sao kê sáng nay', { exact: false }).waitFor();
      await checkPage(h, page, 'payment-06-cancelled-phone', audited);
      await page
        .getByLabel('Ghi chú cho cán bộ (không bắt buộc)')
        .fill('Chuyển lại lúc 10 giờ từ Vietcombank');
      await page.getByRole('button', { name: 'Tôi đã chuyển khoản' }).click();
      await expect
        .poll(() => page.getByTestId('payment-state').textContent())
        .toBe('Đã báo chuyển khoản, chờ xác nhận');

      // ── The desk confirms with the bank reference: a receipt number ──
      page = desk.page;
      await page.reload();
      await panel.getByText('Chuyển lại lúc 10 giờ từ Vietcombank').waitFor();
      await panel.getByRole('button', { name: 'Xác nhận đã thu và cấp biên lai' }).click();
      await panel.getByText('Nhập mã giao dịch ngân hàng (trên sao kê) của khoản chuyển khoản').waitFor();
      await panel.getByLabel('Mã giao dịch ngân hàng (trên sao kê)').fill('FT26336901234');
      await panel.getByRole('button', { name: 'Xác nhận đã thu và cấp biên lai' }).click();
      const receiptNo = panel.getByTestId('desk-receipt-no');
      await receiptNo.waitFor();
      const number = ((await receiptNo.textContent()) ?? '').trim();
      expect(number).toMatch(/^BL\d{4}-\d{7}$/);
      await expect.poll(() => panel.getByTestId('desk-payment-state').textContent()).toBe('Đã xác nhận');
      await page.getByText(`biên lai số ${number}`, { exact: false }).first().waitFor();
      await h.screenshot(page, 'payment-07-desk-confirmed');

      // ── The citizen sees it confirmed and downloads the electronic receipt ──
      page = citizen.page;
      await page.reload();
      await expect.poll(() => page.getByTestId('payment-state').textContent()).toBe('Đã xác nhận');
      expect(await page.getByTestId('payment-receipt-no').textContent()).toBe(number);
      await checkPage(h, page, 'payment-08-confirmed-phone', audited);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải biên lai điện tử' }).click(),
      ]);
      await checkReceiptPdf(download, number, code);
      await page.goto(`/cong-dan/ho-so/${id}`);
      await page.getByRole('link', { name: /Đã nộp phí, lệ phí/ }).waitFor();

      // ── Feedback about the dossier, from the account menu ──
      await openAccountMenu(page, 'Phản ánh, kiến nghị');
      await page.getByRole('heading', { name: 'Phản ánh, kiến nghị', level: 2 }).waitFor();
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Lan');
      await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
      const problems = page.getByText('Nội dung cần ít nhất 10 ký tự');
      await problems.waitFor();
      await page.getByText('Chọn cơ quan nhận phản ánh, kiến nghị (hoặc nhập mã hồ sơ liên quan)').waitFor();
      await checkPage(h, page, 'payment-09-feedback-errors-phone', audited);
      await page.getByRole('radio', { name: /Kiến nghị/ }).check();
      await page
        .getByLabel('Nội dung')
        .fill('Đề nghị cho phép thanh toán lệ phí ngay khi nộp hồ sơ trực tuyến, không phải chờ xác nhận.');
      await page.getByLabel('Mã hồ sơ (nếu có)').fill(code);
      await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
      const feedbackNo = page.getByTestId('feedback-number');
      await feedbackNo.waitFor();
      expect((await feedbackNo.textContent())?.trim()).toMatch(/^PAKN-\d{4}-\d{5}$/);
      await page.getByText(/^Gửi tới Trung tâm Phục vụ hành chính công phường Hoàn Kiếm lúc/).waitFor();
      await checkPage(h, page, 'payment-10-feedback-sent-phone', audited);

      console.info(`axe-core: 0 serious or critical violations on ${audited.length} citizen pages`);
    } catch (error) {
      await h.screenshot(page, 'failure-citizen-payment').catch(() => undefined);
      throw error;
    } finally {
      for (const c of [citizen, desk]) await c.context.close();
    }
  });

  it('a specialist reads the fee panel but has nothing to confirm; anyone may send feedback', async () => {
    const staff = await h.newPage('desktop');
    const visitor = await h.newPage('phone');
    try {
      await staffSignIn(staff.page, 'chuyenvien.hoankiem');
      expect(paid).toBeDefined();
      await openDossier(staff.page, paid!.id, paid!.code);
      const panel = feePanel(staff.page);
      await expect.poll(() => panel.getByTestId('desk-payment-state').textContent()).toBe('Đã xác nhận');
      expect(await panel.getByRole('button', { name: /Xác nhận đã thu/ }).count()).toBe(0);
      expect(await panel.getByRole('link', { name: 'In biên lai phí, lệ phí (PDF)' }).count()).toBe(1);

      const page = visitor.page;
      await page.goto('/cong-dan');
      await page.getByRole('link', { name: /Phản ánh, kiến nghị/ }).click();
      await page.getByRole('heading', { name: 'Phản ánh, kiến nghị', level: 2 }).waitFor();
      await page.getByLabel('Nội dung').fill('Bãi gửi xe của Trung tâm quá chật vào buổi sáng thứ Hai.');
      await page.getByLabel('Cơ quan nhận').selectOption({ label: 'Phường Hoàn Kiếm' });
      await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
      await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
      await page
        .getByText('Cần số điện thoại hoặc thư điện tử để cơ quan trả lời', { exact: true })
        .waitFor();
      await page.getByLabel('Số điện thoại').fill('0912 000 111');
      await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
      await page.getByTestId('feedback-number').waitFor();
      await checkPage(h, page, 'payment-11-feedback-anonymous-phone', []);
    } finally {
      await staff.context.close();
      await visitor.context.close();
    }
  });
});
