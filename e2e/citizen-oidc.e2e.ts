import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../server/modules/citizens/oidc.testing.ts';
import { browserAvailable, type Harness, startHarness } from './harness.ts';
import { demoPassword } from './pages.ts';
import { checkPage } from './portal-pages.ts';

/**
 * Sign-in with VNeID on a phone (ADR 0009): the portal's button, the provider's own login and consent pages (a
 * real OpenID Connect provider on 127.0.0.1 standing in for VNeID), back into "my dossiers" as a new citizen; and
 * a citizen who cancels at the provider lands on the sign-in page with a message; a citizen with a password links
 * VNeID from the profile page and signs in with it afterwards.
 */

/** A port free right now: the provider must know the app's callback address before the app starts. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const OIDC_ENV = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

describe.skipIf(!browserAvailable())('sign-in with VNeID (phone)', () => {
  let h: Harness;
  let provider: TestProvider;
  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://localhost:${port}/api/citizen/oidc/callback`;
    provider = await startTestProvider(redirectUri, {
      '001090000123': { name: 'Nguyễn Thị Lan', phone_number: '+84915000123', phone_number_verified: true },
      '001090000456': { name: 'Phan Văn Minh' },
    });
    const config = provider.config();
    // Read by the server's config when the harness starts it.
    Object.assign(process.env, {
      OIDC_ISSUER: config.issuer,
      OIDC_CLIENT_ID: config.clientId,
      OIDC_CLIENT_SECRET: config.clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
    });
    h = await startHarness({ port });
  });
  afterAll(async () => {
    await h?.close();
    await provider?.close();
    for (const name of OIDC_ENV) delete process.env[name];
  });

  it('signs in through the provider pages and lands in "my dossiers" as a new citizen account', async () => {
    const { context, page } = await h.newPage('phone');
    const audited: string[] = [];
    try {
      await page.goto('/cong-dan/dang-nhap');
      const button = page.getByRole('link', { name: 'Đăng nhập bằng VNeID' });
      await button.waitFor();
      await checkPage(h, page, 'oidc-01-sign-in-phone', audited);

      await button.click();
      // The provider's development login page (any password), then its consent page.
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      await page.locator('input[name="login"]').fill('001090000123');
      await page.locator('input[name="password"]').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.waitForURL('**/cong-dan/ho-so');
      await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
      await checkPage(h, page, 'oidc-02-my-dossiers-phone', audited);
      const me = await (await page.request.get('/api/citizen/me')).json();
      expect(me.account).toMatchObject({ fullName: 'Nguyễn Thị Lan', phone: '0915000123' });
      // The session cookie is HttpOnly: the page's scripts cannot read it.
      expect(await page.evaluate<string>('document.cookie')).not.toContain('motcua_session');
    } finally {
      await context.close();
    }
  });

  it('a citizen who cancels at the provider is told so on the sign-in page', async () => {
    const { context, page } = await h.newPage('phone');
    try {
      await page.goto('/cong-dan/dang-nhap');
      await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      await page.getByRole('link', { name: '[ Cancel ]' }).click();
      await page.waitForURL('**/cong-dan/dang-nhap?loi=denied');
      await page.getByText('Bạn đã hủy đăng nhập hoặc chưa đồng ý chia sẻ thông tin trên VNeID.').waitFor();
      await checkPage(h, page, 'oidc-03-cancelled-phone', []);
      expect((await page.request.get('/api/citizen/me')).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('a citizen with a password links VNeID from the profile page, then signs in with VNeID', async () => {
    const { context, page } = await h.newPage('phone');
    const audited: string[] = [];
    try {
      // The demo citizen (Nguyễn Văn An) signs in with the phone number and password.
      const signIn = await page.request.post('/api/citizen/sign-in', {
        data: { identifier: '0912345678', password: demoPassword },
      });
      expect(signIn.status()).toBe(200);
      await page.goto('/cong-dan/ho-so-ca-nhan');
      const link = page.getByRole('link', { name: 'Liên kết với VNeID' });
      await link.waitFor();
      await link.scrollIntoViewIfNeeded();
      await checkPage(h, page, 'oidc-04-profile-link-phone', audited);

      await link.click();
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      await page.locator('input[name="login"]').fill('001090000456');
      await page.locator('input[name="password"]').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();

      // Back on the profile page, linked; the account is the same one (no new account made).
      await page.waitForURL('**/cong-dan/ho-so-ca-nhan');
      const linked = page.getByTestId('digital-id-linked');
      await linked.waitFor();
      expect(await linked.textContent()).toContain('Đã liên kết với VNeID từ ngày');
      await linked.scrollIntoViewIfNeeded();
      await checkPage(h, page, 'oidc-05-profile-linked-phone', audited);
      const me = await (await page.request.get('/api/citizen/me')).json();
      expect(me.account).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912345678' });
    } finally {
      await context.close();
    }

    // Another day, another phone: "Đăng nhập bằng VNeID" opens the same account.
    const later = await h.newPage('phone');
    try {
      await later.page.goto('/cong-dan/dang-nhap');
      await later.page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
      await later.page.waitForURL(`${provider.issuer}/interaction/**`);
      await later.page.locator('input[name="login"]').fill('001090000456');
      await later.page.locator('input[name="password"]').fill('any');
      await later.page.getByRole('button', { name: 'Sign-in' }).click();
      const consent = later.page.getByRole('button', { name: 'Continue' });
      // The provider may remember the consent given in the first browser; then it sends the browser straight back.
      await Promise.race([consent.click(), later.page.waitForURL('**/cong-dan/ho-so')]).catch(
        () => undefined,
      );
      await later.page.waitForURL('**/cong-dan/ho-so');
      const me = await (await later.page.request.get('/api/citizen/me')).json();
      expect(me.account).toMatchObject({ fullName: 'Nguyễn Văn An' });
    } finally {
      await later.context.close();
    }
  });
});
