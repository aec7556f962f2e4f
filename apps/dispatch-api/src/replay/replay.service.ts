import { Inject, Injectable } from '@nestjs/common';
import { DTaskDecider, SafetyRules } from '@dtask/domain';
import { EventStore, readAllBatches } from '@dtask/event-store';
import {
  EventBatches,
  FoldEvent,
  GroupBy,
  helsinkiDay,
  loadAt,
  loadThroughDay,
  Pseudonymiser,
  replayLoadReduction,
  TimeTravelOptions,
  WhatIfReplay,
} from '@dtask/read-models';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DTASK_DECIDER, SAFETY_RULES } from '../d-tasks/dtask-decider.provider';
import { patientPseudonym } from '../d-tasks/task-board.read-model';
import { EVENT_STORE } from '../event-store/event-store.module';

/**
 * Analysts' replays: every answer is rebuilt from `$all` by the folds the live service runs, and
 * nothing is written. A replay of a year takes seconds, so they run one at a time: the nurses'
 * requests go on between its batches.
 */
@Injectable()
export class ReplayService {
  private running: Promise<unknown> = Promise.resolve();
  private readonly timeTravel: TimeTravelOptions;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) decider: DTaskDecider,
    @Inject(SAFETY_RULES) private readonly rules: SafetyRules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    pseudonymiser: Pseudonymiser,
  ) {
    this.timeTravel = { decider, patientKey: patientPseudonym(pseudonymiser), assumedMissionMinutes: config.ASSUMED_MISSION_MINUTES };
  }

  loadReduction(fromMs: number, toMs: number, groupBy?: GroupBy) {
    return this.oneAtATime(() =>
      replayLoadReduction(this.events(), { fromMs, toMs }, { assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES, ...(groupBy ? { groupBy } : {}) }),
    );
  }

  loadAt(atMs: number) {
    return this.oneAtATime(() => loadAt(this.events(), atMs, this.timeTravel));
  }

  /** A Helsinki calendar day, midnight to midnight, in steps. */
  async day(date: string, stepMinutes: number) {
    const { fromMs, toMs } = helsinkiDay(date);
    const steps = await this.oneAtATime(() => loadThroughDay(this.events(), { fromMs, toMs, stepMs: stepMinutes * 60_000 }, this.timeTravel));
    return { date, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), stepMinutes, steps };
  }

  whatIf(fromMs: number, toMs: number, limits: Partial<SafetyRules>, nowMs: number) {
    return this.oneAtATime(async () => {
      const replay = new WhatIfReplay({
        fromMs,
        toMs,
        actualRules: this.rules,
        whatIfRules: { ...this.rules, ...limits },
        assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES,
        horizonMs: nowMs,
      });
      for await (const batch of this.events()) for (const event of batch) replay.apply(event);
      return replay.report();
    });
  }

  private async *events(): EventBatches {
    for await (const batch of readAllBatches(this.store)) yield batch as unknown as FoldEvent[];
  }

  private oneAtATime<T>(replay: () => Promise<T>): Promise<T> {
    const result = this.running.then(replay, replay);
    this.running = result.catch(() => undefined);
    return result;
  }
}
