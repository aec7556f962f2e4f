import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { BrowserApp, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import type { TestApp } from '../support/test-app';

const SHOTS = process.env.SHOTS_DIR ?? join(__dirname, '..', 'artifacts');
type Language = 'fi' | 'sv' | 'en';

/** The dev-mode sign-in for every role, the ERC's intake and cancel, and the admin's view. */
describe('sign-in, ERC and admin views in a real browser', () => {
  let target: BrowserApp;
  let baseUrl: string;
  let browser: Browser;
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '60000' });
    ({ baseUrl, browser, app } = target);
    api = await cast(app);
  }, 120_000);
  afterAll(() => target?.close());

  /** A page in `language`, as a returning user left it (localStorage). */
  async function open(language: Language, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.addInitScript(`localStorage.setItem('dtask-language', '${language}')`);
    await page.goto(baseUrl);
    return page;
  }

  async function signIn(page: Page, user: string, role: string) {
    await page.fill('input[name=user]', user);
    await page.selectOption('select[name=role]', role);
    await page.locator('form.sign-in button[type=submit]').click();
  }

  it('the sign-in says it is the dev-mode one, offers every role, and a partner picks a service of the directory', async () => {
    const page = await open('en');
    await page.getByRole('heading', { name: 'Sign in (development mode)' }).waitFor();
    expect(await page.getByTestId('dev-sign-in-note').textContent()).toContain('In production staff sign in through');
    const roles = await page.locator('select[name=role] option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    expect(roles).toEqual(['nurse', 'supervisor', 'partner', 'analyst', 'erc', 'admin']);
    expect(await page.locator('select[name=role] option[value=erc]').textContent()).toBe('Emergency Response Centre');

    await page.selectOption('select[name=role]', 'partner');
    const service = page.locator('select[name=service]');
    await service.waitFor();
    const names = await service.locator('option').allTextContents();
    expect(names).toContain('Oulun kotihoito');
    expect(names).toContain('Päivystysapu 116117');
    await page.screenshot({ path: join(SHOTS, 'sign-in-partner-en.png') });
    await service.selectOption('oulu-home-care');
    await page.locator('form.sign-in button[type=submit]').click();
    await page.locator('header.bar').waitFor();
    // The partner's session is for the service chosen (the header names the user; the inbox names the service).
    const session = JSON.parse((await page.evaluate<string>("sessionStorage.getItem('dtask-session')"))!) as { role: string; service: string };
    expect(session).toMatchObject({ role: 'partner', service: 'oulu-home-care' });
    await page.context().close();

    // Without the directory route (an older server), the service is typed.
    const older = await open('fi');
    await older.route((url) => url.pathname === '/api/auth/dev-services', (route) => route.fulfill({ status: 404, json: { statusCode: 404 } }));
    await older.reload();
    await older.getByRole('heading', { name: 'Kirjautuminen (kehitystila)' }).waitFor();
    await older.selectOption('select[name=role]', 'partner');
    await older.locator('input[name=service]').waitFor();
    await older.getByText('Palveluluetteloa ei saatu: kirjoita palvelun tunnus.').waitFor();
    await older.screenshot({ path: join(SHOTS, 'sign-in-fi-1366.png') });
    await older.context().close();
  }, 60_000);

  it('the ERC view names each bad field in words, sends a valid task to the queue, and cancels it', async () => {
    const page = await open('en', { width: 1920, height: 1080 });
    await signIn(page, 'erica', 'erc');
    const intake = page.getByRole('form', { name: 'New D-task from the ERC' });
    await intake.waitFor();
    const errorOf = (field: string) => intake.locator(`[data-error-for="${field}"]`);

    // Nothing chosen, a bad identity code and phone: each field says what is wrong, nothing is sent.
    let posted = 0;
    page.on('request', (request) => request.method() === 'POST' && request.url().endsWith('/api/d-tasks') && (posted += 1));
    await intake.locator('input[name=personId]').fill('123');
    await intake.locator('input[name=callbackPhone]').fill('call me');
    await intake.locator('input[name=ageYears]').fill('200');
    const generatedId = await intake.locator('input[name=ercTaskId]').inputValue();
    await intake.locator('input[name=ercTaskId]').fill('HK 12');
    await intake.getByRole('button', { name: 'Send to the centre' }).click();
    expect(await errorOf('ercTaskId').textContent()).toContain('An ERC task number has letters, digits and');
    await intake.locator('input[name=ercTaskId]').fill(generatedId);
    expect(await errorOf('taskCode').textContent()).toContain('Choose a task code from the list.');
    expect(await errorOf('municipality').textContent()).toContain('Required.');
    expect(await errorOf('address').textContent()).toContain('Required.');
    expect(await errorOf('personId').textContent()).toContain('Not a valid personal identity code');
    expect(await errorOf('callbackPhone').textContent()).toContain('Not a phone number');
    expect(await errorOf('ageYears').textContent()).toContain('A whole number of years');
    expect(await intake.locator('input[name=personId]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('erc-outcome').textContent()).toContain('The task was not sent');
    expect(posted).toBe(0);

    // Task codes are offered with their meaning; municipalities are the region's.
    expect(await intake.locator('select[name=taskCode] option[value="745"]').textContent()).toBe('745 · Fall');
    expect(await intake.locator('select[name=municipality] option').allTextContents()).toEqual(expect.arrayContaining(['Oulu', 'Hailuoto', 'Kuusamo', 'Ylivieska']));

    await intake.locator('select[name=taskCode]').selectOption('745');
    await intake.locator('select[name=municipality]').selectOption('Kuusamo');
    await intake.locator('input[name=address]').fill('Kitkantie 12 B 4');
    await intake.locator('input[name=ageYears]').fill('87');
    await intake.locator('select[name=sex]').selectOption('female');
    await intake.locator('input[name=personId]').fill('010138-123N');
    await intake.locator('input[name=callbackPhone]').fill('+358 40 765 4321');
    await intake.locator('textarea[name=ercNotes]').fill('Fell at home this morning, can stand up, no head injury.');
    const ercTaskId = await intake.locator('input[name=ercTaskId]').inputValue();

    // The server's own refusal is worded by the view too, never zod's text.
    const intakeRoute = (url: URL) => url.pathname === '/api/d-tasks';
    await page.route(intakeRoute, (route) =>
      route.fulfill({ status: 400, json: { error: 'validation', issues: [{ path: 'patient.personId', message: 'Invalid string: must match pattern /^[0-9]{6}/' }] } }),
    );
    await intake.getByRole('button', { name: 'Send to the centre' }).click();
    await errorOf('personId').waitFor();
    expect(await errorOf('personId').textContent()).toContain('Not a valid personal identity code');
    expect(await intake.textContent()).not.toContain('Invalid string');
    await page.unroute(intakeRoute);

    await intake.getByRole('button', { name: 'Send to the centre' }).click();
    await page.getByTestId('erc-outcome').filter({ hasText: `The centre received task ${ercTaskId}.` }).waitFor();
    expect(await intake.locator('[data-error-for]').count()).toBe(0);
    const queue = (await api.get(api.tokens.supervisor, '/api/d-tasks?status=waiting').expect(200)).body.tasks as { taskId: string; taskCode: string; municipality: string }[];
    const sent = queue.find((task) => task.municipality === 'Kuusamo' && task.taskCode === '745');
    expect(sent).toBeDefined();
    await page.screenshot({ path: join(SHOTS, 'erc-en-1920.png'), fullPage: true });

    // The same ERC number again with other details is refused, and the view says which field.
    await intake.locator('input[name=ercTaskId]').fill(ercTaskId);
    await intake.locator('select[name=taskCode]').selectOption('781');
    await intake.locator('select[name=municipality]').selectOption('Kuusamo');
    await intake.locator('input[name=address]').fill('Toinen katu 1');
    await intake.locator('input[name=callbackPhone]').fill('+358 40 765 4321');
    await intake.getByRole('button', { name: 'Send to the centre' }).click();
    await errorOf('ercTaskId').waitFor();
    expect(await errorOf('ercTaskId').textContent()).toContain('The centre already has a task with this number');

    const cancel = page.getByRole('form', { name: 'Cancel a task' });
    await cancel.getByRole('button', { name: 'Cancel the task' }).click();
    expect(await cancel.locator('[data-error-for="reason"]').textContent()).toContain('Required.');
    expect(await cancel.locator('select[name=cancel-task]').inputValue()).toBe(sent!.taskId);
    await cancel.locator('input[name=cancel-reason]').fill('Patient went to the health centre by taxi.');
    await cancel.getByRole('button', { name: 'Cancel the task' }).click();
    await page.getByTestId('erc-cancel-outcome').filter({ hasText: `Task ${ercTaskId} was cancelled.` }).waitFor();
    const after = (await api.get(api.tokens.supervisor, '/api/d-tasks?status=waiting').expect(200)).body.tasks as { taskId: string }[];
    expect(after.some((task) => task.taskId === sent!.taskId)).toBe(false);
    await page.context().close();
  }, 90_000);

  it('the ERC view in Finnish and Swedish: words, not codes', async () => {
    for (const [language, viewport, intakeName, codeText, required] of [
      ['fi', { width: 1920, height: 1080 }, 'Uusi D-tehtävä hätäkeskuksesta', '745 · Kaatuminen', 'Pakollinen tieto.'],
      ['sv', { width: 1366, height: 768 }, 'Nytt D-uppdrag från nödcentralen', '745 · Fall', 'Obligatorisk uppgift.'],
    ] as const) {
      const page = await open(language, viewport);
      await signIn(page, 'erica', 'erc');
      const intake = page.getByRole('form', { name: intakeName });
      await intake.waitFor();
      expect(await page.locator('header.bar').textContent()).toContain(language === 'fi' ? 'Hätäkeskus' : 'Nödcentralen');
      expect(await intake.locator('select[name=taskCode] option[value="745"]').textContent()).toBe(codeText);
      await intake.locator('button[type=submit]').click();
      expect(await intake.locator('[data-error-for="address"]').textContent()).toContain(required);
      await page.screenshot({ path: join(SHOTS, `erc-${language}-${viewport.width}.png`), fullPage: true });
      await page.context().close();
    }
  }, 60_000);

  it('the admin view shows the limits in force with secrets hidden, and what each service serves', async () => {
    for (const [language, viewport] of [
      ['en', { width: 1366, height: 768 }],
      ['fi', { width: 1920, height: 1080 }],
      ['sv', { width: 1366, height: 768 }],
    ] as const) {
      const page = await open(language, viewport);
      await signIn(page, 'admin-aino', 'admin');
      const settings = page.getByTestId('admin-settings');
      await settings.waitFor();
      const row = (name: string) => settings.locator(`tr[data-setting="${name}"]`);
      expect(await row('S1_FAILED_ATTEMPTS').locator('td').last().textContent()).toBe('2');
      expect(await row('S6_HANDOFF_MINUTES').locator('td').last().textContent()).toBe('30');
      // Every setting is named in words; its variable stands only in its own column.
      const unnamed: (string | null)[] = [];
      for (const tr of await settings.locator('tbody tr').all()) {
        const name = await tr.getAttribute('data-setting');
        if ((await tr.locator('th').textContent()) === name) unnamed.push(name);
      }
      expect(unnamed).toEqual([]);
      const hidden = { en: 'Set (hidden)', fi: 'Asetettu (piilotettu)', sv: 'Angiven (dold)' }[language];
      expect(await row('DEV_TOKEN_SECRET').locator('td').last().textContent()).toContain(hidden);
      expect(await row('PSEUDONYM_KEY').locator('td').last().textContent()).toContain(hidden);
      const text = (await page.locator('body').textContent())!;
      expect(text).not.toContain('dev-only-secret');
      expect(text).not.toContain('dev-only-pseudonym');
      expect(text).not.toContain('redacted');

      const directory = page.getByTestId('admin-directory');
      const homeCare = directory.locator('tr[data-service="oulu-home-care"]');
      expect(await homeCare.locator('[data-testid=served]').textContent()).toContain('Hailuoto');
      expect(await homeCare.locator('td').first().textContent()).toBe({ en: 'Home care', fi: 'Kotihoito', sv: 'Hemvård' }[language]);
      const services = (await api.get(api.tokens.supervisor, '/api/services').expect(200)).body.services as { id: string; municipalities?: string[] }[];
      expect(await directory.locator('tbody tr').count()).toBe(services.length);
      const regionWide = services.find((service) => !service.municipalities);
      if (regionWide) {
        expect(await directory.locator(`tr[data-service="${regionWide.id}"] [data-testid=served]`).textContent()).toBe(
          { en: 'The whole region', fi: 'Koko hyvinvointialue', sv: 'Hela välfärdsområdet' }[language],
        );
      }
      await page.screenshot({ path: join(SHOTS, `admin-${language}-${viewport.width}.png`), fullPage: true });
      await page.context().close();
    }
  }, 90_000);
});
