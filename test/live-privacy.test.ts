import { EventStore } from '@dtask/event-store';
import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { intakeBody } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 12: the live channel shows what the classification beside each schema lets through, for
 * every role: a field written to the store that no schema classifies (a new free-text field, say)
 * never reaches it, nor does personal data or free text.
 */
describe('the live channel derives its view from the field classification', () => {
  let app: TestApp;
  let store: EventStore;
  const taskId = globalThis.crypto.randomUUID();

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    store = app.app.get(EVENT_STORE);
    const { ercNotes: _, ...body } = intakeBody({ callbackPhone: '040 765 4321', patient: { ageYears: 80, personId: '010142-123A' } });
    const written = [
      { type: 'DTaskReceived', data: { ...body, taskId, area: 'Oulu', callerName: 'Maija Meikäläinen' } },
      { type: 'AssessmentRecorded', data: { redFlags: [], concern: false, symptoms: 'Maija is dizzy', existingServices: [], notes: 'Maija', mood: 'Maija' } },
    ];
    const metadata = () => ({ eventId: globalThis.crypto.randomUUID(), correlationId: taskId, causationId: taskId, actor: { id: 'nurse-anna', role: 'nurse' }, occurredAt: new Date().toISOString(), schemaVersion: 1, note: 'Maija' });
    await store.append(`dtask-${taskId}`, written.map((event) => ({ ...event, eventId: globalThis.crypto.randomUUID(), metadata: metadata() })), { expectedRevision: 'any' });
  });
  afterAll(() => app.close());

  const liveEvents = async (role: string) => {
    const port = (app.app.getHttpServer().address() as AddressInfo).port;
    const socket: Socket = io(`http://127.0.0.1:${port}/live`, { auth: { token: await app.tokenFor(role, 'nurse-anna') }, transports: ['websocket'], reconnection: false, forceNew: true });
    const events: { streamId: string; type: string; data: Record<string, unknown> }[] = [];
    socket.on('event', (event) => events.push(event));
    await new Promise((resolve) => {
      socket.on('caught-up', resolve);
      socket.emit('subscribe', {});
    });
    socket.close();
    return events.filter((event) => event.streamId === `dtask-${taskId}`);
  };

  it.each(['nurse', 'supervisor', 'analyst'])('shows a %s no unclassified field, personal data or free text', async (role) => {
    const events = await liveEvents(role);
    expect(events.map((event) => event.type)).toEqual(['DTaskReceived', 'AssessmentRecorded']);
    const text = JSON.stringify(events);
    for (const secret of ['Maija', 'callerName', 'mood', '010142-123A', '765', 'Isokatu', 'nurse-anna']) expect(text).not.toContain(secret);
    expect(events[0]!.data.patient).toEqual({ ref: expect.stringMatching(/^p-/), ageYears: 80 });
    expect(events[1]!.data).toEqual({ redFlags: [], concern: false, existingServices: [] });
  });
});
