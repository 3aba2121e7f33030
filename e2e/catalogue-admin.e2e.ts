import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, fillDate, login } from './pages.ts';

const code = '1.004194'; // Đăng ký tạm trú: legal 03, committed 02 working days; a fee; an online form

/** The export with two bad cells on the first procedure row: an unknown online level, a 999-day commitment. */
async function brokenWorkbook(path: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('Thủ tục')!;
  const header = sheet.getRow(1).values as unknown[];
  const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name));
  cell('Mức độ trực tuyến').value = 'Không rõ';
  cell('Thời hạn cam kết (loại)').value = 'Ngày làm việc';
  cell('Thời hạn cam kết (số)').value = 999;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

describe.skipIf(!browserAvailable())('the procedure catalogue administration', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the provincial admin edits a draft, publishes it, reads the diff and fits the workflow in the limit', async () => {
    const { context, page } = await h.newPage('desktop');
    try {
      await login(page, 'admin', demoPassword);
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Quản lý thủ tục' }).click();
      await page.getByRole('heading', { name: 'Quản lý danh mục thủ tục' }).waitFor();
      const table = page.getByRole('table', { name: 'Danh mục thủ tục' });
      await table.getByRole('link', { name: 'Đăng ký tạm trú', exact: true }).waitFor();
      const total = await table.getByRole('row').count();
      await page.getByLabel('Lĩnh vực').selectOption({ label: 'Đăng ký, quản lý cư trú' });
      await page.getByLabel('Tìm thủ tục').fill('dang ky tam tru');
      await expect.poll(() => table.getByRole('row').count()).toBeLessThan(total);
      const row = table.getByRole('row').filter({ hasText: code });
      expect(await row.textContent()).toMatch(/Phiên bản 1.*02 ngày làm việc.*Không có/);
      await h.screenshot(page, 'catalogue-admin-1-list');

      // Excel: the export downloads; an import with a bad cell is refused, every error named by its cell.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải danh mục (Excel)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^danh-muc-thu-tuc-\d{8}\.xlsx$/);
      const broken = await brokenWorkbook(await download.path());
      await page.locator('input[type="file"]').setInputFiles({
        name: 'danh-muc-loi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: broken,
      });
      const importErrors = page.getByRole('table', { name: 'Lỗi trong tệp Excel' });
      await importErrors.waitFor();
      expect(await importErrors.textContent()).toContain('Trang «Thủ tục», dòng 2');
      expect(await page.getByRole('alert').first().textContent()).toMatch(/không nhập dòng nào/);
      await h.screenshot(page, 'catalogue-admin-2-import-errors');

      await row.getByRole('link', { name: 'Đăng ký tạm trú' }).click();
      await page.getByRole('heading', { name: 'Đăng ký tạm trú', level: 2 }).waitFor();
      await page.getByText('Lần lưu đầu tiên sẽ tạo dự thảo phiên bản 2').waitFor();

      // A nameless checklist item, then a limit longer than the law: the server's messages come back per field.
      const local = page.getByRole('textbox', { name: 'Thời hạn cam kết của địa phương: ngày làm việc' });
      await local.fill('4');
      await tab(page, 'Thành phần hồ sơ').click();
      await page.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).click();
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      const nameless = page
        .getByRole('alert')
        .filter({ hasText: 'Thành phần hồ sơ 3, tên: Không được để trống' });
      await nameless.waitFor();
      const newDoc = page.getByRole('group', { name: 'Thành phần 3' });
      expect(await newDoc.getByLabel('Tên giấy tờ').getAttribute('aria-invalid')).toBe('true');
      await newDoc.getByLabel('Tên giấy tờ').fill('Ảnh chân dung 4x6');
      await newDoc.getByRole('textbox', { name: 'Số lượng (bản)' }).fill('2');
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      const tooLong = page.getByRole('alert').filter({ hasText: 'không được dài hơn thời hạn luật định' });
      await tooLong.waitFor();
      // The editor opens the tab of the first message, where the input carries it too.
      expect(await local.getAttribute('aria-invalid')).toBe('true');
      await h.screenshot(page, 'catalogue-admin-3-server-errors');

      await local.fill('1');
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã tạo dự thảo phiên bản 2' }).waitFor();
      await page.getByText('Dự thảo phiên bản 2', { exact: true }).waitFor();

      // The online form: a new field shows at once in the preview, and the trial check uses its rules.
      await tab(page, 'Biểu mẫu điện tử').click();
      await page.getByRole('button', { name: 'Thêm trường' }).click();
      const fields = page.getByRole('group', { name: /^Trường \d+$/ });
      const field = fields.last();
      await field.getByLabel('Nhãn').fill('Lý do đăng ký tạm trú');
      await field.getByLabel('Kiểu').selectOption({ label: 'Danh sách chọn' });
      await field.getByRole('textbox', { name: 'Lý do đăng ký tạm trú: lựa chọn 1' }).fill('Đi làm');
      const preview = page.getByRole('region', { name: 'Xem trước biểu mẫu' });
      await preview.getByText('Lý do đăng ký tạm trú').waitFor();
      await preview.getByRole('button', { name: 'Kiểm tra thử' }).click();
      await preview.getByText('Vui lòng chọn: Lý do đăng ký tạm trú').waitFor();
      // The builder and its preview side by side, as on screen (the preview scrolls in its own frame).
      await h.screenshot(page, 'catalogue-admin-4-form-preview', false);
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await page
        .getByText('Không có thay đổi chưa lưu.')
        .or(page.getByText('Đã lưu dự thảo phiên bản 2.'))
        .waitFor();

      // Publication by a decision; the history shows the new version and what changed.
      await tab(page, 'Công bố').click();
      const publish = page.getByRole('form', { name: 'Công bố dự thảo' });
      await publish.getByLabel('Số, ký hiệu quyết định').fill('215/QĐ-UBND');
      await fillDate(publish.getByLabel('Ngày ký'), '02/03/2026');
      await publish.getByLabel('Cơ quan, người ban hành').fill('Chủ tịch Ủy ban nhân dân Thành phố Hà Nội');
      await fillDate(publish.getByLabel('Có hiệu lực từ ngày'), '16/03/2026');
      await h.screenshot(page, 'catalogue-admin-5-publish');
      await publish.getByRole('button', { name: 'Công bố phiên bản 2' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Đã công bố phiên bản 2, có hiệu lực từ ngày 16/03/2026' })
        .waitFor();
      const versions = page.getByRole('table', { name: 'Các phiên bản' });
      await versions
        .getByRole('row')
        .filter({ hasText: 'Đã công bố' })
        .filter({ hasText: '215/QĐ-UBND' })
        .waitFor();
      expect(await versions.getByRole('row').filter({ hasText: 'Đã được thay thế' }).textContent()).toContain(
        '01/07/2025 – 15/03/2026',
      );
      const diff = page.getByRole('region', { name: 'Thay đổi của phiên bản 2' });
      const limitRow = diff.getByRole('row').filter({ hasText: 'Thời hạn cam kết của địa phương' });
      expect(await limitRow.textContent()).toMatch(/02 ngày làm việc.*01 ngày làm việc/);
      expect(await diff.getByRole('row').filter({ hasText: 'Ảnh chân dung 4x6' }).textContent()).toContain(
        'Thêm',
      );
      expect(await diff.textContent()).toContain('Lý do đăng ký tạm trú');
      await h.screenshot(page, 'catalogue-admin-6-history-diff');

      // The workflow was budgeted for 02 days: the shorter limit flags it at once; fit it, then overshoot.
      await tab(page, 'Quy trình nội bộ').click();
      const summary = page.getByRole('group', { name: 'Tổng thời gian so với thời hạn' });
      await summary.getByText('01 ngày làm việc').waitFor();
      const warning = page.getByRole('alert').filter({ hasText: 'vượt thời hạn cam kết 01 ngày làm việc' });
      await warning.waitFor();
      const budget = (n: number) => page.getByRole('textbox', { name: `Số giờ làm việc bước ${n}` });
      await budget(2).fill('0,5');
      await budget(3).fill('3,5');
      await warning.waitFor({ state: 'detached' });
      expect(await summary.textContent()).toContain('8 giờ / thời hạn cam kết 01 ngày làm việc = 8 giờ');
      await page.getByRole('button', { name: 'Lưu quy trình' }).click();
      await page.getByText('Đã lưu quy trình.').waitFor();

      await budget(2).fill('40');
      await warning.waitFor();
      await page.getByRole('button', { name: 'Lưu quy trình' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'Quy trình không hợp lệ' });
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(/Tổng thời gian các bước \(.+ giờ\) vượt thời hạn cam kết/);
      await h.screenshot(page, 'catalogue-admin-7-workflow-error');
    } catch (error) {
      await h.screenshot(page, 'failure-catalogue-admin').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('on a phone the public checklist is a list of cards that fits the screen', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await page.goto(`/thu-tuc/${code}`);
      await page.getByRole('heading', { name: 'Đăng ký tạm trú', level: 2 }).waitFor();
      const cards = page.getByRole('list', { name: 'Thành phần hồ sơ' });
      expect(await cards.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByRole('table', { name: 'Thành phần hồ sơ' }).count()).toBe(0);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await cards.scrollIntoViewIfNeeded();
      await h.screenshot(page, 'catalogue-admin-8-public-checklist-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-catalogue-admin-phone').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
