import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { apiAs, receiveDueInARow } from './oversight-steps.ts';
import { demoPassword, login } from './pages.ts';

// Page code as strings: this file is type-checked without the DOM library (tsconfig.json), like the others.
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

/** 'YYYY-MM-DD' of an instant in Vietnam time. */
const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

describe.skipIf(!browserAvailable())(
  'leader dashboard: tiles, drill-down to overdue dossiers, Biểu 06 in Excel',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      vi.useRealTimers();
      await h?.close();
    });

    it('a leader drills from "Quá hạn" into exactly the overdue dossiers and exports the same numbers', async () => {
      // ── The scene: three dossiers received now at the ward's centre, due on three working days in a row ──
      const scene = await h.newPage('desktop');
      const [first, second, third] = await receiveDueInARow(await apiAs(scene.context, 'tiepnhan.hoankiem'));
      await scene.context.close();
      const receivedDay = vnDay(new Date().toISOString());

      // ── Time passes (only the server's Date is faked): the morning of the third one's due day ──
      // The first two are then overdue, the third is still within its deadline.
      const now = new Date(Date.parse(third.dueAt) - 7 * 3_600_000);
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now });
      const period = { from: `${receivedDay.slice(0, 8)}01`, to: vnDay(now.toISOString()) };

      const { context, page } = await h.newPage('desktop');
      const phone = await h.newPage('phone');
      try {
        await login(page, 'lanhdao.hoankiem', demoPassword);
        await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
        await page
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Bảng điều hành' })
          .click();
        await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
        await page.getByTestId('dashboard-summary').waitFor();
        expect(await page.getByTestId('dashboard-summary').textContent()).toContain('Phường Hoàn Kiếm');

        // The period from the first of the month of receipt to "today" (the server's).
        const url = new URL(page.url());
        url.searchParams.set('from', period.from);
        url.searchParams.set('to', period.to);
        await page.goto(url.pathname + url.search);
        await page.getByTestId('dashboard-summary').waitFor();
        const tile = (column: string) => page.getByTestId(`tile-${column}`).getByTestId('tile-value');
        await expect.poll(() => tile('overdue').textContent()).toBe('2');
        const shown = {
          received: digits(await tile('received').textContent()),
          inProgress: digits(await tile('inProgress').textContent()),
          overdue: digits(await tile('overdue').textContent()),
        };
        expect(shown).toEqual({ received: 3, inProgress: 3, overdue: 2 });
        // The overdue-by-unit chart names the ward's own dossiers.
        await page
          .getByRole('list', { name: 'Hồ sơ đang quá hạn theo đơn vị' })
          .getByRole('link')
          .first()
          .waitFor();
        await h.screenshot(page, 'dashboard-1-overview');

        // The quality panels: Decision 766 (inputs motcua lacks say so), the quarter's evaluation, satisfaction.
        const quality = page.getByRole('region', { name: 'Chỉ số chất lượng phục vụ' });
        const index766 = quality.getByRole('table', { name: 'Bộ chỉ số 766' });
        await index766.waitFor();
        expect(await index766.textContent()).toContain('Chưa có dữ liệu');
        expect(await quality.getByTestId('index-766-total').textContent()).toMatch(/tối đa 100/);
        await quality.getByRole('tab', { name: 'Đánh giá theo quý' }).click();
        const evaluation = quality.getByRole('table', { name: 'Đánh giá giải quyết thủ tục hành chính' });
        await evaluation.waitFor();
        expect(await evaluation.textContent()).toContain('Chưa đủ dữ liệu để xếp loại');
        await quality.getByRole('tab', { name: 'Mức độ hài lòng' }).click();
        await quality.getByText('Chưa có lượt đánh giá nào trong kỳ.').waitFor();
        await quality.getByRole('tab', { name: 'Bộ chỉ số 766' }).click();
        await index766.waitFor();
        await h.screenshot(page, 'dashboard-1b-quality');

        // ── Drill down from "Quá hạn" ──
        await page.getByRole('link', { name: /^Quá hạn: 2/ }).click();
        await page.getByRole('heading', { name: 'Đang giải quyết quá hạn' }).waitFor();
        const table = page.getByRole('table', { name: 'Đang giải quyết quá hạn' });
        await table.waitFor();
        const rows = table.getByRole('row');
        expect(await rows.count()).toBe(3);
        expect(await rows.nth(1).textContent()).toContain(first.code);
        expect(await rows.nth(2).textContent()).toContain(second.code);
        expect(await table.textContent()).not.toContain(third.code);
        expect(await page.getByTestId('drill-summary').textContent()).toMatch(/Phường Hoàn Kiếm.*2 hồ sơ/);
        await h.screenshot(page, 'dashboard-2-overdue-list');
        // Through to the dossier.
        await table.getByRole('link', { name: first.code, exact: true }).click();
        await page.getByRole('heading', { name: first.code }).waitFor();
        await page.goBack();
        await page.getByRole('link', { name: '← Bảng điều hành' }).click();
        await page.getByTestId('dashboard-summary').waitFor();

        // ── Biểu 06 for the same agency and period, in Excel: the same numbers ──
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Xuất Biểu 06 (Excel)' }).click(),
        ]);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
        const sheet = book.worksheets[0]!;
        let total: ExcelJS.Row | undefined;
        sheet.eachRow((row) => {
          if (row.getCell(2).value === 'Tổng cộng') total = row;
        });
        expect(total, 'the total row of Biểu 06').toBeDefined();
        // Columns (3) received, (11) in progress, (13) overdue (docs/reports-form06.md).
        expect({
          received: Number(total!.getCell(3).value),
          inProgress: Number(total!.getCell(11).value),
          overdue: Number(total!.getCell(13).value),
        }).toEqual(shown);

        // ── The same on a phone ──
        await login(phone.page, 'lanhdao.hoankiem', demoPassword);
        await phone.page.getByRole('heading', { name: /Xin chào/ }).waitFor();
        await phone.page.goto(url.pathname + url.search);
        await phone.page.getByTestId('dashboard-summary').waitFor();
        await expect
          .poll(() => phone.page.getByTestId('tile-overdue').getByTestId('tile-value').textContent())
          .toBe('2');
        expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
        await h.screenshot(phone.page, 'dashboard-3-overview-phone');
        await phone.page.getByRole('link', { name: /^Quá hạn: 2/ }).click();
        const cards = phone.page.getByRole('list', { name: 'Đang giải quyết quá hạn' });
        await cards.getByRole('listitem').first().waitFor();
        expect(await cards.getByRole('listitem').count()).toBe(2);
        expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
        await h.screenshot(phone.page, 'dashboard-4-overdue-list-phone');
      } catch (error) {
        await h.screenshot(page, 'failure-dashboard').catch(() => undefined);
        await h.screenshot(phone.page, 'failure-dashboard-phone').catch(() => undefined);
        throw error;
      } finally {
        vi.useRealTimers();
        await context.close();
        await phone.context.close();
      }
    });
  },
);
