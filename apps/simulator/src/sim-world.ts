import { ErcUpdate, newInformation, repeatCall, urgencyRaised } from './erc-updates';
import { count, SimContext, sleep } from './sim-context';

const MINUTE = 60_000;
const X_CODES = ['X-1', 'X-3', 'X-5', 'X-6', 'X-9'] as const;

interface Planned {
  atMs: number;
  taskId: string;
  act: 'new-information' | 'repeat-call' | 'urgency-changed' | 'field-commander';
}

interface Mission {
  taskId: string;
  stages: { atMs: number; body: Record<string, unknown> }[];
}

/**
 * The ERC and the EMS field while tasks wait: the ERC's new information, repeat calls and raised
 * urgencies, the field commander's own units, and every unit's mission reported stage by stage.
 * People's reactions run on the simulated clock; units move on the service's own clock, which S8
 * times its welfare recalls and its overdue alert by, so a D unit's wait shows the recalls it brings.
 */
export class SimWorld {
  private planned: Planned[] = [];
  private missions: Mission[] = [];

  constructor(private readonly context: SimContext) {}

  /** A new task: what the ERC and the field commander will do to it while it waits, if anything. */
  received(taskId: string): void {
    const { random, simMinutes, shares } = this.context;
    const plan = (act: Planned['act'], share: number, fromMinutes: number, toMinutes: number) => {
      if (random.chance(share)) this.planned.push({ atMs: Date.now() + simMinutes(random.int(fromMinutes, toMinutes)), taskId, act });
    };
    plan('new-information', shares.newInformation, 1, 10);
    plan('repeat-call', shares.repeatCall, 5, 20);
    plan('urgency-changed', shares.urgencyRaised, 3, 25);
    plan('field-commander', shares.fieldCommander, 2, 12);
  }

  /** A unit on its way: a D one waits for a free unit (about half an hour, some over S8's limit), a B or C one goes at once. */
  unitSent(taskId: string, urgency: string, fieldUnitId?: string): void {
    const { random } = this.context;
    const atD = urgency === 'D';
    const now = Date.now();
    const unitId = fieldUnitId ?? `OU-${random.int(100, 199)}`;
    const assignedAt = fieldUnitId ? now : now + (atD ? Math.min(random.exponential(1 / 30), 180) : random.int(1, 5)) * MINUTE;
    const onSceneAt = assignedAt + (atD ? random.int(8, 40) : random.int(5, 20)) * MINUTE;
    const conveyed = random.chance(0.6);
    this.missions.push({
      taskId,
      stages: [
        ...(fieldUnitId ? [] : [{ atMs: assignedAt, body: { stage: 'unit-assigned', unitId } }]),
        { atMs: onSceneAt, body: { stage: 'on-scene', unitId } },
        { atMs: onSceneAt + random.int(20, 60) * MINUTE, body: { stage: 'completed', unitId, conveyed, ...(conveyed ? {} : { xCode: random.pick(X_CODES) }) } },
      ],
    });
  }

  /** The ERC's agent: once a simulated minute, sends what has fallen due. */
  async run(): Promise<void> {
    const { signal, simMinutes } = this.context;
    while (!signal.aborted) {
      await sleep(simMinutes(1), signal);
      const now = Date.now();
      const due = this.planned.filter((item) => item.atMs <= now);
      this.planned = this.planned.filter((item) => item.atMs > now);
      for (const item of due) await this.act(item);
      for (const mission of this.missions) {
        while (mission.stages.length > 0 && mission.stages[0]!.atMs <= now) await this.report(mission.taskId, mission.stages.shift()!.body);
      }
      this.missions = this.missions.filter((mission) => mission.stages.length > 0);
    }
  }

  private async act(item: Planned): Promise<void> {
    const { api, erc, random, stats } = this.context;
    if (item.act === 'field-commander') {
      const unitId = `OU-${random.int(200, 299)}`;
      const answer = await api.send<{ unitAttachedByField?: { at: string } | null }>('POST', `/api/d-tasks/${item.taskId}/mission`, erc, { stage: 'unit-assigned', unitId, requestedBy: 'field-commander' });
      this.refusedOnly(answer.status);
      // A task already sent a unit of ours takes the update as its own mission's, not as the field's unit.
      if (answer.status === 200 && answer.body.unitAttachedByField) {
        stats.fieldCommanderUnits += 1;
        this.unitSent(item.taskId, 'D', unitId);
      }
      return;
    }
    const update: ErcUpdate = item.act === 'new-information' ? newInformation(random) : item.act === 'repeat-call' ? repeatCall(random) : urgencyRaised(random);
    const answer = await api.send('POST', `/api/d-tasks/${item.taskId}/erc-update`, erc, update);
    if (answer.status === 200) count(stats.ercUpdates, update.kind);
    this.refusedOnly(answer.status);
  }

  private async report(taskId: string, body: Record<string, unknown>): Promise<void> {
    const answer = await this.context.api.send('POST', `/api/d-tasks/${taskId}/mission`, this.context.erc, body);
    if (answer.status === 200 && body.stage === 'completed') this.context.stats.missionsCompleted += 1;
    this.refusedOnly(answer.status);
  }

  /** A task closed meanwhile (the ERC took it over, a nurse closed it) refuses with 409: no error. */
  private refusedOnly(status: number): void {
    if (status !== 200 && status !== 409) this.context.stats.errors += 1;
  }
}
