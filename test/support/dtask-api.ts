import type { TestApp } from './test-app';

let ercCounter = 0;

/** A valid ERC intake body; each call a new ERC task unless `ercTaskId` is given. */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  ercCounter += 1;
  return {
    ercTaskId: `ERC-${process.pid}-${Date.now()}-${ercCounter}`,
    receivedAt: new Date().toISOString(),
    taskCode: '745',
    urgency: 'D',
    municipality: 'Oulu',
    address: 'Isokatu 1 A 2',
    // A different patient each time, so tasks are not second contacts unless a test wants one.
    patient: { ageYears: 84, sex: 'female', personId: `${String((ercCounter % 28) + 1).padStart(2, '0')}0142-${String(Math.floor(ercCounter / 28) % 1000).padStart(3, '0')}A` },
    callbackPhone: '+358401234567',
    ercNotes: 'dizzy since morning',
    ...overrides,
  };
}

export const adviceDecision = (followUpAt?: string) => ({
  kind: 'phone-advice',
  advice: 'Rest and drink; take your usual medicines.',
  safetyNet: 'Call 112 at once if you faint, get chest pain or breathing gets hard.',
  patientInformed: true,
  ...(followUpAt ? { followUpAt } : {}),
});

/** Tokens for the usual cast, and short helpers over supertest. */
export async function cast(app: TestApp) {
  const tokens = {
    erc: await app.tokenFor('erc', 'erica'),
    nurse: await app.tokenFor('nurse', 'nurse-anna'),
    nurse2: await app.tokenFor('nurse', 'nurse-ben'),
    supervisor: await app.tokenFor('supervisor', 'super-sari'),
    homeCare: await app.tokenFor('partner', 'kotihoito-1', 'oulu-home-care'),
    analyst: await app.tokenFor('analyst', 'analyst-1'),
  };
  const post = (token: string, path: string, body: unknown = {}) => app.http.post(path).set('Authorization', `Bearer ${token}`).send(body as object);
  const get = (token: string, path: string) => app.http.get(path).set('Authorization', `Bearer ${token}`);
  const intake = async (overrides: Record<string, unknown> = {}) => {
    const response = await post(tokens.erc, '/api/d-tasks', intakeBody(overrides));
    if (response.status !== 201) throw new Error(`intake ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.taskId as string;
  };
  /** Intake, claim, reach and assess (no red flags) as nurse-anna. */
  const assessed = async (overrides: Record<string, unknown> = {}, redFlags: string[] = []) => {
    const taskId = await intake(overrides);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags, concern: false, symptoms: 'dizziness', existingServices: [], notes: '' }).expect(200);
    return taskId;
  };
  return { tokens, post, get, intake, assessed };
}
