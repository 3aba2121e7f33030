import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, fillDate, login, logout, pickOption, scopeText } from './pages.ts';

const newAgency = 'Phòng Kinh tế, Hạ tầng và Đô thị phường Hoàn Kiếm';
const newUser = { username: 'tiepnhan2.hoankiem', fullName: 'Nguyễn Thị Đào', password: 'Motcua@2025-moi' };

describe.skipIf(!browserAvailable())('admin journey', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('admin creates a unit and a desk officer, who then sees only Phường Hoàn Kiếm', async () => {
    const { context, page } = await h.newPage('desktop');
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await h.screenshot(page, '01-login-desktop');

      await login(page, 'admin', demoPassword);
      await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Cơ quan, đơn vị' }).waitFor();
      await page.getByText('Phạm vi làm việc').waitFor();
      await h.screenshot(page, '02-admin-home');

      // The organisation tree.
      await nav.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
      const tree = page.getByRole('table', { name: 'Danh sách cơ quan, đơn vị' });
      await tree.getByRole('link', { name: 'Phường Hoàn Kiếm', exact: true }).waitFor();
      await tree.getByRole('link', { name: 'Phường Cửa Nam', exact: true }).waitFor();
      await h.screenshot(page, '03-agencies');

      // A new unit under Phường Hoàn Kiếm.
      await page.getByRole('link', { name: 'Thêm cơ quan, đơn vị' }).click();
      await pickOption(page, page, 'Cơ quan cấp trên', 'Phường Hoàn Kiếm');
      await page.getByLabel('Tên cơ quan, đơn vị').fill(newAgency);
      await page.getByLabel('Loại cơ quan, đơn vị').selectOption('unit');
      await page.getByLabel('Tên gọi cấp').fill('phòng');
      await fillDate(page.getByLabel('Hiệu lực từ ngày'), '01/07/2025');
      await h.screenshot(page, '04-agency-form');
      await page.getByRole('button', { name: 'Tạo cơ quan, đơn vị' }).click();
      await tree.getByRole('link', { name: newAgency, exact: true }).waitFor();
      await h.screenshot(page, '05-agencies-after-create');

      // Edit it: the form checks the identifier format before anything is sent.
      await tree.getByRole('link', { name: newAgency, exact: true }).click();
      await page.getByRole('heading', { name: `Sửa: ${newAgency}` }).waitFor();
      expect(await page.getByLabel('Tên cơ quan, đơn vị').inputValue()).toBe(newAgency);
      // Stored as 2025-07-01, read back the Vietnamese way.
      expect(await page.getByLabel('Hiệu lực từ ngày').inputValue()).toBe('01/07/2025');
      await page.getByLabel('Mã định danh điện tử').fill('H26-03');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Mã định danh phải có dạng 000.00.00.H56').waitFor();
      await page.getByLabel('Mã định danh điện tử').fill('000.01.03.H26');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await tree.getByRole('row').filter({ hasText: newAgency }).getByText('000.01.03.H26').waitFor();

      // A desk officer on Phường Hoàn Kiếm.
      await nav.getByRole('link', { name: 'Người dùng' }).click();
      await page.getByRole('table', { name: 'Danh sách người dùng' }).waitFor();
      await page.getByRole('link', { name: 'Thêm người dùng' }).click();
      await page.getByLabel('Tên đăng nhập').fill(newUser.username);
      await page.getByLabel('Họ và tên').fill(newUser.fullName);
      await page.getByLabel('Mật khẩu', { exact: false }).first().fill(newUser.password);
      await page.getByLabel('Email').fill('dao.nt@hoankiem.hanoi.gov.vn');
      await page.getByLabel('Số điện thoại').fill('0987654321');
      await page.getByLabel('Vai trò').selectOption('deskOfficer');
      await pickOption(page, page, 'Cơ quan, đơn vị', 'Phường Hoàn Kiếm');
      await h.screenshot(page, '06-user-form');
      await page.getByRole('button', { name: 'Tạo người dùng' }).click();
      const users = page.getByRole('table', { name: 'Danh sách người dùng' });
      const row = users.getByRole('row').filter({ hasText: newUser.fullName });
      await row.waitFor();
      expect(await row.textContent()).toContain('Cán bộ tiếp nhận (Một cửa) — Phường Hoàn Kiếm');
      await h.screenshot(page, '07-users-after-create');

      await logout(page);

      // The new desk officer works in Phường Hoàn Kiếm's subtree only.
      await login(page, newUser.username, newUser.password);
      await page.getByRole('heading', { name: `Xin chào, ${newUser.fullName}` }).waitFor();
      const scope = await scopeText(page);
      expect(scope).toContain('Phường Hoàn Kiếm');
      expect(scope).toContain(newAgency);
      expect(scope).not.toMatch(/Cửa Nam/i);
      expect(scope).not.toContain('Thành phố Hà Nội');
      expect(await page.getByText('Cán bộ tiếp nhận (Một cửa)').first().isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
      // The desk officer's home leads to the desk's own work.
      expect(
        await page
          .getByRole('main')
          .getByRole('link', { name: /Sổ theo dõi hồ sơ/ })
          .count(),
      ).toBeGreaterThan(0);
      await h.screenshot(page, '08-desk-officer-home');

      // The server scopes the data too, not only the menu.
      const visible = await page.evaluate(async () => {
        const response = await fetch('/api/agencies', { credentials: 'same-origin' });
        const body = (await response.json()) as { items: { name: string }[] };
        return body.items.map((a) => a.name);
      });
      expect(visible).toContain('Phường Hoàn Kiếm');
      expect(visible).toContain(newAgency);
      expect(visible).not.toContain('Phường Cửa Nam');

      // Typing an admin address gets a plain refusal, not the page.
      await page.goto('/admin/users');
      await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    } catch (error) {
      await h.screenshot(page, 'failure-1').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('desk officer home is usable on a phone', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'tiepnhan.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
      await h.screenshot(page, '09-phone-home');
      await page.getByRole('button', { name: 'Mở trình đơn' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      await h.screenshot(page, '10-phone-menu', false);
    } catch (error) {
      await h.screenshot(page, 'failure-2').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a wrong password shows the Vietnamese error (phone)', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await page.goto('/login');
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await h.screenshot(page, '11-login-phone');
      await login(page, 'admin', 'sai-mat-khau');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
      expect(new URL(page.url()).pathname).toBe('/login');
      await h.screenshot(page, '12-login-phone-wrong-password');
    } catch (error) {
      await h.screenshot(page, 'failure-3').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
