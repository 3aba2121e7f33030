import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startMotcua } from '../server/start.ts';

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Whether the browser journeys can run. Without Debian's chromium they are skipped loudly on a workstation and
 * fail in CI, where a silent skip would pass a build nobody tested. We never download a browser.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true;
  const message = `${chromiumPath} not found: install it with \`apt-get install -y chromium\`.`;
  if (process.env.CI) throw new Error(`E2E: ${message}`);
  console.warn(`\n*** E2E SKIPPED *** ${message} (set CI=1 to make this an error)\n`);
  return false;
}

/** A throw-away database on the PostgreSQL server of TEST_DATABASE_URL, dropped afterwards. */
async function createTemporaryDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface Harness {
  url: string;
  browser: Browser;
  /** A fresh browser profile (cookies, storage) with a viewport; phone is 390×844. */
  newPage(viewport?: 'desktop' | 'phone'): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves e2e/screenshots/<name>.png; the whole page unless `fullPage` is false (fixed overlays, drawers). */
  screenshot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts motcua in-process on a random port (or `port`, for a test whose outside party must know the app's address
 * first) with fresh storage and the demo data, plus a headless Chromium.
 */
export async function startHarness(options: { port?: number } = {}): Promise<Harness> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('e2e cleanup failed:', error));
    }
  };
  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    let databaseUrl: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const database = await createTemporaryDatabase(process.env.TEST_DATABASE_URL);
      cleanups.push(database.drop);
      databaseUrl = database.url;
    }

    const server = await startMotcua({
      port: options.port ?? 0,
      dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      seedDemo: true,
      logLevel: 'warn',
    });
    cleanups.push(server.close);

    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    cleanups.push(() => browser.close());
    await mkdir(screenshotDir, { recursive: true });

    return {
      url: server.url,
      browser,
      newPage: async (viewport = 'desktop') => {
        const context = await browser.newContext({
          baseURL: server.url,
          locale: 'vi-VN',
          timezoneId: 'Asia/Ho_Chi_Minh',
          viewport: viewport === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 800 },
          ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        });
        context.setDefaultTimeout(15_000);
        return { context, page: await context.newPage() };
      },
      screenshot: async (page, name, fullPage = true) => {
        // A full-page capture of a scrolled page paints the fixed header mid-page; finish transitions too.
        if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({
          path: path.join(screenshotDir, `${name}.png`),
          fullPage,
          animations: 'disabled',
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
