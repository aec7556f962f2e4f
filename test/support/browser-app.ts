import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { Clock } from '../../apps/dispatch-api/src/clock/clock';
import { launchChromium } from './chromium';
import { startTestApp, TestApp } from './test-app';

/** Screenshots the browser tests take, for a person to look at. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export interface BrowserApp {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real service on a port of its own, the console built as `npm start` serves it, and Chromium. */
export async function startBrowserApp(env: Record<string, string> = {}, dataDir?: string, clock?: Clock): Promise<BrowserApp> {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = await startTestApp(env, dataDir, clock);
  await app.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    app,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

export interface SignInOptions {
  viewport?: { width: number; height: number };
  /** A partner's service id. */
  service?: string;
  /** What shows the console is ready; a live console by default. */
  ready?: (page: Page) => Promise<unknown>;
}

/** A fresh browser context signed in through the dev sign-in, in English. */
export async function signIn(target: BrowserApp, user: string, role: string, options: SignInOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await target.browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(target.baseUrl);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.fill('input[name=user]', user);
  await page.selectOption('select[name=role]', role);
  if (options.service) await page.selectOption('select[name=service]', options.service);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await (options.ready ? options.ready(page) : page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor());
  return { context, page };
}
