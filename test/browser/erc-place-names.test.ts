import { Browser, Page } from 'playwright-core';
import { BrowserApp, startBrowserApp } from '../support/browser-app';
import { shotsInFinnishAndSwedish } from './language-shots';

/** The ERC's forms in Swedish name a municipality by its Swedish name, as the nurse's desk does. */
describe('the ERC view in Finnish and Swedish', () => {
  let target: BrowserApp;
  let browser: Browser;

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '60000' });
    ({ browser } = target);
  }, 120_000);
  afterAll(() => target?.close());

  async function ercIn(language: 'fi' | 'sv'): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.addInitScript(`localStorage.setItem('dtask-language', '${language}')`);
    await page.goto(target.baseUrl);
    await page.fill('input[name=user]', `erica-${language}`);
    await page.selectOption('select[name=role]', 'erc');
    await page.locator('form.sign-in button[type=submit]').click();
    await page.locator('select[name=municipality]').waitFor();
    return page;
  }

  it('offers Uleåborg and Brahestad in Swedish, Oulu and Raahe in Finnish, with the value sent in Finnish', async () => {
    for (const [language, oulu, raahe, other] of [['sv', 'Uleåborg', 'Brahestad', 'Oulu'], ['fi', 'Oulu', 'Raahe', 'Uleåborg']] as const) {
      const page = await ercIn(language);
      const options = await page.locator('select[name=municipality] option').evaluateAll((nodes) => nodes.map((node) => { const option = node as unknown as { value: string; textContent: string }; return [option.value, option.textContent]; }));
      expect(options).toEqual(expect.arrayContaining([['Oulu', oulu], ['Raahe', raahe]]));
      expect(options.map(([, label]) => label)).not.toContain(other);
      if (language === 'sv') await shotsInFinnishAndSwedish(page, 'erc-place-names');
      await page.context().close();
    }
  }, 60_000);
});
