import { EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { AllStreamFollower } from '../apps/dispatch-api/src/projections/projection-host';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 12: one patient, however the ERC writes the callback number. Without an identity code the
 * number is the patient: a national number with spaces and the same number in international form
 * with a dash are one patient for S4, for the live measures, for the replay and for analysts.
 */
describe('one patient index through the HTTP API', () => {
  const patient = { ageYears: 67, sex: 'male' };
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;
  /** The patient's first and second task, and another patient's. */
  let [first, second, third] = ['', '', ''];

  /** Waits until the read models hold every stored event, so these tests depend only on the keys. */
  const settled = async () => app.app.get(AllStreamFollower).waitFor(await store.headPosition());

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
    first = await api.assessed({ patient, callbackPhone: '040 765 4321' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${first}/decision`, adviceDecision()).expect(200);
    await settled();
    second = await api.intake({ patient, callbackPhone: '+358 40-765 4321' });
    third = await api.intake({ patient: { ageYears: 30 }, callbackPhone: '+358 40 111 2222' });
    await settled();
  });
  afterAll(() => app.close());

  it('flags the second task as a second contact (S4)', async () => {
    const events = await store.readStream(`dtask-${second}`);
    expect(events.map((event) => event.type)).toContain('SecondContactFlagged');
    expect(events.find((event) => event.type === 'SecondContactFlagged')!.data).toMatchObject({ previousTaskId: first, previousDecision: 'phone-advice' });
    expect((await store.readStream(`dtask-${third}`)).map((event) => event.type)).not.toContain('SecondContactFlagged');
  });

  it('shows the nurse the first task as the patient’s earlier contact', async () => {
    const detail = (await api.get(api.tokens.nurse, `/api/d-tasks/${second}`).expect(200)).body;
    expect(detail.patientContacts.map((contact: { taskId: string }) => contact.taskId)).toEqual([first]);
  });

  it.each([
    ['the live report', '/api/reports/load-reduction'],
    ['the replayed report', '/api/replay/load-reduction'],
  ])('counts one second contact within 24 h in %s', async (_, path) => {
    const report = (await api.get(api.tokens.analyst, path).expect(200)).body;
    expect(report.totals.secondContacts).toMatchObject({ within24h: 1, within72h: 1 });
  });

  it('gives both intakes one patient ref in the analysts’ event log and export', async () => {
    const log = (await api.get(api.tokens.analyst, '/api/events?limit=1000').expect(200)).body.events as { streamId: string; type: string; data: { patient: { ref: string } } }[];
    const refOf = (taskId: string) => log.find((event) => event.streamId === `dtask-${taskId}` && event.type === 'DTaskReceived')!.data.patient.ref;
    expect(refOf(second)).toBe(refOf(first));
    expect(refOf(third)).not.toBe(refOf(first));

    const exported = (await api.get(api.tokens.analyst, '/api/export/events.ndjson').expect(200)).text;
    const intakes = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event.type === 'DTaskReceived');
    expect(intakes.map((event) => event.data.patient.ref)).toEqual([refOf(first), refOf(first), refOf(third)]);
    // The number in any of its written forms; three digits alone also occur in random ids.
    for (const form of ['765 4321', '7654321', '40-765', '111 2222', '1112222']) expect(exported).not.toContain(form);
  });
});
