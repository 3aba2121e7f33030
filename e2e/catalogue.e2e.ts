import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, login } from './pages.ts';

describe.skipIf(!browserAvailable())('the public procedure catalogue (niêm yết công khai)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an anonymous visitor on a phone searches, filters and reads a procedure', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      // From the login page, without an account.
      await page.goto('/login');
      await page.getByRole('link', { name: 'Tra cứu thủ tục hành chính (không cần đăng nhập)' }).click();
      await page.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();
      expect(page.url()).toMatch(/\/thu-tuc$/);
      expect(await page.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
      const list = page.getByRole('list', { name: 'Danh sách thủ tục hành chính' });
      await list.getByRole('listitem').first().waitFor();
      // The list is marked busy while a new answer is awaited (the previous one stays on screen meanwhile).
      const settled = () =>
        page.locator('ul[aria-label="Danh sách thủ tục hành chính"][aria-busy="false"]').waitFor();
      const total = await list.getByRole('listitem').count();
      expect(total).toBeGreaterThan(2);
      await h.screenshot(page, 'catalogue-1-list-phone');

      const search = page.getByLabel('Tìm thủ tục');
      await search.fill('khai sinh');
      await page.waitForURL(/q=khai\+sinh|q=khai%20sinh/);
      await settled();
      await list.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      // The previous answer stays on screen until the new one arrives: wait for the filtered list itself.
      await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBeLessThan(total);

      // Without diacritics, as people type on a phone keyboard.
      await search.fill('dang ky khai sinh');
      await page.waitForURL(/q=dang/);
      await settled();
      const birth = list.getByRole('listitem').filter({ hasText: '1.001193' });
      await birth.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      await h.screenshot(page, 'catalogue-2-search-phone');

      await birth.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
      await page.getByRole('heading', { name: 'Đăng ký khai sinh', level: 2 }).waitFor();
      const limit = page.getByRole('region', { name: 'Thời hạn giải quyết' });
      expect(await limit.textContent()).toMatch(/ngày làm việc|Trong ngày|giờ làm việc/);
      // On a phone the checklist is a list of cards (a table would scroll sideways).
      const checklist = page.getByRole('list', { name: 'Thành phần hồ sơ' });
      expect(await checklist.getByRole('listitem').count()).toBeGreaterThan(1);
      expect(await checklist.textContent()).toMatch(/Tờ khai/i);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.getByRole('region', { name: 'Quy trình nội bộ' }).getByRole('listitem').first().waitFor();
      await page.getByRole('region', { name: 'Quyết định công bố' }).getByRole('listitem').first().waitFor();
      await h.screenshot(page, 'catalogue-3-detail-phone');

      // Back to the list: the search is kept; then a sector filter instead.
      await page.getByRole('link', { name: '← Danh sách thủ tục' }).click();
      await search.fill('');
      await page.waitForURL(/\/thu-tuc$/);
      // Sectors are offered with their number of procedures, e.g. "Chứng thực (5)".
      const sectorSelect = page.getByLabel('Lĩnh vực');
      const certification = await sectorSelect
        .locator('option', { hasText: /^Chứng thực \(\d+\)$/ })
        .getAttribute('value');
      await sectorSelect.selectOption(certification!);
      await page.waitForURL(/sector=/);
      await settled();
      await list.getByText('2.000815').waitFor();
      const onlyCertification = async () => {
        const texts = await list.getByRole('listitem').allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('Chứng thực'));
      };
      await expect.poll(onlyCertification, { timeout: 15_000 }).toBe(true);
      const sectors = await list.getByRole('listitem').allTextContents();
      expect(sectors.length).toBeGreaterThan(0);
      expect(sectors.length).toBeLessThan(total);
      for (const text of sectors) expect(text).toContain('Chứng thực');
      await h.screenshot(page, 'catalogue-4-sector-phone');

      await list.getByRole('listitem').filter({ hasText: '2.000815' }).getByRole('link').click();
      await page.getByText('Mã thủ tục 2.000815').waitFor();
      const fees = page.getByRole('region', { name: 'Phí, lệ phí' });
      const feeText = (await fees.textContent()) ?? '';
      expect(feeText).toContain('2.000 đồng/trang');
      expect(feeText).toMatch(/Tối đa 200\.000 đồng\/bản/);
      await h.screenshot(page, 'catalogue-5-fee-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-catalogue').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a signed-in citizen reaches the catalogue from the header and keeps the normal layout', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'congdan', demoPassword);
      await page.getByRole('heading', { name: 'Xin chào, Nguyễn Văn An' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Thủ tục hành chính' })
        .click();
      await page.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();
      expect(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);
      await h.screenshot(page, 'catalogue-6-citizen-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-catalogue-citizen').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
