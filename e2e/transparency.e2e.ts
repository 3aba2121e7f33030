import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, seriousA11yViolations } from './pages.ts';

const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe.skipIf(!browserAvailable())('public transparency page (no login, phone first)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('anyone reads this month, quarter and year for the city and for a ward, with no personal data', async () => {
    // One dossier received today at Phường Hoàn Kiếm's centre.
    const scene = await h.newPage('desktop');
    const request = scene.context.request;
    const login = await request.post('/api/auth/login', {
      data: { username: 'tiepnhan.hoankiem', password: demoPassword },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const agencies = (await (await request.get('/api/agencies')).json()) as {
      items: { id: string; agencyCode: string | null }[];
    };
    const centre = agencies.items.find((a) => a.agencyCode === '000.01.01.H26')!.id;
    const created = await request.post('/api/dossiers', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        procedureCode: '1.004845',
        receivingAgencyId: centre,
        applicant: {
          kind: 'person',
          fullName: 'Nguyễn Văn An',
          citizenId: '001090012345',
          phone: '0912345678',
          address: { street: 'Số 5 phố Hàng Bông' },
        },
        documents: [
          { key: 'declaration', kind: 'original' },
          { key: 'evidence', kind: 'certifiedCopy' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const { code } = (await created.json()) as { code: string };
    await scene.context.close();

    const { context, page } = await h.newPage('phone');
    try {
      await page.goto('/cong-khai');
      await page.getByRole('heading', { name: 'Công khai kết quả giải quyết thủ tục hành chính' }).waitFor();
      await page.getByText('Thành phố Hà Nội ·').waitFor();
      const figures = page.getByRole('group', { name: 'Số liệu tổng hợp' });
      await expect.poll(() => figures.textContent()).toMatch(/Hồ sơ tiếp nhận1/);
      expect(await figures.textContent()).toMatch(/Nộp trực tuyến0%/);
      expect(await page.getByTestId('transparency-period').textContent()).toMatch(
        /^Tháng \d{1,2}\/\d{4}: từ ngày 01\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}$/,
      );
      expect(await page.content()).not.toContain(code);
      expect(await page.content()).not.toContain('Nguyễn Văn An');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await h.screenshot(page, 'transparency-1-city-phone');

      // The year, then down to the ward and back up.
      await page.getByText(/^Năm \d{4}$/).click();
      expect(await page.getByTestId('transparency-period').textContent()).toMatch(
        /^Năm \d{4}: từ ngày 01\/01\//,
      );
      await page.getByRole('link', { name: 'Phường Hoàn Kiếm' }).click();
      await page.getByText('Phường Hoàn Kiếm ·').waitFor();
      await expect.poll(() => figures.textContent()).toMatch(/Hồ sơ tiếp nhận1/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await h.screenshot(page, 'transparency-2-ward-phone');
      await page.getByRole('link', { name: '← Thành phố Hà Nội' }).click();
      await page.getByText('Thành phố Hà Nội ·').waitFor();

      const desktop = await h.newPage('desktop');
      await desktop.page.goto('/cong-khai');
      await desktop.page.getByRole('group', { name: 'Số liệu tổng hợp' }).waitFor();
      expect(await seriousA11yViolations(desktop.page)).toEqual([]);
      await h.screenshot(desktop.page, 'transparency-3-city-desktop');
      await desktop.context.close();
    } catch (error) {
      await h.screenshot(page, 'failure-transparency').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
