import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const demoPassword = 'Motcua@2025';

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

/**
 * Mantine's searchable Select: type part of the name, then click the option with exactly this name. Options
 * render in a portal, so they are looked up on the page, the input within `scope`.
 */
export async function pickOption(page: Page, scope: Page | Locator, label: string, name: string) {
  const input = scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first();
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

/** The text of the "Phạm vi làm việc" card on the staff home page. */
export const scopeText = async (page: Page): Promise<string> => {
  const card = page.getByRole('region', { name: 'Phạm vi làm việc' });
  await card.getByRole('listitem').first().waitFor();
  // innerText (a Playwright locator's, not the DOM's): what a person sees, line by line.
  // biome-ignore lint/performance/useDomNodeTextContent: visible text is the point of the assertion.
  return card.innerText();
};

/**
 * A date field (Mantine DateInput): types the date as a person would, dd/MM/yyyy, then leaves the field so that
 * its calendar closes and the text settles in the field's own format.
 */
export async function fillDate(field: Locator, ddMMyyyy: string) {
  await field.fill(ddMMyyyy);
  await field.blur();
}

const axeScript = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, plus best practices) in the page and returns the serious and critical
 * violations, each with the selectors of the elements at fault.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // Evaluated over the DevTools protocol, not added as a <script>: the page's CSP allows no inline script.
    await page.evaluate(fs.readFileSync(axeScript, 'utf8'));
  }
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + (n.failureSummary ?? '').replace(/\\s+/g, ' ')) }));
  })()`);
}

/** Picks files through the page's own file chooser, the way a person does after tapping the button. */
export async function chooseFiles(
  page: Page,
  button: Locator,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}
