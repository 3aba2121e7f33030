import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, fillDate, login } from './pages.ts';

const noticeName = 'Nghỉ bù thử nghiệm';
const day = (page: Page, iso: string) => page.locator(`td[data-date="${iso}"]`);
const yearHeading = (page: Page) => page.getByTestId('calendar-year');

/** Receives on Friday 03/05/2030 at 08:00 with one working day: due on the next working day's closing time. */
async function dueFor(page: Page): Promise<{ dueAt: string; explanation: string }> {
  const card = page.getByRole('region', { name: 'Tính hạn' });
  await fillDate(card.getByLabel('Ngày tiếp nhận'), '03/05/2030');
  await card.getByLabel('Giờ tiếp nhận').fill('08:00');
  await card.getByLabel('Tính theo').selectOption('workingDays');
  await card.getByLabel('Số ngày').fill('1');
  const result = card.getByRole('status', { name: 'Kết quả tính hạn' });
  const before = (await result.count()) ? await result.textContent() : null;
  await card.getByRole('button', { name: 'Tính hạn' }).click();
  await expect
    .poll(async () => (await result.count()) && (await result.textContent()) !== before)
    .toBeTruthy();
  return {
    dueAt: (await card.getByTestId('due-at').textContent()) ?? '',
    explanation: (await result.getByRole('listitem').allTextContents()).join('\n'),
  };
}

describe.skipIf(!browserAvailable())('working-day calendar', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the province admin reads 2025, enters and withdraws a notice, sets office hours', async () => {
    const { context, page } = await h.newPage('desktop');
    try {
      await login(page, 'admin', demoPassword);
      await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByRole('heading', { name: 'Lịch làm việc', exact: true }).waitFor();
      const shownYear = Number((await yearHeading(page).textContent())?.replace(/\D/g, ''));
      expect(shownYear).toBe(new Date().getFullYear());

      // Back to 2025: the year selector, then the previous-year button.
      await page.getByLabel('Năm', { exact: true }).selectOption('2026');
      await page.getByRole('button', { name: 'Năm trước' }).click();
      await page.getByText('Năm 2025', { exact: true }).waitFor();
      for (const iso of ['2025-01-25', '2025-01-29', '2025-02-02']) {
        expect(await day(page, iso).getAttribute('data-kind')).toBe('holiday');
        expect(await day(page, iso).getAttribute('title')).toContain('Tết Nguyên Đán');
      }
      expect(await day(page, '2025-01-24').getAttribute('data-kind')).toBe('working');
      expect(await day(page, '2025-02-03').getAttribute('data-kind')).toBe('working');
      expect(await day(page, '2025-04-26').getAttribute('data-kind')).toBe('makeUp');
      expect(await day(page, '2025-04-27').getAttribute('data-kind')).toBe('weekend');
      const holidays = page.getByRole('list', { name: 'Ngày nghỉ lễ, Tết' });
      expect(await holidays.textContent()).toContain('25/01/2025 – 02/02/2025: Tết Nguyên Đán');
      expect(await page.getByRole('list', { name: 'Ngày làm bù' }).textContent()).toContain('26/04/2025');
      expect(await page.getByTestId('lunar-new-year').textContent()).toContain('29/01/2025');
      expect(await page.getByTestId('hung-kings').textContent()).toContain('07/04/2025');
      const notices = page.getByRole('table', { name: 'Thông báo nghỉ lễ, làm bù' });
      const builtIn = notices.getByRole('row').filter({ hasText: '26/04/2025' });
      expect(await notices.getByRole('row').filter({ hasText: '25/01/2025 – 02/02/2025' }).count()).toBe(1);
      expect(await builtIn.textContent()).toContain('Có sẵn');
      expect(await builtIn.getByRole('button', { name: 'Thu hồi' }).count()).toBe(0);
      await h.screenshot(page, 'cal-01-year-2025-desktop');

      // Before the notice, Friday's one working day falls due on Monday 06/05/2030.
      const before = await dueFor(page);
      expect(before.dueAt).toBe('06/05/2030 17:00');

      // A notice for 2030: the page moves to 2030 and lists it.
      const form = page.getByRole('region', { name: 'Nhập thông báo chính thức' });
      // The date picker speaks Vietnamese and starts its weeks on Monday; the date is typed as dd/MM/yyyy.
      await form.getByLabel(/^Ngày/).click();
      const picker = page.locator('.mantine-Popover-dropdown').first();
      await picker.waitFor();
      expect(await picker.textContent()).toMatch(/tháng \d+ \d{4}/i);
      expect(await picker.locator('th').first().textContent()).toBe('T2');
      await h.screenshot(page, 'cal-02a-date-picker', false);
      await fillDate(form.getByLabel(/^Ngày/), '06/05/2030');
      expect(await form.getByLabel(/^Ngày/).inputValue()).toBe('06/05/2030');
      await form.getByLabel('Loại thông báo').selectOption('dayOff');
      await form.getByLabel('Tên ngày').fill(noticeName);
      await form.getByLabel('Văn bản').fill('Thông báo 123/TB-BNV');
      await h.screenshot(page, 'cal-02-notice-form');
      await form.getByRole('button', { name: 'Nhập thông báo' }).click();
      await page.getByText('Năm 2030', { exact: true }).waitFor();
      const row = notices.getByRole('row').filter({ hasText: noticeName });
      await row.waitFor();
      expect(await row.textContent()).toContain('06/05/2030');
      expect(await row.textContent()).toContain('Đã nhập');
      expect(await row.textContent()).toContain('Ngày nghỉ');
      await expect.poll(() => day(page, '2030-05-06').getAttribute('data-kind')).toBe('holiday');

      // The same date again: the server's Vietnamese conflict message.
      expect(await form.getByLabel(/^Ngày/).inputValue()).toBe('');
      await fillDate(form.getByLabel(/^Ngày/), '6/5/2030');
      await form.getByLabel('Tên ngày').fill('Trùng ngày');
      await form.getByLabel('Văn bản').fill('Thông báo 124/TB-BNV');
      await form.getByRole('button', { name: 'Nhập thông báo' }).click();
      const conflict = form.getByRole('alert');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Đã có thông báo cho ngày 06/05/2030');

      // The due date moves past the new day off, and says why.
      const after = await dueFor(page);
      expect(after.dueAt).toBe('07/05/2030 17:00');
      expect(after.explanation.toLowerCase()).toContain(noticeName.toLowerCase());
      await h.screenshot(page, 'cal-03-notice-entered-2030');

      // Withdraw it, after a confirmation.
      await row.getByRole('button', { name: 'Thu hồi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thu hồi thông báo?' });
      await dialog.waitFor();
      await h.screenshot(page, 'cal-04-withdraw-confirm', false);
      await dialog.getByRole('button', { name: 'Thu hồi thông báo' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.waitFor({ state: 'detached' });
      await expect.poll(() => day(page, '2030-05-06').getAttribute('data-kind')).toBe('working');
      expect((await dueFor(page)).dueAt).toBe('06/05/2030 17:00');

      // Office hours of Thành phố Hà Nội: Saturday-morning receiving, validated before it is sent.
      const hours = page.getByRole('region', { name: /^Giờ làm việc — / });
      await hours.getByText('Theo cấp trên / mặc định').waitFor();
      await hours.getByRole('button', { name: 'Sửa giờ làm việc' }).click();
      // Hours on the 24-hour clock, never AM/PM.
      expect(await hours.getByLabel('Giờ làm việc 2 đến').inputValue()).toBe('17:00');
      const saturday = hours.getByRole('group', { name: 'Tiếp nhận thứ Bảy' });
      await saturday.getByRole('button', { name: '+ Thêm khoảng giờ' }).click();
      await saturday.getByLabel('Tiếp nhận thứ Bảy 1 từ').fill('11:30');
      await saturday.getByLabel('Tiếp nhận thứ Bảy 1 đến').fill('07:30');
      await hours.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
      await hours.getByText('Giờ bắt đầu phải trước giờ kết thúc').waitFor();
      await h.screenshot(page, 'cal-05-hours-invalid');
      // Typed without the colon, as on a phone's number pad.
      await saturday.getByLabel('Tiếp nhận thứ Bảy 1 từ').fill('0730');
      expect(await saturday.getByLabel('Tiếp nhận thứ Bảy 1 từ').inputValue()).toBe('07:30');
      await saturday.getByLabel('Tiếp nhận thứ Bảy 1 đến').fill('11:30');
      await hours.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
      await hours.getByRole('button', { name: 'Sửa giờ làm việc' }).waitFor();
      expect(await hours.getByTestId('wt-saturdayReceivingHours').textContent()).toBe('07:30–11:30');
      expect(await hours.getByTestId('wt-officeHours').textContent()).toBe('07:00–11:30, 13:30–17:00');
      expect(await hours.getByText('Theo cấp trên / mặc định').count()).toBe(0);
    } catch (error) {
      await h.screenshot(page, 'cal-failure-1').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a commune admin reads the calendar on a phone but cannot enter notices', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'admin.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
      await page.getByRole('button', { name: 'Mở trình đơn' }).click();
      await page.getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByRole('heading', { name: 'Lịch làm việc', exact: true }).waitFor();
      await page.getByLabel('Năm', { exact: true }).selectOption('2025');
      await page.getByText('Năm 2025', { exact: true }).waitFor();
      expect(await day(page, '2025-04-26').getAttribute('data-kind')).toBe('makeUp');
      await page.getByText('quản trị viên cấp tỉnh nhập').waitFor();
      expect(await page.getByRole('region', { name: 'Nhập thông báo chính thức' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Thu hồi' }).count()).toBe(0);
      // The commune admin sets its own hours; they are inherited until then.
      await page.getByRole('region', { name: 'Giờ làm việc — Phường Hoàn Kiếm' }).waitFor();
      await page.getByRole('button', { name: 'Sửa giờ làm việc' }).waitFor();
      await h.screenshot(page, 'cal-06-phone-commune-admin');
      await page.getByRole('table', { name: 'Tháng 1 năm 2025' }).scrollIntoViewIfNeeded();
      await h.screenshot(page, 'cal-07-phone-month', false);
      await page.getByRole('table', { name: 'Thông báo nghỉ lễ, làm bù' }).scrollIntoViewIfNeeded();
      await h.screenshot(page, 'cal-08-phone-notices', false);
      await page.getByRole('region', { name: 'Tính hạn' }).scrollIntoViewIfNeeded();
      await h.screenshot(page, 'cal-09-phone-hours-due', false);
      // Editing hours and picking a date on a phone.
      await page.getByRole('button', { name: 'Sửa giờ làm việc' }).click();
      await page.getByRole('group', { name: 'Giờ làm việc' }).scrollIntoViewIfNeeded();
      await h.screenshot(page, 'cal-10-phone-hours-editing', false);
      await page.getByRole('button', { name: 'Hủy' }).click();
      const due = page.getByRole('region', { name: 'Tính hạn' });
      await fillDate(due.getByLabel('Ngày tiếp nhận'), '03/05/2030');
      await due.getByLabel('Giờ tiếp nhận').fill('14:45');
      await due.getByLabel('Ngày tiếp nhận').click();
      await page.locator('.mantine-Popover-dropdown').first().waitFor();
      await h.screenshot(page, 'cal-11-phone-date-picker', false);
      await page.keyboard.press('Escape');

      // The server refuses too, in Vietnamese.
      const refusal = await page.evaluate(async () => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const response = await fetch('/api/calendar/notices', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ date: '2030-05-06', kind: 'dayOff', name: 'Thử', decision: 'Thử' }),
        });
        return { status: response.status, body: (await response.json()) as { detail?: string } };
      });
      expect(refusal.status).toBe(403);
      expect(refusal.body.detail).toBe('Chỉ quản trị viên cấp tỉnh được nhập thông báo');
    } catch (error) {
      await h.screenshot(page, 'cal-failure-2').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
