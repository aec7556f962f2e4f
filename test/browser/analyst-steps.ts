import { Page } from 'playwright-core';
import type { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { helsinkiOffsetHours } from '../../libs/read-models/src/helsinki-time';
import { BrowserApp, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

export const HOUR = 3_600_000;

/** Today's Helsinki calendar date as [year, month 1–12, day]. */
export function helsinkiToday(): [number, number, number] {
  const local = new Date(Date.now() + helsinkiOffsetHours(Date.now()) * HOUR);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

/**
 * The real service (its scheduler idle while the test writes), Chromium and the test's API client for
 * the tests of one describe block, started before them and closed after them.
 */
export function analystInBrowser(clock?: ManualClock) {
  const started = {} as BrowserApp & { api: Awaited<ReturnType<typeof cast>> };
  beforeAll(async () => {
    Object.assign(started, await startBrowserApp({ SCHEDULER_INTERVAL_MS: '60000' }, undefined, clock));
    started.api = await cast(started.app);
  }, 120_000);
  afterAll(() => started.close?.());
  return {
    get browser() {
      return started.browser;
    },
    get baseUrl() {
      return started.baseUrl;
    },
    get api() {
      return started.api;
    },
  };
}

export async function signInAsAnalyst(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.fill('input[name=user]', 'analyst-alma');
  await page.selectOption('select[name=role]', 'analyst');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Analysts follow no live channel: the view is there once the period's charts are asked for.
  await page.getByRole('region', { name: 'Analysis' }).waitFor();
}
