import { EventStore } from '@dtask/event-store';
import { EVENT_TYPES, makeMetadata } from '@dtask/events';
import { FoldEvent, PatientIndex, TaskBoardFold, TaskFactsFold } from '@dtask/read-models';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { AllStreamFollower } from '../apps/dispatch-api/src/projections/projection-host';
import { allEventBatches } from '../apps/replay/src/store-events';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * An event stored at an old schema version (a v1 UnitRequested, from before automatic dispatch,
 * which carries no reason) is upcast exactly once on its way to any reader, and every reader sees
 * the version its data now has: the task detail's history, each live fold, and a replay.
 */
describe('upcasting at the read boundary', () => {
  let app: TestApp;
  let store: EventStore;
  let upcaster: jest.SpyInstance;
  const upcasters = EVENT_TYPES.UnitRequested.upcasters as unknown as Record<number, Upcaster>;

  beforeAll(async () => {
    app = await startTestApp();
    store = app.app.get<symbol, EventStore>(EVENT_STORE);
  });
  afterAll(() => app.close());
  beforeEach(() => (upcaster = jest.spyOn(upcasters, 1)));
  afterEach(() => jest.restoreAllMocks());

  /** A task whose unit a nurse requested in the v1 days: the event as a v1 writer stored it. */
  async function taskWithVersionOneUnit(): Promise<{ taskId: string; position: string }> {
    const taskId = await (await cast(app)).intake();
    const metadata = makeMetadata({ actor: { id: 'nurse-anna', role: 'nurse' }, occurredAt: new Date().toISOString() }, 1);
    const written = await store.append(
      `dtask-${taskId}`,
      [{ eventId: metadata.eventId, type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D' }, metadata }],
      { expectedRevision: 'any' },
    );
    return { taskId, position: written.position };
  }

  const upcastOnce = { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' };

  it('reaches every live fold upcast once, labelled with its version now', async () => {
    const seen: { fold: string; event: FoldEvent }[] = [];
    for (const [fold, prototype] of [['task facts', TaskFactsFold.prototype], ['task board', TaskBoardFold.prototype], ['patient index', PatientIndex.prototype]] as const) {
      const apply = prototype.apply;
      jest.spyOn(prototype, 'apply').mockImplementation(function (this: unknown, event: FoldEvent) {
        if (event.type === 'UnitRequested') seen.push({ fold, event });
        return apply.call(this, event);
      });
    }
    const { position } = await taskWithVersionOneUnit();
    await app.app.get(AllStreamFollower).waitFor(position);

    expect(seen.map(({ fold }) => fold).sort()).toEqual(['patient index', 'task board', 'task facts']);
    for (const { event } of seen) {
      expect(event.data).toEqual(upcastOnce);
      expect(event.metadata.schemaVersion).toBe(2);
    }
    expect(upcaster).toHaveBeenCalledTimes(1);
  });

  it('shows the task detail the upcast data once, with the version it has', async () => {
    const { taskId } = await taskWithVersionOneUnit();
    const api = await cast(app);
    await app.app.get(AllStreamFollower).waitFor(await store.headPosition());
    upcaster.mockClear();

    const detail = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);

    const unit = detail.body.history.find((event: { type: string }) => event.type === 'UnitRequested');
    expect(unit.data).toEqual(upcastOnce);
    expect(unit.metadata.schemaVersion).toBe(2);
    expect(detail.body.unitRequested).toMatchObject({ reason: 'nurse-decision' });
    expect(upcaster).toHaveBeenCalledTimes(1);
  });

  it('replays it upcast once from the store the analysts read', async () => {
    const { position } = await taskWithVersionOneUnit();
    upcaster.mockClear();
    const { openStoreToRead } = await import('../apps/replay/src/store-events');
    const reader = await openStoreToRead(app.dataDir);
    try {
      const replayed: FoldEvent[] = [];
      for await (const batch of allEventBatches(reader)) replayed.push(...batch.filter((event) => event.position === position));
      expect(replayed).toHaveLength(1);
      expect(replayed[0]!.data).toEqual(upcastOnce);
      expect(replayed[0]!.metadata.schemaVersion).toBe(2);
      // Every v1 unit of this store, each once: the two written by the tests before this one too.
      expect(upcaster).toHaveBeenCalledTimes(3);
    } finally {
      await reader.close();
    }
  });
});
