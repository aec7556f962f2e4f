import { createDTaskDecider, DTaskCommand } from '@dtask/domain';
import { nurse, received, system, T0 } from '../../domain/src/testing/fixtures';
import { dtaskStreamId, EventMetadata } from '@dtask/events';
import { SqliteEventStore } from '@dtask/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DTaskService } from './dtask-service';
import { receiveTask } from './intake';

const TASK = received().taskId;
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const intake = (): DTaskCommand => ({ type: 'Intake', at: T0, actor: { id: 'erc-1', role: 'erc' }, task: received() });
const claim = (id: string, seconds: number): DTaskCommand => ({ type: 'Claim', at: later(seconds), actor: nurse(id) });
const noAnswer = (id: string, seconds: number): DTaskCommand => ({ type: 'RecordCallback', at: later(seconds), actor: nurse(id), outcome: 'no-answer' });

describe('DTaskService on the embedded store', () => {
  let dir: string;
  let store: SqliteEventStore;
  const decider = createDTaskDecider();
  const service = () => new DTaskService({ store, decider, random: () => 0 });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dtask-service-'));
    store = new SqliteEventStore({ fileName: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const stored = async () => store.readStream(dtaskStreamId(TASK));

  it('answers a refusal as a value, writing nothing', async () => {
    const result = await service().handle(TASK, claim('nurse-1', 1));
    expect(result).toMatchObject({ kind: 'refused', reason: 'not-found' });
    expect(await stored()).toHaveLength(0);
  });

  it("gives every event the command's id as causationId and its type, shared by the events one command wrote", async () => {
    const tasks = service();
    await tasks.handle(TASK, intake(), { policy: 'assume-empty', correlationId: '0192f0c4-1111-7000-8000-000000000001' });
    await tasks.handle(TASK, claim('nurse-1', 1));
    await tasks.handle(TASK, noAnswer('nurse-1', 2));
    await tasks.handle(TASK, noAnswer('nurse-1', 3)); // the second failed call: S1 sends a unit in the same command
    const metadata = (await stored()).map((event) => ({ type: event.type, ...(event.metadata as EventMetadata) }));
    const byCommand = new Map<string, string[]>();
    for (const m of metadata) byCommand.set(m.causationId, [...(byCommand.get(m.causationId) ?? []), `${m.commandType}:${m.type}`]);
    expect([...byCommand.values()]).toEqual([
      ['Intake:DTaskReceived'],
      ['Claim:DTaskClaimed'],
      ['RecordCallback:CallbackAttempted'],
      ['RecordCallback:CallbackAttempted', 'RecordCallback:UnitRequested', 'RecordCallback:RecallScheduled'],
    ]);
    expect(metadata[0]!.correlationId).toBe('0192f0c4-1111-7000-8000-000000000001');
    expect(metadata[0]!.causationId).not.toBe(metadata[0]!.correlationId);
  });

  it('writes a retried command with the same Idempotency-Key and body once: a lost acknowledgement is not a second failed call', async () => {
    const tasks = service();
    await tasks.handle(TASK, intake(), { policy: 'assume-empty' });
    await tasks.handle(TASK, claim('nurse-1', 1));
    const first = await tasks.handle(TASK, noAnswer('nurse-1', 2), { idempotencyKey: 'press-1' });
    // The retry arrives at another instance, later, after the acknowledgement was lost.
    const retry = await service().handle(TASK, noAnswer('nurse-1', 9), { idempotencyKey: 'press-1' });
    expect(first).toMatchObject({ kind: 'accepted', effect: 'written' });
    expect(retry).toMatchObject({ kind: 'accepted', effect: 'repeated', events: [] });
    expect(retry.kind === 'accepted' && retry.state).toMatchObject({ failedAttempts: 1, unitRequested: undefined });
    expect((await stored()).map((event) => event.type)).toEqual(['DTaskReceived', 'DTaskClaimed', 'CallbackAttempted']);
  });

  it('refuses an Idempotency-Key reused for another command', async () => {
    const tasks = service();
    await tasks.handle(TASK, intake(), { policy: 'assume-empty' });
    await tasks.handle(TASK, claim('nurse-1', 1));
    await tasks.handle(TASK, noAnswer('nurse-1', 2), { idempotencyKey: 'press-1' });
    const reused = await tasks.handle(TASK, { type: 'RecordCallback', at: later(3), actor: nurse('nurse-1'), outcome: 'reached' }, { idempotencyKey: 'press-1' });
    expect(reused).toMatchObject({ kind: 'refused', reason: 'idempotency-key-reused' });
    expect(await stored()).toHaveLength(3);
  });

  it("checks a no-op against the stream: a repeated claim on a stale instance is refused, not acknowledged as the nurse's", async () => {
    const [a, b] = [service(), service()];
    await a.handle(TASK, intake(), { policy: 'assume-empty' });
    await a.handle(TASK, claim('nurse-1', 1));
    await b.handle(TASK, { type: 'Release', at: later(2), actor: nurse('nurse-1') });
    await b.handle(TASK, claim('nurse-2', 3));
    const repeated = await a.handle(TASK, claim('nurse-1', 4));
    expect(repeated).toMatchObject({ kind: 'refused', reason: 'claimed-by-another-nurse' });
  });

  it('decides again on the stream as it is when another instance wrote in between', async () => {
    const [a, b] = [service(), service()];
    await a.handle(TASK, intake(), { policy: 'assume-empty' });
    await a.handle(TASK, claim('nurse-1', 1));
    await b.handle(TASK, noAnswer('nurse-1', 2));
    const second = await a.handle(TASK, noAnswer('nurse-1', 3));
    expect(second).toMatchObject({ kind: 'accepted', effect: 'written' });
    expect(second.kind === 'accepted' && second.events.map((event) => event.type)).toEqual(['CallbackAttempted', 'UnitRequested', 'RecallScheduled']);
  });

  it('lets one of two simultaneous claims win and refuses the other', async () => {
    const tasks = service();
    await tasks.handle(TASK, intake(), { policy: 'assume-empty' });
    const results = await Promise.all([service().handle(TASK, claim('nurse-1', 1)), service().handle(TASK, claim('nurse-2', 1))]);
    expect(results.map((result) => result.kind).sort()).toEqual(['accepted', 'refused']);
    expect((await stored()).filter((event) => event.type === 'DTaskClaimed')).toHaveLength(1);
  });

  it('leaves a due policy command that no longer applies as a refusal (the scheduler drops it)', async () => {
    const tasks = service();
    await tasks.handle(TASK, intake(), { policy: 'assume-empty' });
    const result = await tasks.handle(TASK, { type: 'TimeOutHandoff', at: later(60), actor: system });
    expect(result).toMatchObject({ kind: 'refused', reason: 'not-awaiting-handoff' });
  });

  describe('intake', () => {
    const body = () => {
      const { taskId: _t, area: _a, ...rest } = received();
      return rest;
    };
    const erc = { id: 'erc-1', role: 'erc' as const };

    it('acknowledges the same intake twice as one task, and refuses the same ERC id for another patient naming the field', async () => {
      const first = await receiveTask(service(), { body: body(), actor: erc, at: T0 });
      const again = await receiveTask(service(), { body: body(), actor: erc, at: later(5) });
      const other = await receiveTask(service(), { body: { ...body(), patient: { ageYears: 30, personId: '020290-111B' } }, actor: erc, at: later(6) });
      expect(first).toMatchObject({ kind: 'accepted', effect: 'written' });
      expect(again).toMatchObject({ kind: 'accepted', effect: 'repeated', taskId: first.taskId });
      expect(other).toMatchObject({ kind: 'refused', reason: 'erc-task-id-reused', fields: ['patient.ageYears', 'patient.personId'] });
      expect(await store.readStream(dtaskStreamId(first.taskId))).toHaveLength(1);
    });
  });
});
