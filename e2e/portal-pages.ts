/** Steps and checks of the citizen portal journeys (e2e/citizen-portal.e2e.ts). */
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Mailbox, qp, startMailbox } from '../server/test/mailbox.ts';
import { type Harness, startHarness } from './harness.ts';
import { seriousA11yViolations } from './pages.ts';

/** Waits for the n-th code mailed to `to` (the worker polls the outbox every 5 s) and reads the code. */
export async function codeFor(mailbox: Mailbox, to: string, nth: number): Promise<string> {
  const codes = () =>
    mailbox.received
      .filter((m) => m.to.includes(to))
      .map((m) => /là: (\d{6})/.exec(qp(m.raw))?.[1])
      .filter((c): c is string => c !== undefined);
  await expect.poll(() => codes().length, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(nth);
  return codes()[nth - 1]!;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

/** Each citizen page: no serious or critical axe-core violation, nothing wider than the screen. */
export async function checkPage(h: Harness, page: Page, name: string, audited: string[], width = 390) {
  // A full-page capture keeps the viewport's height for sticky elements, painting the phone's bottom bar across
  // the content: for the picture only, the bar goes back into the flow, at the end of the page.
  // Through the CSSOM, not an added <style>: the page's CSP admits only its own style elements.
  await page.evaluate(`document.querySelectorAll('footer').forEach((f) => {
    f.dataset.e2ePosition = f.style.getPropertyValue('position') + '|' + f.style.getPropertyPriority('position');
    f.style.setProperty('position', 'static', 'important');
  })`);
  await h.screenshot(page, name);
  await page.evaluate(`document.querySelectorAll('footer').forEach((f) => {
    const [value, priority] = (f.dataset.e2ePosition ?? '|').split('|');
    if (value) f.style.setProperty('position', value, priority);
    else f.style.removeProperty('position');
    delete f.dataset.e2ePosition;
  })`);
  const violations = await seriousA11yViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(width);
  audited.push(name);
}

/** Every JavaScript file a fresh browser profile downloads for `path`, and their total size gzipped. */
export async function javascriptOf(
  context: BrowserContext,
  path: string,
  ready: (page: Page) => Promise<void>,
) {
  const page = await context.newPage();
  const files = new Map<string, Promise<Buffer>>();
  page.on('response', (res) => {
    if (res.url().endsWith('.js')) files.set(res.url(), res.body());
  });
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const bodies = await Promise.all(files.values());
  const gzip = bodies.reduce((sum, b) => sum + zlib.gzipSync(b, { level: 9 }).length, 0);
  const raw = bodies.reduce((sum, b) => sum + b.length, 0);
  await page.close();
  return { files: files.size, rawKB: Math.round(raw / 102.4) / 10, gzipKB: Math.round(gzip / 102.4) / 10 };
}

/** A fresh browser profile signed in as a citizen (through the API: the sign-in page is tested on its own). */
export async function citizenContext(h: Harness, identifier: string, password: string) {
  const context = await h.browser.newContext({ baseURL: h.url });
  const res = await context.request.post('/api/citizen/sign-in', { data: { identifier, password } });
  if (res.status() !== 200) throw new Error(`citizen sign-in: ${res.status()} ${await res.text()}`);
  return context;
}

const heading = (name: string | RegExp) => (p: Page) => p.getByRole('heading', { name }).first().waitFor();
const anyTitle = (p: Page) => p.getByRole('heading', { level: 2 }).first().waitFor();

/**
 * Every citizen route (issue 6's JavaScript budget covers them all), each with what shows it is ready: those open to
 * anyone, and those of a signed-in citizen who has applied for `dossierId` (the birth registration 1.001193).
 */
export const citizenRoutes = (dossierId: string) => ({
  anonymous: [
    ['/cong-dan', heading('Dịch vụ công trực tuyến')],
    ['/thu-tuc', heading('Thủ tục hành chính')],
    ['/thu-tuc/1.001193', heading('Đăng ký khai sinh')],
    ['/tra-cuu', heading('Tra cứu hồ sơ')],
    ['/cong-dan/dang-nhap', heading('Đăng nhập')],
    ['/cong-dan/dang-ky', heading('Đăng ký tài khoản')],
    ['/cong-dan/quen-mat-khau', heading('Quên mật khẩu')],
    ['/cong-dan/phan-anh-kien-nghi', heading('Phản ánh, kiến nghị')],
  ] as [string, (p: Page) => Promise<void>][],
  signedIn: [
    ['/cong-dan/nop-ho-so/1.001193', heading('Người nộp hồ sơ')],
    ['/cong-dan/ho-so', heading('Hồ sơ của tôi')],
    [`/cong-dan/ho-so/${dossierId}`, anyTitle],
    [`/cong-dan/ho-so/${dossierId}/da-nop`, anyTitle],
    [`/cong-dan/ho-so/${dossierId}/thanh-toan`, heading('Nộp phí, lệ phí')],
    ['/cong-dan/ho-so-ca-nhan', heading('Thông tin cá nhân')],
  ] as [string, (p: Page) => Promise<void>][],
});

/** Today minus `days`, as the date input takes it (yyyy-mm-dd), in Vietnam. */
export const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() - days * 864e5),
  );

export const continueButton = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' });
export const stepHeading = (page: Page, name: string) => page.getByRole('heading', { name, level: 3 });

/**
 * motcua for the portal journeys: its e-mail goes to a local SMTP mailbox (codes reach the test the way they reach
 * a person), with any extra environment the server reads at start; `close()` stops both and restores the environment.
 */
export async function startPortalHarness(env: Record<string, string> = {}) {
  const mailbox = await startMailbox();
  const set: Record<string, string> = { SMTP_URL: mailbox.url, ...env };
  Object.assign(process.env, set);
  const stopMailbox = () => new Promise<void>((resolve) => mailbox.server.close(() => resolve()));
  const restore = () => {
    for (const k of Object.keys(set)) delete process.env[k];
  };
  try {
    const h = await startHarness();
    return {
      h,
      mailbox,
      close: async () => {
        await h.close();
        await stopMailbox();
        restore();
      },
    };
  } catch (err) {
    await stopMailbox();
    restore();
    throw err;
  }
}
