import { Locator, Page } from 'playwright-core';

/** The task panel of one task. */
export const panelOf = (page: Page, taskId: string) => page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);

/** A select's options as the nurse reads them. */
export const optionTexts = (select: Locator) => select.locator('option').allTextContents();

/** Claims the task from the queue, reaches the patient and saves an assessment without red flags, in English. */
export async function claimAndAssess(page: Page, taskId: string, symptoms = 'Huimausta aamusta, ei rintakipua.') {
  await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
  const panel = panelOf(page, taskId);
  await panel.locator('button[data-outcome="reached"]').click();
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
