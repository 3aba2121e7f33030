import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySuspensions,
  buildCalendar,
  DEFAULT_RULES_FROM_YEAR,
  DEFAULT_WORKING_TIME,
  OFFICIAL_NOTICES,
} from '../domain/calendar/index.ts';
import { ratingQuestionText } from '../domain/rating/rating.ts';
import { formatVnDateTime } from '../server/modules/notifications/templates.ts';
import type { Mailbox } from '../server/test/mailbox.ts';
import { browserAvailable, type Harness } from './harness.ts';
import {
  acceptAndClaim,
  act,
  applyForBirth,
  type Citizen,
  myStatus,
  openFromInbox,
  openMyDossier,
  signUp,
  staffLogin,
  staffStatus,
} from './journey-steps.ts';
import { chooseFiles } from './pages.ts';
import { checkPage, PDF, PNG, startPortalHarness } from './portal-pages.ts';

/**
 * The citizen's side of a dossier after submission, on a phone, with the staff on desktops: (a) the result
 * downloaded and rated; (b) a supplement requested by the specialist and answered online.
 */

const hoa: Citizen = { email: 'thu.ha@example.vn', name: 'Phạm Thu Hà', password: 'MatKhau@2025' };
/** The signed result (a PDF of its own, to tell it from the scans). */
const RESULT = Buffer.from('%PDF-1.4\n% Trich luc khai sinh so 27/2026\n1 0 obj<<>>endobj\n%%EOF\n');

const dossierIdOf = (page: Page) => /\/cong-dan\/ho-so\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

describe.skipIf(!browserAvailable())('citizen journeys after submission (phone + back office)', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ h, mailbox, close } = await startPortalHarness());
  });
  afterAll(() => close());

  it('(a) applies online, the office resolves it, the citizen downloads the result and rates it', async () => {
    const citizen = await h.newPage('phone');
    const desk = await h.newPage('desktop');
    const specialist = await h.newPage('desktop');
    const leader = await h.newPage('desktop');
    const audited: string[] = [];
    let page = citizen.page;
    try {
      await signUp(page, mailbox, hoa);
      const code = await applyForBirth(page, 'Nguyễn Minh Khang');
      await checkPage(h, page, 'journey-a1-submitted-phone', audited);

      // ── The office: accepted, appraised, approved with the result attached ──
      await staffLogin(desk.page, 'tiepnhan.hoankiem');
      await staffLogin(specialist.page, 'chuyenvien.hoankiem');
      await acceptAndClaim(desk.page, specialist.page, code);
      page = specialist.page;
      await act(page, 'Chuyển bước tiếp theo');
      page = leader.page;
      await staffLogin(page, 'lanhdao.hoankiem');
      await openFromInbox(page, 'Việc của đơn vị', code);
      await act(page, 'Đính kèm kết quả', async (dialog) => {
        await dialog.getByLabel('Tên kết quả').fill('Trích lục khai sinh');
        await dialog.getByLabel('Số, ký hiệu kết quả').fill('27/2026/TLKS');
        await chooseFiles(page, dialog.getByRole('button', { name: 'Tải tệp kết quả (bản quét)' }), [
          { name: 'trich-luc-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT },
        ]);
        await dialog.getByRole('link', { name: 'trich-luc-khai-sinh.pdf' }).waitFor();
      });
      await act(page, 'Chuyển bước tiếp theo');
      await expect.poll(() => staffStatus(page)).toBe('Đã có kết quả, chờ trả');

      // ── The citizen downloads the result: the very bytes the leader attached ──
      page = citizen.page;
      await openMyDossier(page, code);
      await expect.poll(() => myStatus(page)).toBe('Đã có kết quả, chờ trả');
      const result = page.getByRole('region', { name: 'Kết quả giải quyết' });
      await result.getByText('Trích lục khai sinh — số 27/2026/TLKS').waitFor();
      const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).waitFor();
      await checkPage(h, page, 'journey-a2-result-phone', audited);
      const downloading = page.waitForEvent('download');
      await result.getByRole('link', { name: 'Tải kết quả: Trích lục khai sinh' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('trich-luc-khai-sinh.pdf');
      expect((await readFile(await download.path())).equals(RESULT)).toBe(true);

      // ── Rating: "not satisfied" needs a reason, then thanks and the answers read-only ──
      const group = (q: keyof typeof ratingQuestionText) =>
        rating.getByRole('radiogroup', { name: ratingQuestionText[q] });
      await group('convenience').getByRole('radio', { name: 'Rất hài lòng' }).check();
      await group('overall').getByRole('radio', { name: 'Không hài lòng' }).check();
      await group('timeliness').getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      // Unanswered and unexplained questions are said where they are.
      await rating.getByText('Vui lòng chọn một mức độ').waitFor();
      await rating.getByText(/Vui lòng cho biết lý do không hài lòng/).waitFor();
      await checkPage(h, page, 'journey-a3-rating-errors-phone', audited);
      await group('staffAttitude').getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await rating
        .getByLabel(/Lý do không hài lòng: mức độ hài lòng chung/)
        .fill('Phải gọi điện hỏi nhiều lần mới biết hồ sơ đang ở đâu');
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await rating.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();
      expect(await rating.getByTestId('rating-given').textContent()).toContain(
        'Không hài lòng — Phải gọi điện hỏi nhiều lần',
      );
      await checkPage(h, page, 'journey-a4-rated-phone', audited);
      await page.reload();
      await rating.getByTestId('rating-given').waitFor();
      expect(await rating.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);

      // ── The leader finds the "not satisfied" rating among the flagged ones ──
      const flagged = await (await leader.page.request.get('/api/ratings/flagged')).json();
      const mine = flagged.items.find((i: { dossierCode: string }) => i.dossierCode === code);
      expect(mine).toMatchObject({
        flagged: true,
        handled: null,
        answers: { overall: 'notSatisfied', convenience: 'verySatisfied' },
        reasons: { overall: 'Phải gọi điện hỏi nhiều lần mới biết hồ sơ đang ở đâu' },
      });
      console.info(`axe-core: 0 serious or critical violations on ${audited.length} citizen pages`);
    } catch (error) {
      await h.screenshot(page, 'failure-journey-a').catch(() => undefined);
      throw error;
    } finally {
      for (const c of [citizen, desk, specialist, leader]) await c.context.close();
    }
  });

  it('(b) a supplement of two items requested, answered online, the due date moved by the wait', async () => {
    const citizen = await h.newPage('phone');
    const desk = await h.newPage('desktop');
    const specialist = await h.newPage('desktop');
    const audited: string[] = [];
    let page = citizen.page;
    const asked = [
      { name: 'Giấy xác nhận nơi cư trú của mẹ', detail: 'Bản sao có chứng thực' },
      { name: 'Văn bản ủy quyền khai sinh', detail: 'Bản chính, có chữ ký của cha' },
    ];
    try {
      await page.goto('/cong-dan/dang-nhap');
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill(hoa.email);
      await page.getByLabel(/^Mật khẩu/).fill(hoa.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: `Xin chào, ${hoa.name}` }).waitFor();
      const code = await applyForBirth(page, 'Nguyễn Minh Châu');

      await staffLogin(desk.page, 'tiepnhan.hoankiem');
      await staffLogin(specialist.page, 'chuyenvien.hoankiem');
      await acceptAndClaim(desk.page, specialist.page, code);
      page = specialist.page;
      await act(page, 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
        await dialog
          .getByLabel('Lý do yêu cầu bổ sung')
          .fill('Người đi khai sinh không phải cha, mẹ của trẻ');
        await dialog.getByLabel('Tên giấy tờ 1').fill(asked[0]!.name);
        await dialog.getByLabel('Nội dung cần bổ sung 1').fill(asked[0]!.detail);
        await dialog.getByRole('button', { name: '+ Thêm giấy tờ' }).click();
        await dialog.getByLabel('Tên giấy tờ 2').fill(asked[1]!.name);
        await dialog.getByLabel('Nội dung cần bổ sung 2').fill(asked[1]!.detail);
      });
      await expect.poll(() => staffStatus(page)).toBe('Chờ bổ sung hồ sơ');

      // ── The citizen sees exactly the two items ──
      page = citizen.page;
      await openMyDossier(page, code);
      const id = dossierIdOf(page);
      const before = await (await page.request.get(`/api/dossiers/${id}`)).json();
      const banner = page.getByRole('region', { name: 'Cần bổ sung hồ sơ' });
      const list = banner.getByRole('list', { name: 'Giấy tờ cần bổ sung' });
      await list.getByRole('listitem').first().waitFor();
      expect(await list.getByRole('listitem').allTextContents()).toEqual(
        asked.map((a) => `${a.name} — ${a.detail}`),
      );
      await checkPage(h, page, 'journey-b1-supplement-requested-phone', audited);

      // One item only: the page says which one is missing and sends nothing.
      const slot = (name: string) => banner.getByRole('region', { name });
      await chooseFiles(page, slot(asked[0]!.name).getByRole('button', { name: /Chọn tệp tải lên/ }), [
        { name: 'xac-nhan-cu-tru.pdf', mimeType: 'application/pdf', buffer: PDF },
      ]);
      await slot(asked[0]!.name).getByRole('list').getByText('xac-nhan-cu-tru.pdf').waitFor();
      await banner.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      await banner.getByRole('alert').getByText(`Còn thiếu: ${asked[1]!.name}`).waitFor();
      await checkPage(h, page, 'journey-b2-supplement-missing-phone', audited);
      await chooseFiles(page, slot(asked[1]!.name).getByRole('button', { name: /Chọn tệp tải lên/ }), [
        { name: 'uy-quyen.png', mimeType: 'image/png', buffer: PNG },
      ]);
      await slot(asked[1]!.name).getByRole('list').getByText('uy-quyen.png').waitFor();
      await banner.getByLabel('Ghi chú gửi cơ quan giải quyết (nếu có)').fill('Đã bổ sung đủ hai giấy tờ');
      await banner.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).dblclick();

      // ── Back in process; the due date moved by the office time spent waiting ──
      await expect.poll(() => myStatus(page)).toBe('Đang giải quyết');
      expect(await banner.count()).toBe(0);
      const after = await (await page.request.get(`/api/dossiers/${id}`)).json();
      const supplied = after.events.filter((e: { action: string }) => e.action === 'receiveSupplement');
      expect(supplied).toHaveLength(1);
      const requested = before.events.findLast((e: { action: string }) => e.action === 'requestSupplement');
      const year = new Date().getUTCFullYear() + 2;
      const cal = buildCalendar({
        fromYear: DEFAULT_RULES_FROM_YEAR,
        toYear: year,
        notices: OFFICIAL_NOTICES,
      });
      const expected = applySuspensions(
        cal,
        new Date(before.dueAt),
        [{ from: new Date(requested.at), to: new Date(supplied[0].at), reason: 'chờ bổ sung hồ sơ' }],
        DEFAULT_WORKING_TIME,
      ).dueAt;
      expect(after.dueAt).toBe(expected.toISOString());
      expect(await page.getByTestId('my-dossier-due').textContent()).toBe(
        formatVnDateTime(new Date(after.dueAt)),
      );
      const timeline = page.getByRole('region', { name: 'Quá trình xử lý' });
      expect(await timeline.textContent()).toContain('Ông/Bà đã nộp bổ sung hồ sơ trực tuyến');
      await checkPage(h, page, 'journey-b3-supplied-phone', audited);

      // ── The specialist sees it back, with the items supplied ──
      page = specialist.page;
      await page.reload();
      await expect.poll(() => staffStatus(page)).toBe('Đang giải quyết');
      const history = page.getByRole('region', { name: 'Diễn biến xử lý' });
      expect(await history.textContent()).toContain(asked[1]!.name);
      await h.screenshot(page, 'journey-b4-staff-after-supplement');
      console.info(`axe-core: 0 serious or critical violations on ${audited.length} citizen pages`);
    } catch (error) {
      await h.screenshot(page, 'failure-journey-b').catch(() => undefined);
      throw error;
    } finally {
      for (const c of [citizen, desk, specialist]) await c.context.close();
    }
  });
});
