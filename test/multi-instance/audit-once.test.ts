import { randomUUID } from 'node:crypto';
import { SERVED_BY } from '../../bench/round-robin-proxy';
import { intakeBody } from '../support/dtask-api';
import { Balanced, call, startBalanced, tokenFor } from './support/instances';

jest.setTimeout(120_000);

/** S7 across instances: one opening of a task's panel is one logged read, whichever instance serves each refresh. */
describe('the access log behind a round-robin balancer', () => {
  let balanced: Balanced;
  beforeAll(async () => (balanced = await startBalanced(2)));
  afterAll(() => balanced?.close());

  it("logs one read for an opening of a task's panel whichever instances its refreshes land on", async () => {
    const { url, store } = balanced;
    const intake = await call(url, await tokenFor(url, 'erc', 'erica'), 'POST', '/api/d-tasks', { body: intakeBody() });
    expect(intake.status).toBe(201);
    const taskId = intake.body.taskId as string;
    const nurse = await tokenFor(url, 'nurse', 'nurse-anna');
    const opening = randomUUID();
    const servedBy = new Set<string>();
    for (let refresh = 0; refresh < 4; refresh += 1) {
      const answer = await call(url, nurse, 'GET', `/api/d-tasks/${taskId}?opening=${opening}`);
      expect(answer.status).toBe(200);
      servedBy.add(answer.headers.get(SERVED_BY)!);
    }
    expect(servedBy.size).toBe(2);
    // Another opening is another read.
    expect((await call(url, nurse, 'GET', `/api/d-tasks/${taskId}?opening=${randomUUID()}`)).status).toBe(200);
    const reads = (await store.readStream(`audit-dtask-${taskId}`)).filter((event) => event.type === 'PersonalDataAccessed');
    expect(reads).toHaveLength(2);
  });
});
