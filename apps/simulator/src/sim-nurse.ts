import { DirectoryService, servicesServing } from '@dtask/domain';
import { callFacts } from './assessment';
import { consult, CONSULT_MINUTES } from './consults';
import { AFTER_CONSULT, AFTER_RETURNED_REFERRAL, DECISION_MIX } from './decision-mix';
import { adviceDisposition, Disposition, redirectDisposition } from './dispositions';
import { count, SimContext, sleep } from './sim-context';

interface QueueItem {
  taskId: string;
  municipality: string;
  flags?: string[];
  /** The due recall that brought the task back to the queue (contract v1.1). */
  recall?: { recallId: string; reason: string; dueAt: string } | null;
}

/** A command's answer, as far as a nurse reads it. */
interface TaskAnswer {
  urgency?: string;
  /** A refusal's reason (409). */
  reason?: string;
  unitRequested?: unknown;
  consults?: { consultId: string }[];
}

export type Directory = DirectoryService[];
type Call = (path: string, body?: unknown) => Promise<{ status: number; body: TaskAnswer }>;

/**
 * One nurse at the desk: takes one of the first tasks in the queue. A due recall she calls and
 * records (a worse patient is escalated by the service); a new task she calls back, assesses
 * (language, caller, identity), now and then consults a doctor or the field commander, and decides
 * with a realistic mix (decision-mix.ts; red flags ≈ 6 %, a unit for a patient she could not
 * identify), advice and redirects with a care level, a timeframe and transport.
 */
export async function nurse(context: SimContext, directory: Directory, index: number): Promise<void> {
  const { api, random, stats, signal, simMinutes } = context;
  const token = await api.token(`sim-nurse-${index + 1}`, 'nurse');
  const call: Call = (path, body = {}) => api.send<TaskAnswer>('POST', path, token, body);
  while (!signal.aborted) {
    const queue = (await api.send<{ tasks: QueueItem[] }>('GET', '/api/d-tasks', token)).body.tasks ?? [];
    const next = queue[random.int(0, Math.min(2, queue.length - 1))];
    if (!next) {
      await sleep(simMinutes(1), signal);
      continue;
    }
    if ((await call(`/api/d-tasks/${next.taskId}/claim`)).status !== 200) continue;
    stats.claims += 1;
    if (next.recall) await recall(context, call, next.taskId, next.recall);
    else await triage(context, call, next, directory);
  }
}

/** A recall: reached, the condition told; not reached, tried once more; then the task goes back to wait. */
async function recall(context: SimContext, call: Call, taskId: string, { recallId, reason }: NonNullable<QueueItem['recall']>): Promise<void> {
  const { random, stats, signal, simMinutes } = context;
  const base = `/api/d-tasks/${taskId}`;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await sleep(simMinutes(attempt === 1 ? random.int(1, 3) : random.int(3, 6)), signal);
    const reached = random.chance(0.88);
    const condition = reached ? (random.chance(0.05) ? 'worse' : random.chance(0.22) ? 'better' : 'same') : undefined;
    const outcome = reached ? 'reached' : random.pick(['no-answer', 'busy']);
    const answer = await call(`${base}/recalls/${recallId}`, { outcome, ...(condition ? { condition } : {}) });
    if (answer.status === 200) count(stats.recallCalls, condition ? `reached-${condition}` : outcome);
    else if (answer.status !== 409) stats.errors += 1;
    // Worse (an escalation), or not reached too often after advice (S1): a unit is on its way now.
    const unitNow = answer.status === 200 && reason !== 'waiting-for-unit' && Boolean(answer.body?.unitRequested);
    if (unitNow) context.unitSent(taskId, answer.body.urgency ?? 'D');
    if (reached || unitNow) break;
  }
  await call(`${base}/release`);
}

async function triage(context: SimContext, call: Call, next: QueueItem, directory: Directory): Promise<void> {
  const { random, stats, signal, simMinutes } = context;
  const base = `/api/d-tasks/${next.taskId}`;
  await sleep(simMinutes(random.int(1, 3)), signal);
  let reached = random.chance(0.82);
  if (!reached) {
    await call(`${base}/callbacks`, { outcome: random.pick(['no-answer', 'busy', 'wrong-number']) });
    await sleep(simMinutes(random.int(2, 5)), signal);
    reached = random.chance(0.7);
    if (!reached) {
      // The second failure sends a unit automatically (S1).
      if ((await call(`${base}/callbacks`, { outcome: 'no-answer' })).status === 200) context.unitSent(next.taskId, 'D');
      return;
    }
  }
  await call(`${base}/callbacks`, { outcome: 'reached' });
  await sleep(simMinutes(random.int(4, 10)), signal);
  const redFlag = random.chance(0.06);
  // Most intakes carry the identity code (see randomIntake).
  const facts = callFacts(random, random.chance(0.9));
  const assessment = {
    redFlags: redFlag ? [random.pick(['chest-pain', 'breathing-difficulty-at-rest', 'new-confusion', 'stroke-signs'])] : [],
    concern: !redFlag && random.chance(0.03),
    symptoms: 'simuloitu arvio',
    existingServices: random.chance(0.3) ? ['home-care'] : [],
    notes: '',
    ...facts,
  };
  await call(`${base}/assessment`, assessment);
  // Someone called 112 again meanwhile: the call and the assessment are old news, so she calls and assesses again.
  const decide = async (body: unknown) => {
    const answer = await call(`${base}/decision`, body);
    if (answer.status !== 409 || answer.body?.reason !== 'no-contact') return answer;
    await call(`${base}/callbacks`, { outcome: 'reached' });
    await call(`${base}/assessment`, assessment);
    return call(`${base}/decision`, body);
  };
  const consultId = !redFlag && random.chance(context.shares.consult) ? await consultOn(context, call, base) : undefined;
  // A referral that came back (declined, failed or unreported) is decided more cautiously.
  const returned = next.flags?.includes('handoff-returned') === true;
  let decision = redFlag ? 'escalation' : random.weighted(consultId ? AFTER_CONSULT : returned ? AFTER_RETURNED_REFERRAL : DECISION_MIX);
  // S9: a patient who could not be identified gets a unit.
  if (decision !== 'escalation' && facts.identity === 'unverified') decision = 'send-unit';
  const onConsult = consultId ? { consultId } : {};
  let answer;
  let followUpAt: string | undefined;
  let disposition: Disposition | undefined;
  if (decision === 'escalation') {
    answer = await call(`${base}/escalation`, { urgency: random.pick(['B', 'C']), reason: 'red flag in assessment' });
    stats.escalations += 1;
  } else if (decision === 'phone-advice') {
    followUpAt = random.chance(0.15) ? new Date(Date.now() + simMinutes(120)).toISOString() : undefined;
    disposition = adviceDisposition(random, consultId !== undefined || returned);
    answer = await decide({ kind: 'phone-advice', advice: 'kotihoito-ohjeet', safetyNet: 'soita 112, jos vointi huononee', patientInformed: true, ...disposition, ...onConsult, ...(followUpAt ? { followUpAt } : {}) });
  } else if (decision === 'redirect') {
    // Only the services that serve the patient's municipality take the redirect (the service answers 409 otherwise).
    const target = random.pick(servicesServing(directory, next.municipality));
    disposition = redirectDisposition(random, target.kind);
    answer = await decide({ kind: 'redirect', target: target.id, handoffNote: 'ohjattu simulaatiossa', patientInformed: true, ...disposition, ...onConsult });
  } else {
    answer = await decide({ kind: 'send-unit', unitLevel: random.pick(['basic', 'first-response', 'single-responder']), urgency: 'D', ...onConsult });
  }
  if (answer.status === 200) {
    count(stats.decisions, decision);
    if (disposition) count(stats.careLevels, disposition.careLevel);
    if (consultId && decision !== 'escalation') stats.decisionsOnConsult += 1;
  } else if (answer.status !== 409) stats.errors += 1;
  if (answer.status === 200 && (decision === 'send-unit' || decision === 'escalation')) context.unitSent(next.taskId, answer.body?.urgency ?? 'D');
  // Now and then the nurse wants to hear from an advised patient sooner than the safety-net call.
  if (answer.status === 200 && followUpAt && random.chance(0.2)) {
    const booked = await call(`${base}/recalls`, { dueAt: new Date(Date.now() + simMinutes(random.int(30, 60))).toISOString(), reason: 'nurse' });
    if (booked.status === 200) stats.nurseRecalls += 1;
    else if (booked.status !== 409) stats.errors += 1;
  }
}

/** The consultant calls back within minutes; the consult's id as the service named it. */
async function consultOn(context: SimContext, call: Call, base: string): Promise<string | undefined> {
  const { random, stats, signal, simMinutes } = context;
  await sleep(simMinutes(random.int(...CONSULT_MINUTES)), signal);
  const answer = await call(`${base}/consult`, consult(random));
  if (answer.status !== 200) {
    if (answer.status !== 409) stats.errors += 1;
    return undefined;
  }
  stats.consults += 1;
  return answer.body.consults?.at(-1)?.consultId;
}
