import { Locator, Page } from 'playwright-core';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/** The queue's row of one task. */
export const row = (page: Page, taskId: string) => page.locator(`tr[data-task-id="${taskId}"]`);

/** The task panel of one task. */
export const panelOf = (page: Page, taskId: string) => page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);

/** A select's options as the nurse reads them. */
export const optionTexts = (select: Locator) => select.locator('option').allTextContents();

/**
 * The real service and Chromium for the tests of one describe block, started before them and closed
 * after them; `api` and `target` are there once the block's tests run.
 */
export function deskInBrowser(env: Record<string, string> = {}) {
  const started = {} as { target: BrowserApp; api: Awaited<ReturnType<typeof cast>> };
  beforeAll(async () => {
    started.target = await startBrowserApp(env);
    started.api = await cast(started.target.app);
  }, 120_000);
  afterAll(() => started.target?.close());
  return {
    get target() {
      return started.target;
    },
    get api() {
      return started.api;
    },
    signIn: (user: string, role = 'nurse') => signIn(started.target, user, role),
    /** The task's events as a supervisor reads them. */
    history: async (taskId: string) =>
      (await started.api.get(started.api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[],
  };
}

/** Claims the task from the queue and reaches the patient, in English: the assessment form is open. */
export async function claimAndReach(page: Page, taskId: string) {
  await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
  const panel = panelOf(page, taskId);
  await panel.locator('button[data-outcome="reached"]').click();
  await panel.locator('textarea[name=symptoms]').waitFor();
  return panel;
}

/** Claims the task from the queue, reaches the patient and saves an assessment without red flags, the identity verified (S9), in English. */
export async function claimAndAssess(page: Page, taskId: string, symptoms = 'Huimausta aamusta, ei rintakipua.') {
  const panel = await claimAndReach(page, taskId);
  await panel.locator('input[name=identity][value=verified]').check();
  await panel.locator('textarea[name=symptoms]').fill(symptoms);
  await panel.getByRole('button', { name: 'Save assessment' }).click();
  await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
  return panel;
}

/** The page's own globals, as the functions run in the browser see them (the tests' tsconfig has no DOM). */
export type Page$ = {
  document: { activeElement: unknown };
  getComputedStyle(element: unknown): { backgroundColor: string; color: string; fontWeight: string; borderBottomColor: string };
};
