import { POLICY_ACTOR } from '@dtask/domain';
import { newInformation, repeatCall, urgencyRaised } from './erc-updates';
import { mission } from './missions';
import { ERC, MINUTE, RULES, TaskLife } from './task-life';

interface Step {
  minute: number;
  /** False: the task's life went on without a nurse (a unit sent, the ERC took it over). */
  run: (atMs: number) => boolean;
}

/**
 * The task in the queue until a nurse claims it `waitMinutes` after receipt. S2 alerts at its
 * first limit and sends a unit at its second. Meanwhile the ERC may send new information, a repeat
 * call (the task goes first: a nurse takes it within minutes; now and then the ERC raises it), or
 * raise the urgency itself (it takes the task over), and the field commander may put a unit on it.
 * Returns whether a nurse claimed the task.
 */
export function waitForNurse(life: TaskLife, waitMinutes: number): boolean {
  const { random } = life;
  const steps: Step[] = [];
  const erc = (update: ReturnType<typeof newInformation>) => (atMs: number) => life.actAt({ type: 'ReceiveErcUpdate', actor: ERC, update }, atMs) && !life.closed;
  let wait = waitMinutes;
  if (wait >= 12 && random.chance(0.075)) {
    const minute = random.int(8, wait - 1);
    steps.push({ minute, run: erc(repeatCall(random)) });
    if (random.chance(0.1)) steps.push({ minute: minute + random.int(1, 3), run: erc(urgencyRaised(random)) });
    wait = minute + random.int(2, 4);
  }
  if (wait >= 5 && random.chance(0.01)) steps.push({ minute: random.int(2, wait - 1), run: erc(urgencyRaised(random)) });
  if (wait >= 3 && random.chance(0.105)) steps.push({ minute: random.int(1, wait - 1), run: erc(newInformation(random)) });
  if (wait >= 4 && random.chance(0.028)) {
    steps.push({ minute: random.int(2, wait - 1), run: (atMs) => (mission(life, { conveyedShare: 0.5, fieldCommanderAtMs: atMs }), false) });
  }
  if (wait >= RULES.s2AlertMinutes) steps.push({ minute: RULES.s2AlertMinutes, run: (atMs) => (life.actAt({ type: 'ReachWaitingLimit', actor: POLICY_ACTOR }, atMs), true) });
  if (wait >= RULES.s2DispatchMinutes) {
    steps.push({
      minute: RULES.s2DispatchMinutes,
      run: (atMs) => {
        life.actAt({ type: 'ReachWaitingLimit', actor: POLICY_ACTOR }, atMs);
        // Nobody has spoken with the patient: S8's recalls reach fewer of them.
        mission(life, { conveyedShare: 0.6, odds: { reach: 0.75, worse: 0.06 } });
        return false;
      },
    });
  }
  steps.push({ minute: wait, run: (atMs) => life.actAt({ type: 'Claim', actor: life.nurse }, atMs) });
  // In time order; at one minute, as pushed (S2 before the claim that comes at its limit).
  for (const step of steps.sort((a, b) => a.minute - b.minute)) {
    if (!step.run(life.receivedAtMs + step.minute * MINUTE)) return false;
  }
  return true;
}
