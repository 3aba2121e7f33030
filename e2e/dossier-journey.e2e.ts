import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, login } from './pages.ts';

/** Presses Tab until the focused control's label matches: the form is reachable in order, without a mouse. */
async function tabTo(page: Page, label: RegExp, max = 20) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate<string>(`(() => {
      const el = document.activeElement;
      if (!el) return '';
      return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    })()`);
    if (label.test(name)) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

// Page code as strings: this file is type-checked without the DOM library (tsconfig.json), like the others.
const focusedLabel = (page: Page) =>
  page.evaluate<string>("document.activeElement?.labels?.[0]?.textContent ?? ''");
const isFocused = async (l: Locator) => (await l.and(l.page().locator(':focus')).count()) === 1;
const selectedText = (l: Locator) => l.locator('option:checked').textContent();
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

const statusOf = (page: Page) => page.getByTestId('dossier-status').textContent();

/** Clicks one of the dossier's action buttons, and "Xác nhận" in its form when it has one. */
async function act(
  page: Page,
  label: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
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

/** Opens the dossier `code` from an inbox tab, waiting for the list that really contains it. */
async function openFromInbox(page: Page, tab: string, code: string, status?: string) {
  await page.goto('/ho-so');
  await page.getByRole('tab', { name: tab }).click();
  if (status) await page.getByLabel('Trạng thái').selectOption({ label: status });
  const table = page.getByRole('table', { name: 'Danh sách hồ sơ' });
  const link = table.getByRole('link', { name: code, exact: true });
  await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
  await link.click();
  await page.getByRole('heading', { name: code }).waitFor();
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!browserAvailable())('the life of a dossier at the one-stop desk', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('received at the desk by keyboard, processed, supplemented, approved, returned, tracked in public', async () => {
    const desk = await h.newPage('desktop');
    const specialist = await h.newPage('desktop');
    const leader = await h.newPage('desktop');
    const citizen = await h.newPage('phone');
    let page = desk.page;
    try {
      // ── Intake at the desk, by keyboard ──
      await login(page, 'tiepnhan.hoankiem', demoPassword);
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Tiếp nhận hồ sơ' })
        .click();
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
      const search = page.getByRole('combobox', { name: /Thủ tục hành chính/ });
      await expect.poll(() => isFocused(search)).toBe(true);
      // The default desk: the commune's service centre.
      expect(await selectedText(page.getByLabel('Nơi tiếp nhận'))).toBe(
        'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
      );
      await page.keyboard.type('dang ky nhan cha');
      await page.keyboard.press('Enter');
      await expect.poll(() => search.inputValue()).toBe('1.001022 — Đăng ký nhận cha, mẹ, con');
      await expect.poll(() => focusedLabel(page)).toMatch(/Họ, chữ đệm và tên/);
      await page.keyboard.type('Nguyễn Văn An');
      await tabTo(page, /Số định danh cá nhân/);
      await page.keyboard.type('001090012345');
      await tabTo(page, /Số điện thoại/);
      await page.keyboard.type('0912345678');
      await tabTo(page, /Địa chỉ/);
      await page.keyboard.type('Số 5 phố Hàng Bông');
      const checklist = page.getByRole('list', { name: 'Thành phần hồ sơ' });
      await checklist.getByRole('listitem').nth(1).waitFor();
      await tabTo(page, /Tờ khai đăng ký nhận cha, mẹ, con/);
      await page.keyboard.press('Space');
      await h.screenshot(page, 'dossier-1-intake-form');

      // Incomplete: the server lists what is missing, ready for a guidance slip (form 02).
      await page.keyboard.press('Control+Enter');
      const incomplete = page.getByRole('alert').filter({ hasText: 'Hồ sơ chưa đầy đủ' });
      await incomplete.waitFor();
      expect(await incomplete.textContent()).toContain('Chứng cứ chứng minh quan hệ cha, mẹ, con');
      const guidance = incomplete.getByRole('button', { name: 'Lập phiếu hướng dẫn bổ sung' });
      await expect.poll(() => isFocused(guidance)).toBe(true);
      await page.keyboard.press('Enter');
      const slip = page.getByRole('dialog', { name: /Phiếu yêu cầu bổ sung/ });
      await slip.waitFor();
      expect(await slip.getByLabel('Gửi ông/bà').inputValue()).toBe('Nguyễn Văn An');
      expect(await slip.getByLabel('Tên giấy tờ 1').inputValue()).toBe(
        'Chứng cứ chứng minh quan hệ cha, mẹ, con',
      );
      await h.screenshot(page, 'dossier-2a-guidance-form', false);
      await slip.getByRole('button', { name: 'Lập phiếu hướng dẫn' }).click();
      expect(await slip.getByTestId('slip-number').textContent()).toMatch(
        /^000\.01\.01\.H26-HD-\d{6}-\d{4}$/,
      );
      expect(await slip.getByRole('link', { name: 'In phiếu' }).getAttribute('href')).toMatch(
        /^\/api\/intake-slips\/[0-9a-f-]{36}\/form\.pdf$/,
      );
      await h.screenshot(page, 'dossier-2-guidance-slip', false);
      await slip.getByRole('button', { name: 'Đóng' }).click();
      await slip.waitFor({ state: 'detached' });

      // The applicant comes back with the evidence: scanned, which ticks the item, as a certified copy.
      const evidence = checklist.getByRole('listitem', { name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con' });
      await evidence.locator('input[type=file]').setInputFiles({
        name: 'chứng cứ.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await evidence.getByRole('link', { name: 'chứng cứ.pdf' }).waitFor();
      expect(await evidence.getByRole('checkbox').isChecked()).toBe(true);
      await evidence.getByLabel('Hình thức').selectOption({ label: 'Bản sao có chứng thực' });
      await page.getByLabel('Ghi chú').focus();
      await page.keyboard.press('Control+Enter');
      const receipt = page.getByRole('region', { name: 'Kết quả tiếp nhận' });
      await receipt.waitFor();
      const code = (await receipt.getByTestId('dossier-code').textContent()) ?? '';
      expect(code).toMatch(/^000\.01\.01\.H26-\d{6}-\d{4}$/);
      expect(await receipt.getByTestId('due-at').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      expect(await receipt.getByRole('list', { name: 'Cách tính ngày hẹn trả' }).textContent()).toContain(
        'Hạn trả kết quả',
      );
      const print = receipt.getByRole('link', { name: /In giấy tiếp nhận/ });
      expect(await print.getAttribute('target')).toBe('_blank');
      await h.screenshot(page, 'dossier-3-receipt');

      // Forwarded to the specialist step.
      await receipt.getByRole('link', { name: 'Mở hồ sơ' }).click();
      await page.getByRole('heading', { name: code }).waitFor();
      expect(await statusOf(page)).toBe('Đã tiếp nhận');
      // The scan is listed under the name it was uploaded with.
      expect(await page.getByRole('table', { name: 'Giấy tờ đã nhận' }).textContent()).toContain(
        'chứng cứ.pdf',
      );
      await act(page, 'Chuyển bước tiếp theo');
      await expect.poll(() => statusOf(page)).toBe('Đang giải quyết');

      // ── The specialist claims it from the unit's inbox and asks for one supplement ──
      page = specialist.page;
      await login(page, 'chuyenvien.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await page.goto('/ho-so');
      await page.getByRole('table', { name: 'Danh sách hồ sơ' }).waitFor();
      await h.screenshot(page, 'dossier-4-inbox-unit');
      await openFromInbox(page, 'Việc của đơn vị', code);
      await act(page, 'Nhận xử lý');
      await page.getByText('Trần Văn Đức').first().waitFor();
      await act(page, 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
        await dialog.getByLabel('Lý do yêu cầu bổ sung').fill('Chứng cứ chưa đủ cơ sở xác định quan hệ');
        await dialog.getByLabel('Tên giấy tờ 1').fill('Văn bản giám định ADN');
        await dialog.getByLabel('Nội dung cần bổ sung 1').fill('Bản chính');
        await h.screenshot(page, 'dossier-5a-supplement-form', false);
      });
      await expect.poll(() => statusOf(page)).toBe('Chờ bổ sung hồ sơ');
      const timeline = page.getByRole('region', { name: 'Diễn biến xử lý' });
      expect(await timeline.textContent()).toContain('Văn bản giám định ADN — Bản chính');
      await h.screenshot(page, 'dossier-5-supplement-requested');

      // ── The desk records the supplement ──
      page = desk.page;
      await openFromInbox(page, 'Tất cả', code, 'Chờ bổ sung hồ sơ');
      await act(page, 'Tiếp nhận hồ sơ bổ sung');
      await expect.poll(() => statusOf(page)).toBe('Đang giải quyết');

      // ── The specialist forwards it to the leader ──
      page = specialist.page;
      await openFromInbox(page, 'Việc của tôi', code);
      await act(page, 'Chuyển bước tiếp theo');
      await expect
        .poll(() => page.locator('[aria-current="step"]').textContent())
        .toContain('Xem xét, ký kết quả');

      // ── The leader attaches the result and forwards it back to the desk ──
      page = leader.page;
      await login(page, 'lanhdao.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await openFromInbox(page, 'Việc của đơn vị', code);
      // The leader gives the approval step to themself, picked from the people holding its role.
      await act(page, 'Phân công xử lý', async (dialog) => {
        // The picker has the focus and opens its list by itself.
        const option = page.getByRole('option', { name: 'Lê Minh Dũng' });
        await option.waitFor();
        await h.screenshot(page, 'dossier-6a-assign', false);
        await option.click();
        await expect.poll(() => dialog.getByRole('button', { name: 'Xác nhận' }).isEnabled()).toBe(true);
      });
      await expect
        .poll(() => page.getByText('Người xử lý').locator('xpath=..').textContent())
        .toContain('Lê Minh Dũng');
      await act(page, 'Đính kèm kết quả', async (dialog) => {
        await dialog.getByLabel('Tên kết quả').fill('Trích lục đăng ký nhận cha, mẹ, con');
        await dialog.getByLabel('Số, ký hiệu kết quả').fill('15/TLNCMC');
      });
      await page
        .getByRole('region', { name: 'Diễn biến xử lý' })
        .getByText(/15\/TLNCMC/)
        .waitFor();
      await act(page, 'Chuyển bước tiếp theo');
      await expect.poll(() => statusOf(page)).toBe('Đã có kết quả, chờ trả');
      await h.screenshot(page, 'dossier-6-resolved');

      // ── The desk returns the result at the counter ──
      page = desk.page;
      await openFromInbox(page, 'Việc của đơn vị', code);
      await act(page, 'Trả kết quả', async (dialog) => {
        expect(await selectedText(dialog.getByLabel('Hình thức trả kết quả'))).toBe(
          'Nhận trực tiếp tại Bộ phận Một cửa',
        );
        await dialog.getByLabel('Người nhận kết quả').fill('Nguyễn Văn An');
      });
      await expect.poll(() => statusOf(page)).toBe('Đã trả kết quả');
      await page.getByTestId('no-actions').waitFor();
      await h.screenshot(page, 'dossier-7-returned');

      // ── Public tracking on a phone, without an account ──
      page = citizen.page;
      await page.goto('/tra-cuu');
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
      await page.getByRole('textbox', { name: 'Mã hồ sơ' }).fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await page.waitForURL(new RegExp(`/tra-cuu/${code.replaceAll('.', '\\.')}$`));
      await expect.poll(() => page.getByTestId('tracking-status').textContent()).toBe('Đã trả kết quả');
      expect(await page.getByTestId('tracking-applicant').textContent()).toBe('Nguyễn V** A*');
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).not.toContain('001090012345');
      expect(body).not.toContain('Nhận xử lý');
      const steps = page.getByRole('region', { name: 'Quá trình xử lý' });
      expect(await steps.textContent()).toContain('Yêu cầu bổ sung hồ sơ');
      // Nothing wider than the phone.
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await h.screenshot(page, 'dossier-8-tracking-phone');

      await page.goto('/tra-cuu/000.01.01.H26-000101-9999');
      await page
        .getByRole('alert')
        .getByText(/Không tìm thấy hồ sơ mã/)
        .waitFor();
    } catch (error) {
      await h.screenshot(page, 'failure-dossier-journey').catch(() => undefined);
      throw error;
    } finally {
      for (const c of [desk, specialist, leader, citizen]) await c.context.close();
    }
  });

  it('the desk refuses to receive an out-of-scope request, with a refusal slip (form 03)', async () => {
    const { context, page } = await h.newPage('desktop');
    try {
      await login(page, 'tiepnhan.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await page.goto('/ho-so/tiep-nhan');
      const search = page.getByRole('combobox', { name: /Thủ tục hành chính/ });
      await search.waitFor();
      await page.keyboard.type('1.001022');
      await page.keyboard.press('Enter');
      await expect.poll(() => search.inputValue()).toBe('1.001022 — Đăng ký nhận cha, mẹ, con');
      await expect.poll(() => focusedLabel(page)).toMatch(/Họ, chữ đệm và tên/);
      await page.keyboard.type('Trần Thị Bích');
      await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
      const dialog = page.getByRole('dialog', { name: /Phiếu từ chối/ });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Gửi ông/bà').inputValue()).toBe('Trần Thị Bích');
      // Without a reason nothing is issued.
      await dialog.getByRole('button', { name: 'Lập phiếu từ chối' }).click();
      await dialog.getByText('Cần nêu lý do từ chối').waitFor();
      await dialog
        .getByLabel(/Lý do từ chối/)
        .fill('Người yêu cầu không cư trú tại phường\nViệc nhận cha, mẹ, con có tranh chấp');
      await dialog.getByRole('button', { name: 'Lập phiếu từ chối' }).click();
      expect(await dialog.getByTestId('slip-number').textContent()).toMatch(
        /^000\.01\.01\.H26-TC-\d{6}-\d{4}$/,
      );
      await h.screenshot(page, 'dossier-11-refusal-slip', false);
    } catch (error) {
      await h.screenshot(page, 'failure-dossier-refusal').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the inbox shows cards on a phone', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await login(page, 'tiepnhan.hoankiem', demoPassword);
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await page.goto('/ho-so?box=all');
      const cards = page.getByRole('list', { name: 'Danh sách hồ sơ' });
      await cards.getByRole('listitem').first().waitFor();
      expect(await page.getByRole('table', { name: 'Danh sách hồ sơ' }).count()).toBe(0);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await h.screenshot(page, 'dossier-9-inbox-phone');
      await cards.getByRole('link').first().click();
      await page.getByTestId('dossier-status').waitFor();
      await page.getByRole('region', { name: 'Diễn biến xử lý' }).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      // The top of the page (the whole page is several screens long).
      await h.screenshot(page, 'dossier-10-page-phone', false);
      await page.getByRole('region', { name: 'Diễn biến xử lý' }).scrollIntoViewIfNeeded();
      await h.screenshot(page, 'dossier-10b-timeline-phone', false);
    } catch (error) {
      await h.screenshot(page, 'failure-dossier-inbox-phone').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
