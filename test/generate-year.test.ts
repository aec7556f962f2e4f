import { createDTaskDecider, DEFAULT_SAFETY_RULES, SafetyRules, toTimedEvent } from '@dtask/domain';
import { deserialize, EventMetadata } from '@dtask/events';
import { SqliteEventStore } from '@dtask/event-store';
import { FoldEvent, measure, TaskFactsFold, WhatIfReplay } from '@dtask/read-models';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateYear } from '../apps/simulator/src/generate-year';

describe('synthetic year generator', () => {
  it('writes valid task histories, in time order, with a plausible decision mix and the calls that follow it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtask-year-'));
    const store = new SqliteEventStore({ fileName: join(dir, 'events.db'), synchronous: 'NORMAL' });
    try {
      const result = await generateYear({ store, tasks: 3650, startMs: Date.parse('2025-01-01T00:00:00+02:00'), seed: 1 });
      expect(result.tasks).toBeGreaterThan(3500);
      // About ten events a task, as a centre's year of ~100,000 tasks makes about a million.
      expect(result.events / result.tasks).toBeGreaterThan(8.5);

      const decider = createDTaskDecider();
      const states = new Map<string, ReturnType<typeof decider.evolve>>();
      const revisions = new Map<string, number>();
      const fold = new TaskFactsFold();
      const types = new Map<string, number>();
      const missionStages = new Set<string>();
      let previousAtMs = 0;
      let position: string | undefined;
      for (;;) {
        const batch = await store.readAll({ fromPosition: position, maxCount: 5000 });
        for (const event of batch.events) {
          // Every event passes its schema, and `$all` is in time order, across midnights too.
          const metadata = deserialize(event).metadata as EventMetadata;
          expect(Date.parse(metadata.occurredAt)).toBeGreaterThanOrEqual(previousAtMs);
          // Each event names the command that wrote it, as the service stamps it.
          expect(metadata.commandType).toMatch(/^[A-Z]/);
          expect(metadata.causationId).not.toBe(metadata.eventId);
          previousAtMs = Date.parse(metadata.occurredAt);
          types.set(event.type, (types.get(event.type) ?? 0) + 1);
          if (event.type === 'MissionUpdated') missionStages.add((event.data as { stage: string }).stage);
          expect(event.revision).toBe((revisions.get(event.streamId) ?? -1) + 1);
          revisions.set(event.streamId, event.revision);
          const state = decider.evolve(states.get(event.streamId) ?? decider.initialState, toTimedEvent(event.type, event.data, metadata));
          states.set(event.streamId, state);
          fold.apply(event as never);
        }
        position = batch.lastPosition;
        if (batch.isEnd) break;
      }
      const closed = [...states.values()].filter((state) => state.status === 'closed').length;
      expect(closed / states.size).toBeGreaterThan(0.99);
      expect(result.events).toBe([...types.values()].reduce((a, b) => a + b, 0));
      // Advice with a safety-net call back, the units' missions stage by stage, handoffs answered or not.
      expect(types.get('FollowUpScheduled')! / types.get('PhoneAdviceGiven')!).toBeGreaterThan(0.6);
      expect(types.get('FollowUpCompleted')).toBeGreaterThan(types.get('FollowUpScheduled')!);
      expect([...missionStages].sort()).toEqual(['completed', 'on-scene', 'unit-assigned']);
      for (const type of ['HandoffAccepted', 'HandoffDeclined', 'HandoffTimedOut', 'DTaskReleased', 'WaitingLimitReached']) expect([type, types.get(type) ?? 0]).not.toEqual([type, 0]);
      const m = measure([...fold.tasks.values()], { assumedMissionMinutes: 75, windowDays: 365 });
      expect(m.tasks).toBe(result.tasks);
      expect(m.resolvedWithoutUnitShare).toBeGreaterThan(0.4);
      expect(m.resolvedWithoutUnitShare).toBeLessThan(0.75);
      expect(m.autoDispatch.unreachable).toBeGreaterThan(0);
      expect(m.escalated).toBeGreaterThan(0);

      // What-if over the generated year: the configured limits reproduce it exactly; S1 after one
      // failed call sends a unit to exactly the tasks whose first call before any contact failed,
      // besides those sent one because a follow-up call went unanswered.
      const whatIf = async (limits: Partial<SafetyRules>) => {
        const replay = new WhatIfReplay({ fromMs: 0, toMs: Date.parse('2030-01-01T00:00:00Z'), actualRules: DEFAULT_SAFETY_RULES, whatIfRules: { ...DEFAULT_SAFETY_RULES, ...limits }, assumedMissionMinutes: 75 });
        for (let from: string | undefined; ; ) {
          const batch = await store.readAll({ fromPosition: from, maxCount: 5000 });
          for (const event of batch.events) replay.apply(event as unknown as FoldEvent);
          from = batch.lastPosition;
          if (batch.isEnd) return replay.report();
        }
      };
      const same = await whatIf({});
      expect(same.whatIf).toEqual(same.actual);
      expect([same.tasksChanged, same.actionsRefused]).toEqual([0, {}]);

      const failedBeforeContact = new Set<string>();
      const unansweredFollowUp = new Set<string>();
      const reached = new Set<string>();
      let previous: { streamId: string; type: string } | undefined;
      for (let from: string | undefined; ; ) {
        const batch = await store.readAll({ fromPosition: from, maxCount: 5000 });
        for (const event of batch.events) {
          const data = event.data as { outcome?: string; reason?: string };
          if (event.type === 'CallbackAttempted' && data.outcome === 'reached') reached.add(event.streamId);
          if (event.type === 'CallbackAttempted' && data.outcome !== 'reached' && !reached.has(event.streamId)) failedBeforeContact.add(event.streamId);
          if (event.type === 'UnitRequested' && data.reason === 'unreachable' && previous?.streamId === event.streamId && previous.type === 'FollowUpCompleted') unansweredFollowUp.add(event.streamId);
          previous = event;
        }
        from = batch.lastPosition;
        if (batch.isEnd) break;
      }
      const strict = await whatIf({ s1FailedAttempts: 1 });
      expect(strict.whatIf.firings.s1UnreachableDispatches).toBe(new Set([...failedBeforeContact, ...unansweredFollowUp]).size);
      expect(strict.whatIf.firings.s1UnreachableDispatches).toBeGreaterThan(same.actual.firings.s1UnreachableDispatches);
      expect(strict.whatIf.measures.resolvedWithoutUnit).toBeLessThan(same.actual.measures.resolvedWithoutUnit);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
