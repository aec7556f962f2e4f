import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from '../support/browser-app';

/**
 * The page in Finnish and in Swedish, then back in English, each saved for a person to look at
 * (`<name>-fi.png`, `<name>-sv.png`). With `inView` the shot is of the window scrolled to it, else of the whole page.
 */
export async function shotsInFinnishAndSwedish(page: Page, name: string, inView?: Locator): Promise<void> {
  for (const language of ['fi', 'sv'] as const) {
    await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
    await inView?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${language}.png`), fullPage: !inView });
  }
  await page.getByRole('button', { name: 'EN', exact: true }).click();
}
