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
  replayLoadReduction,
  TimeTravelOptions,
  WhatIfReplay,
} from '@dtask/read-models';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DTASK_DECIDER, SAFETY_RULES } from '../d-tasks/dtask-decider.provider';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReplayAbandoned, ReplayQueue } from './replay-queue';

/** Replays that may wait behind the running one; more are refused (503) rather than queued for ever. */
export const MAX_WAITING_REPLAYS = 3;

/**
 * Analysts' replays: every answer is rebuilt from `$all` by the folds the live service runs, and
 * nothing is written. A replay of a year takes seconds, so they run one at a time: the nurses'
 * requests go on between its batches. A few may wait; one whose client has gone is dropped.
 */
@Injectable()
export class ReplayService {
  private readonly queue = new ReplayQueue(MAX_WAITING_REPLAYS);
  private readonly timeTravel: TimeTravelOptions;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) decider: DTaskDecider,
    @Inject(SAFETY_RULES) private readonly rules: SafetyRules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.timeTravel = { decider, assumedMissionMinutes: config.ASSUMED_MISSION_MINUTES, contactTargetMinutes: config.CONTACT_TARGET_MINUTES };
  }

  /** `nowMs`: a recall still pending counts as due once its time has come, as in the live report. */
  loadReduction(fromMs: number, toMs: number, groupBy: GroupBy | undefined, nowMs: number, signal?: AbortSignal) {
    return this.oneAtATime(signal, () =>
      replayLoadReduction(
        this.events(signal),
        { fromMs, toMs },
        {
          assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES,
          contactTargetMinutes: this.config.CONTACT_TARGET_MINUTES,
          asOfMs: nowMs,
          ...(groupBy ? { groupBy } : {}),
        },
      ),
    );
  }

  loadAt(atMs: number, signal?: AbortSignal) {
    return this.oneAtATime(signal, () => loadAt(this.events(signal), atMs, this.timeTravel));
  }

  /** A Helsinki calendar day, midnight to midnight, in steps. */
  async day(date: string, stepMinutes: number, signal?: AbortSignal) {
    const { fromMs, toMs } = helsinkiDay(date);
    const steps = await this.oneAtATime(signal, () => loadThroughDay(this.events(signal), { fromMs, toMs, stepMs: stepMinutes * 60_000 }, this.timeTravel));
    return { date, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), stepMinutes, steps };
  }

  whatIf(fromMs: number, toMs: number, limits: Partial<SafetyRules>, nowMs: number, signal?: AbortSignal) {
    return this.oneAtATime(signal, async () => {
      const replay = new WhatIfReplay({
        fromMs,
        toMs,
        actualRules: this.rules,
        whatIfRules: { ...this.rules, ...limits },
        assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES,
        contactTargetMinutes: this.config.CONTACT_TARGET_MINUTES,
        horizonMs: nowMs,
      });
      for await (const batch of this.events(signal)) for (const event of batch) replay.apply(event);
      return replay.report();
    });
  }

  private async *events(signal?: AbortSignal): EventBatches {
    for await (const batch of readAllBatches(this.store)) {
      if (signal?.aborted) throw new ReplayAbandoned();
      yield batch as unknown as FoldEvent[];
    }
  }

  private oneAtATime<T>(signal: AbortSignal | undefined, replay: () => Promise<T>): Promise<T> {
    return this.queue.run(signal, replay);
  }
}
