import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { apiAs, receiveDueInARow } from './oversight-steps.ts';
import { demoPassword, login } from './pages.ts';

// Page code as strings: this file is type-checked without the DOM library (tsconfig.json), like the others.
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe.skipIf(!browserAvailable())('deadline warnings and the dossier log (leader)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await h?.close();
  });

  it('with nothing due, the dashboard says so (phone)', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'lanhdao.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      // Reached from the navbar behind the burger.
      await page.getByRole('button', { name: 'Mở trình đơn' }).click();
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Cảnh báo hạn xử lý' })
        .click();
      await page.getByRole('heading', { name: 'Cảnh báo hạn xử lý' }).waitFor();
      await page.getByRole('status').getByText('Không có hồ sơ quá hạn hoặc sắp đến hạn.').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await h.screenshot(page, 'oversight-1-empty-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-oversight-empty').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('lists the overdue dossier first, opens it, and downloads the log as Excel and PDF', async () => {
    // ── The scene, through the API: three dossiers received now at the ward's service centre ──
    const deskCtx = await h.newPage('desktop');
    const specialistCtx = await h.newPage('desktop');
    const desk = await apiAs(deskCtx.context, 'tiepnhan.hoankiem');
    const specialist = await apiAs(specialistCtx.context, 'chuyenvien.hoankiem');
    // Due on three working days in a row (W1, W2, W3 at 17:00).
    const [late, today, tomorrow] = await receiveDueInARow(desk);
    expect(Date.parse(late.dueAt)).toBeLessThan(Date.parse(today.dueAt));
    expect(Date.parse(today.dueAt)).toBeLessThan(Date.parse(tomorrow.dueAt));
    // The first goes on to the specialist, who takes it.
    await desk.post(`/api/dossiers/${late.id}/actions`, { action: 'forward' });
    await specialist.post(`/api/dossiers/${late.id}/actions`, { action: 'claim' });
    await deskCtx.context.close();
    await specialistCtx.context.close();

    // ── Time passes (the server runs in this process): the morning of W2, 7 hours before its 17:00 ──
    // Only Date is faked, and it keeps ticking; the browser keeps its own clock: the page counts from the
    // server's `asOf`.
    vi.useFakeTimers({
      toFake: ['Date'],
      shouldAdvanceTime: true,
      now: new Date(Date.parse(today.dueAt) - 7 * 3_600_000),
    });

    const { context, page } = await h.newPage('desktop');
    const phone = await h.newPage('phone');
    try {
      await login(page, 'lanhdao.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Cảnh báo hạn xử lý' }).click();
      await page.getByRole('heading', { name: 'Cảnh báo hạn xử lý' }).waitFor();

      const overdue = page.getByRole('table', { name: 'Hồ sơ quá hạn' });
      const soon = page.getByRole('table', { name: 'Hồ sơ đến hạn trong 1 ngày làm việc' });
      await overdue.waitFor();
      // Overdue first, one working day late, with the step and the specialist who has it.
      const lateRow = overdue.getByRole('row').filter({ hasText: late.code });
      expect(await lateRow.textContent()).toContain('Quá hạn 1 ngày làm việc');
      expect(await lateRow.textContent()).toContain('Thẩm định hồ sơ, dự thảo kết quả');
      expect(await lateRow.textContent()).toContain('Trần Văn Đức');
      expect(await overdue.getByRole('row').count()).toBe(2);
      // Then the two due within a working day: today (in hours), the next working day.
      expect(await soon.getByRole('row').nth(1).textContent()).toContain(today.code);
      expect(await soon.getByRole('row').nth(1).textContent()).toMatch(/Còn 6 giờ 5\d phút|Còn 7 giờ/);
      expect(await soon.getByRole('row').nth(2).textContent()).toContain(tomorrow.code);
      expect(await soon.getByRole('row').nth(2).textContent()).toContain('Còn 1 ngày làm việc');
      const counts = page.getByRole('group', { name: 'Tổng hợp' });
      expect(await counts.textContent()).toMatch(/Quá hạn\s*1/);
      expect(await counts.textContent()).toMatch(/Đến hạn trong 1 ngày làm việc\s*2/);
      // Due dates as dd/MM/yyyy HH:mm.
      expect(await lateRow.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} 17:00/);
      await h.screenshot(page, 'oversight-2-warnings');

      // Through to the dossier.
      await overdue.getByRole('link', { name: late.code, exact: true }).click();
      await page.getByRole('heading', { name: late.code }).waitFor();
      await page.getByTestId('dossier-status').waitFor();

      // The same on a phone: cards, nothing wider than the screen.
      await login(phone.page, 'lanhdao.hoankiem', demoPassword);
      await phone.page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await phone.page.goto('/ho-so/canh-bao');
      const cards = phone.page.getByRole('list', { name: 'Hồ sơ quá hạn' });
      await cards.getByRole('listitem').first().waitFor();
      expect(await cards.textContent()).toContain(late.code);
      expect(await phone.page.getByRole('table', { name: 'Hồ sơ quá hạn' }).count()).toBe(0);
      expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
      await h.screenshot(phone.page, 'oversight-3-warnings-phone');

      // ── The dossier log (form 06) of this month ──
      await nav.getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).click();
      await page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ' }).waitFor();
      const place = page.getByLabel('Nơi tiếp nhận');
      await expect
        .poll(() => place.locator('option:checked').textContent())
        .toBe('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm');
      expect(await page.getByLabel('Từ ngày').inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/);
      expect(await page.getByTestId('log-summary').textContent()).toContain(
        'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
      );
      await h.screenshot(page, 'oversight-4-log');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải bản Excel (.xlsx)' }).click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
      const cells: string[] = [];
      book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells).toContain(late.code);
      expect(cells).toContain(tomorrow.code);

      const pdfLink = page.getByRole('link', { name: 'Xem, in bản PDF' });
      expect(await pdfLink.getAttribute('target')).toBe('_blank');
      const href = (await pdfLink.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/dossier-log\.pdf\?agencyId=[0-9a-f-]{36}&from=\d{4}-\d{2}-01&to=/);
      const pdf = await page.request.get(href);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // A period that ends before it starts is refused before anything is asked of the server.
      const to = page.getByLabel('Đến ngày');
      await to.fill('01/01/2020');
      await to.blur();
      await page.getByText('Ngày cuối phải sau ngày đầu').waitFor();
      expect(await page.getByRole('link', { name: 'Tải bản Excel (.xlsx)' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Tháng này' }).click();
      await page.getByRole('link', { name: 'Tải bản Excel (.xlsx)' }).waitFor();

      await phone.page.getByRole('button', { name: 'Mở trình đơn' }).click();
      await phone.page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Sổ theo dõi hồ sơ' })
        .click();
      await phone.page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ' }).waitFor();
      await phone.page.getByTestId('log-summary').waitFor();
      expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
      await h.screenshot(phone.page, 'oversight-5-log-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-oversight').catch(() => undefined);
      await h.screenshot(phone.page, 'failure-oversight-phone').catch(() => undefined);
      throw error;
    } finally {
      vi.useRealTimers();
      await context.close();
      await phone.context.close();
    }
  });
});
