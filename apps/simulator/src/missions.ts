import { POLICY_ACTOR } from '@dtask/domain';
import { newInformation, repeatCall, urgencyRaised } from './erc-updates';
import { recallCall, RecallCallOdds, WAITING_PATIENT } from './recall-calls';
import { ERC, MINUTE, RULES, TaskLife } from './task-life';

/** Non-conveyance codes a completed mission may report. */
const X_CODES = ['X-1', 'X-2', 'X-3', 'X-5', 'X-6', 'X-8', 'X-9'] as const;

export interface MissionOptions {
  /** The share of missions that convey the patient. */
  conveyedShare: number;
  /** How the patient answers S8's recalls: one we could not reach before answers less often. */
  odds?: RecallCallOdds;
  /** The field commander puts a free unit nearby on the task himself at this time: assigned at once, soon there. */
  fieldCommanderAtMs?: number;
}

/**
 * A unit's mission as the ERC reports it: assigned, on scene (unless called off on the way),
 * completed. A D unit may wait long for a free unit, and meanwhile S8 watches: its recalls fall
 * due and a nurse calls (a patient worse, or not reached twice, gets the unit sooner), and the S8
 * limit passing alerts the supervisor. The ERC may hear from the patient again while they wait.
 */
export function mission(life: TaskLife, options: MissionOptions): void {
  const { random } = life;
  const unitId = `OU-${random.int(100, 199)}`;
  const odds = options.odds ?? WAITING_PATIENT;
  const fieldCommander = options.fieldCommanderAtMs !== undefined;
  if (fieldCommander) life.actAt({ type: 'UpdateMission', actor: ERC, stage: 'unit-assigned', unitId, requestedBy: 'field-commander' }, options.fieldCommanderAtMs!);
  const requestedAt = life.clock;
  const atD = life.state.urgency === 'D';
  // A D unit waits for a free unit (about half an hour, some much longer); a B or C one is sent at once.
  let assignAt: number | undefined = fieldCommander ? undefined : requestedAt + (atD ? Math.min(random.exponential(1 / 30), 300) : random.int(1, 10)) * MINUTE;
  let sceneAt = (assignAt ?? requestedAt) + (fieldCommander ? random.int(6, 25) : random.int(8, 40)) * MINUTE;
  let repeatAt = atD && random.chance(0.012) ? requestedAt + random.int(25, 110) * MINUTE : Infinity;
  let newInfoAt = atD && random.chance(0.02) ? requestedAt + random.int(5, 60) * MINUTE : Infinity;
  let call: { recallId: string; atMs: number } | undefined;
  let overdueMarked = false;
  const hurry = () => {
    if (assignAt !== undefined) assignAt = Math.min(assignAt, life.clock + random.int(1, 5) * MINUTE);
    sceneAt = Math.min(sceneAt, (assignAt ?? life.clock) + random.int(5, 20) * MINUTE);
  };
  for (;;) {
    if (life.closed) return;
    const wait = life.state.unitWait;
    const recall = wait ? life.dueRecall('waiting-for-unit') : undefined;
    // A nurse picks a due recall up from the queue within minutes.
    if (!recall) call = undefined;
    else if (call?.recallId !== recall.recallId) call = { recallId: recall.recallId, atMs: Math.max(Date.parse(recall.dueAt), life.clock) + random.int(0, 8) * MINUTE };
    const overdueAt = wait && !wait.overdue && !overdueMarked ? Date.parse(wait.requestedAt) + RULES.s8UnitOverdueMinutes * MINUTE : Infinity;
    const next = Math.min(assignAt ?? Infinity, call?.atMs ?? Infinity, overdueAt, repeatAt, newInfoAt, sceneAt);
    if (next === sceneAt) break;
    if (next === assignAt) {
      life.actAt({ type: 'UpdateMission', actor: ERC, stage: 'unit-assigned', unitId }, assignAt);
      assignAt = undefined;
    } else if (next === overdueAt) {
      // The scheduler's S8 alert, once.
      life.actAt({ type: 'MarkUnitOverdue', actor: POLICY_ACTOR }, overdueAt);
      overdueMarked = true;
    } else if (next === newInfoAt) {
      life.actAt({ type: 'ReceiveErcUpdate', actor: ERC, update: newInformation(random) }, newInfoAt);
      newInfoAt = Infinity;
    } else if (next === repeatAt) {
      // A repeat call makes a welfare recall due at once (the decider's S8), and a nurse calls within
      // minutes; now and then the ERC raises the task and takes it over.
      life.actAt({ type: 'ReceiveErcUpdate', actor: ERC, update: repeatCall(random) }, repeatAt);
      repeatAt = Infinity;
      if (random.chance(0.15)) life.act({ type: 'ReceiveErcUpdate', actor: ERC, update: urgencyRaised(random) }, random.int(1, 4));
      if (call) call.atMs = Math.min(call.atMs, life.clock + random.int(1, 4) * MINUTE);
    } else if (call) {
      const outcome = recallCall(life, call.recallId, call.atMs, odds);
      if (outcome === 'not-taken') call.atMs = Infinity;
      if (outcome === 'worse') hurry();
      if (outcome === 'unanswered') {
        // Still due: tried again later; raised to C by S8, the unit comes sooner.
        call.atMs = life.clock + random.int(10, 20) * MINUTE;
        if (life.state.urgency !== 'D') hurry();
      }
    }
  }
  // Called off on the way, the mission completes without reaching the scene.
  const calledOff = random.chance(0.04);
  if (!calledOff) life.actAt({ type: 'UpdateMission', actor: ERC, stage: 'on-scene', unitId }, sceneAt);
  const conveyed = !calledOff && random.chance(options.conveyedShare);
  const completedAt = Math.max(sceneAt, life.clock) + random.int(20, 70) * MINUTE;
  life.actAt({ type: 'UpdateMission', actor: ERC, stage: 'completed', unitId, conveyed, ...(conveyed ? {} : { xCode: random.pick(X_CODES) }) }, completedAt);
}
