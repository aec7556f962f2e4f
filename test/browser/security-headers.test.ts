import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { cast } from '../support/dtask-api';
import { startTestApp, TestApp } from '../support/test-app';

const SHOTS = '/tmp/shots/i11';

/**
 * The console under its Content-Security-Policy: every role's view loads, goes live and draws
 * (charts, the wall) with no violation, and a page of another origin cannot frame it.
 */
describe('the console under its security headers', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
    mkdirSync(SHOTS, { recursive: true });
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    const api = await cast(app);
    await api.assessed();
    await api.intake({ municipality: 'Raahe' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page that records every CSP violation, before any of the console's code runs. */
  async function watchedPage(viewport: { width: number; height: number }): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Page code as strings: the tests compile without the DOM library.
    await page.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
    `);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });
    return { page, violations: async () => [...((await page.evaluate('window.cspViolations')) as string[]), ...consoleErrors] };
  }

  async function signIn(page: Page, user: string, role: string, language: 'FI' | 'SV') {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: language }).click();
    await page.fill('input[name=user]', user);
    await page.selectOption('select[name=role]', role);
    await page.locator('form.sign-in button[type=submit]').click();
    await page.locator('form.sign-in').waitFor({ state: 'detached' });
  }

  it.each([
    ['nurse', 'nurse-anna', 'FI', { width: 1920, height: 1080 }],
    ['supervisor', 'super-sari', 'SV', { width: 1920, height: 1080 }],
    ['analyst', 'analyst-1', 'FI', { width: 1366, height: 768 }],
    ['admin', 'admin-aino', 'SV', { width: 1366, height: 768 }],
    ['erc', 'erica', 'FI', { width: 1366, height: 768 }],
  ] as const)('the %s view loads, goes live and draws with no CSP violation', async (role, user, language, viewport) => {
    const { page, violations } = await watchedPage(viewport);
    await signIn(page, user, role, language);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, `${role}-${language.toLowerCase()}-${viewport.width}.png`) });
    expect(await violations()).toEqual([]);
    // The language script ran (inline, allowed by its hash): the document speaks the chosen language.
    expect(await page.evaluate('document.documentElement.lang')).toBe(language.toLowerCase());
    await page.context().close();
  }, 60_000);

  it('cannot be framed, not even by a page of its own origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${baseUrl}/framer.html`, (route) => route.fulfill({ contentType: 'text/html', body: `<p>framer</p><iframe src="${baseUrl}/"></iframe>` }));
    await page.goto(`${baseUrl}/framer.html`);
    await page.waitForTimeout(1000);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    const rendered = await frame.evaluate("Boolean(document.querySelector('#root'))").catch(() => false);
    expect(rendered).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'framed.png') });
    await context.close();
  }, 30_000);
});
