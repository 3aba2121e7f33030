import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword, login } from './pages.ts';

/**
 * The SPA under its Content-Security-Policy (ADR 0010): public, citizen and staff pages render with no CSP
 * violation reported (neither a `securitypolicyviolation` event nor a console message), Mantine's style elements
 * carry the response's nonce, and a script injected into the page does not run.
 */

/** Records violations from the first script the page runs (an init script goes through DevTools, not the CSP). */
const RECORD_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const at = (e.sourceFile || '').replace(location.origin, '') + ':' + e.lineNumber + ':' + e.columnNumber;
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + at + ' ' + (e.sample || ''));
  });
`;

async function watched(h: Harness, viewport: 'desktop' | 'phone') {
  const { context, page } = await h.newPage(viewport);
  await context.addInitScript(RECORD_VIOLATIONS);
  const console: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.push(`${m.type()}: ${m.text()}`);
  });
  return { context, page, console };
}

/** Opens `path`, waits until it settles, and returns what the CSP refused there. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<unknown>) {
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  return { response, violations: await page.evaluate<string[]>('window.__csp') };
}

describe.skipIf(!browserAvailable())('the SPA under its Content-Security-Policy', () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('public and citizen pages render with no violation; styles carry the nonce', async () => {
    const { context, page, console } = await watched(h, 'phone');
    contexts.push(context);
    const pages: [string, (p: Page) => Promise<unknown>][] = [
      ['/cong-dan', (p) => p.getByRole('heading', { name: 'Dịch vụ công trực tuyến', level: 2 }).waitFor()],
      ['/cong-dan/dang-nhap', (p) => p.getByRole('heading', { name: 'Đăng nhập' }).waitFor()],
      ['/cong-dan/dang-ky', (p) => p.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor()],
      ['/thu-tuc', (p) => p.getByText('Đăng ký khai sinh').first().waitFor()],
      ['/thu-tuc/1.001193', (p) => p.getByRole('heading', { name: 'Đăng ký khai sinh' }).first().waitFor()],
      ['/tra-cuu', (p) => p.getByRole('textbox').first().waitFor()],
    ];
    for (const [path, ready] of pages) {
      const { response, violations } = await visit(page, path, ready);
      expect(violations, path).toEqual([]);
      const csp = response!.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      const styles = await page.evaluate<{ nonce: string; mantine: boolean }[]>(
        `[...document.querySelectorAll('style')].map((s) => ({ nonce: s.nonce, mantine: s.hasAttribute('data-mantine-styles') }))`,
      );
      expect(
        styles.some((s) => s.mantine),
        path,
      ).toBe(true);
      expect(
        styles.every((s) => s.nonce === nonce),
        path,
      ).toBe(true);
    }
    // The theme's variables (in Mantine's nonce-bearing <style>) did apply.
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('system-ui');
    expect(console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });

  it('staff pages render with no violation', async () => {
    const { context, page, console } = await watched(h, 'desktop');
    contexts.push(context);
    await login(page, 'admin.hoankiem', demoPassword);
    await page.getByRole('button', { name: 'Đăng xuất' }).first().waitFor();
    const pages: [string, (p: Page) => Promise<unknown>][] = [
      ['/', (p) => p.getByRole('button', { name: 'Đăng xuất' }).first().waitFor()],
      ['/admin/agencies', (p) => p.getByRole('table').first().waitFor()],
      ['/admin/users', (p) => p.getByRole('table').first().waitFor()],
      ['/admin/calendar', (p) => p.getByRole('heading').first().waitFor()],
      ['/admin/procedures', (p) => p.getByRole('heading').first().waitFor()],
      ['/ho-so', (p) => p.getByRole('heading').first().waitFor()],
      ['/ho-so/so-theo-doi', (p) => p.getByRole('heading').first().waitFor()],
      // The API's own page (Swagger UI) lives under the same policy.
      ['/docs', (p) => p.locator('.swagger-ui .info').waitFor()],
    ];
    for (const [path, ready] of pages) {
      const { violations } = await visit(page, path, ready);
      expect(violations, path).toEqual([]);
    }
    expect(console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });

  it('a script injected into the page does not run, and the attempt is reported', async () => {
    const { context, page } = await watched(h, 'desktop');
    contexts.push(context);
    await visit(page, '/cong-dan', (p) => p.getByRole('heading', { level: 2 }).first().waitFor());
    const ran = await page.evaluate<boolean>(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = true');
      img.src = '/nothing-here.png';
      document.body.append(img);
      return window.__injected === true;
    })()`);
    await page.waitForTimeout(300);
    expect(ran).toBe(false);
    expect(await page.evaluate<boolean>('window.__injected === true')).toBe(false);
    const violations = await page.evaluate<string[]>('window.__csp');
    expect(violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
    // And the page cannot be framed by another site.
    const res = await page.request.get('/cong-dan');
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });
});
