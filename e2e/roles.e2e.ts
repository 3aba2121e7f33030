import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, login, logout, pickOption, scopeText } from './pages.ts';

describe.skipIf(!browserAvailable())('grants on several agencies, and citizens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('admin adds a second grant; the specialist switches the working agency', async () => {
    const { context, page } = await h.newPage('desktop');
    try {
      await login(page, 'admin', demoPassword);
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Người dùng' }).click();

      // A taken username: the server's problem is shown in Vietnamese and the form stays filled in.
      await page.getByRole('link', { name: 'Thêm người dùng' }).click();
      await page.getByLabel('Tên đăng nhập').fill('tiepnhan.hoankiem');
      await page.getByLabel('Họ và tên').fill('Người Trùng Tên');
      await page.getByLabel('Mật khẩu').fill('Motcua@2025');
      await pickOption(page, page, 'Cơ quan, đơn vị', 'Phường Hoàn Kiếm');
      await page.getByRole('button', { name: 'Tạo người dùng' }).click();
      const problem = page.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(/trùng|đã tồn tại|đã có/i);
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Người Trùng Tên');
      // The field message sits under the username input (aria-describedby), not only in the alert.
      expect(await page.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
      await h.screenshot(page, 'r0-user-duplicate');
      await page.getByRole('link', { name: 'Hủy' }).click();

      await page.getByRole('link', { name: 'Trần Văn Đức' }).click();
      await page.getByRole('heading', { name: 'Sửa: Trần Văn Đức' }).waitFor();
      expect(await page.getByLabel('Tên đăng nhập').isDisabled()).toBe(true);

      await page.getByRole('button', { name: 'Thêm quyền' }).click();
      const second = page.getByRole('group', { name: 'Quyền 2' });
      await second.getByLabel('Vai trò').selectOption('specialist');
      await pickOption(page, second, 'Cơ quan, đơn vị', 'Xã Đông Anh');
      await h.screenshot(page, 'r1-user-edit-two-grants');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Trần Văn Đức' });
      await row.getByText('Chuyên viên xử lý — Xã Đông Anh').waitFor();
      expect(await row.textContent()).toContain('Chuyên viên xử lý — Phường Hoàn Kiếm');
      await logout(page);

      await login(page, 'chuyenvien.hoankiem', demoPassword);
      await page.getByRole('heading', { name: 'Xin chào, Trần Văn Đức' }).waitFor();
      const switcher = page.getByRole('combobox', { name: 'Cơ quan làm việc' });
      expect(await switcher.inputValue()).toBe('Phường Hoàn Kiếm');
      expect(await scopeText(page)).toContain('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm');

      await pickOption(page, page, 'Cơ quan làm việc', 'Xã Đông Anh');
      await page.getByText('Đang làm việc tại Xã Đông Anh').waitFor();
      let scope = await scopeText(page);
      expect(scope).toContain('Trung tâm Phục vụ hành chính công xã Đông Anh');
      expect(scope).not.toContain('Hoàn Kiếm');
      await h.screenshot(page, 'r2-switched-agency');

      // The choice survives a reload.
      await page.reload();
      await page.getByText('Đang làm việc tại Xã Đông Anh').waitFor();
      scope = await scopeText(page);
      expect(scope).not.toContain('Hoàn Kiếm');
    } catch (error) {
      await h.screenshot(page, 'failure-r1').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a citizen gets the simple page, without the staff menu', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'congdan', demoPassword);
      await page.getByRole('heading', { name: 'Xin chào, Nguyễn Văn An' }).waitFor();
      await page.getByText('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm').waitFor();
      expect(await page.getByRole('button', { name: 'Mở trình đơn' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Trang chủ' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
      await h.screenshot(page, 'r3-citizen-phone');
    } catch (error) {
      await h.screenshot(page, 'failure-r3').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
