import { createDTaskDecider, DTaskState, toTimedEvent } from '@dtask/domain';
import { deserialize, EventMetadata } from '@dtask/events';
import { timeframeMinutes } from '@dtask/events';
import { Data, GeneratedPeriod, generatePeriod } from './support/generated-period';

/** The no-unit decisions that carry a disposition, and the unit requests a nurse made. */
const DECISIONS = ['PhoneAdviceGiven', 'RedirectRequested', 'UnitRequested'];
const between = (value: number, low: number, high: number) => expect([value >= low && value <= high, value]).toEqual([true, value]);

describe('year generator, issue 14: closed-loop handoffs, dispositions, consults, language and caller', () => {
  let period: GeneratedPeriod;
  beforeAll(async () => {
    period = await generatePeriod(3650, 14);
  }, 60_000);
  afterAll(() => period.close());

  it('folds every stream through the decider to its end: no task left awaiting a visit, every new event where the decider puts it', () => {
    const decider = createDTaskDecider();
    for (const [streamId, events] of period.streams) {
      let state: DTaskState = decider.initialState;
      for (const event of events) {
        const metadata = deserialize(event).metadata as EventMetadata;
        const before = state;
        state = decider.evolve(state, toTimedEvent(event.type, event.data, metadata));
        const data = event.data as Data;
        if (event.type === 'HandoffCompleted' || event.type === 'HandoffFailed') {
          expect([streamId, before.status, before.visit?.target]).toEqual([streamId, 'awaiting-visit', data.target]);
          expect(metadata.actor.role).toBe('partner');
        }
        if (event.type === 'HandoffVisitOverdue') {
          expect([streamId, before.status, metadata.actor.role]).toEqual([streamId, 'awaiting-visit', 'system']);
          expect(Date.parse(metadata.occurredAt)).toBeGreaterThanOrEqual(Date.parse(before.visit!.visitBy));
        }
        // A decision names a consult recorded on its task before it.
        if (DECISIONS.includes(event.type) && data.consultId !== undefined) expect(before.consults.map((consult) => consult.consultId)).toContain(data.consultId);
      }
      expect([streamId, state.status]).not.toEqual([streamId, 'awaiting-visit']);
    }
  });

  it('has accepted referrals visited (most), failed (a few %) or unreported until the limit (rare), and every returned one decided again', () => {
    const { types } = period;
    const accepted = types.get('HandoffAccepted')!;
    expect(accepted).toBeGreaterThan(300);
    between(types.get('HandoffCompleted')! / accepted, 0.9, 0.98);
    between((types.get('HandoffFailed') ?? 0) / accepted, 0.02, 0.07);
    between((types.get('HandoffVisitOverdue') ?? 0) / accepted, 0.004, 0.03);
    // Every acceptance carries its visit limit; every redirect closed is a visit completed.
    expect(period.dataOf('HandoffAccepted').every((data) => typeof data.visitBy === 'string')).toBe(true);
    expect(period.tasksWith('DTaskClosed', (data) => data.outcome === 'redirect')).toEqual(period.tasksWith('HandoffCompleted'));
    const returned = [...period.tasksWith('HandoffFailed'), ...period.tasksWith('HandoffVisitOverdue')];
    for (const streamId of returned) {
      const events = period.streams.get(streamId)!;
      const back = events.findIndex((event) => event.type === 'HandoffFailed' || event.type === 'HandoffVisitOverdue');
      const next = events.slice(back + 1).find((event) => DECISIONS.includes(event.type));
      expect([streamId, next?.type]).not.toEqual([streamId, undefined]);
    }
    // Every visit reported done came within the referral's timeframe, counted from the redirect: a later one was due before it came.
    const visits = [...period.tasksWith('HandoffCompleted')].map((streamId) => {
      const events = period.streams.get(streamId)!;
      const last = (type: string) => events.filter((event) => event.type === type).pop()!;
      const redirectedAt = (deserialize(last('RedirectRequested')).metadata as EventMetadata).occurredAt;
      const minutes = (Date.parse((last('HandoffCompleted').data as Data).visitedAt as string) - Date.parse(redirectedAt)) / 60_000;
      return minutes <= timeframeMinutes((last('RedirectRequested').data as Data).within as string);
    });
    expect(visits.length).toBeGreaterThan(300);
    expect(visits.every(Boolean)).toBe(true);
  });

  it('gives advice and redirects a care level, a timeframe and transport that fit each other', () => {
    const advice = period.dataOf('PhoneAdviceGiven');
    const redirects = period.dataOf('RedirectRequested');
    for (const data of [...advice, ...redirects]) {
      expect(data.careLevel).toBeDefined();
      if (data.careLevel === 'self-care') expect([data.within, data.transport]).toEqual([undefined, 'none']);
      else expect(data.within).toMatch(/^P/);
      if (data.careLevel === 'emergency-department') {
        expect(['PT2H', 'PT4H', 'PT8H']).toContain(data.within);
        expect(['own', 'taxi', 'non-emergency-transport']).toContain(data.transport);
      }
    }
    const level = (level: string) => advice.filter((data) => data.careLevel === level).length / advice.length;
    between(level('self-care'), 0.35, 0.6);
    between(level('primary-care'), 0.2, 0.4);
    between(level('emergency-department'), 0.08, 0.25);
    expect(level('social-care') + level('other')).toBeGreaterThan(0);
    // The service comes to the patient: home care and social services need no ride.
    for (const data of redirects.filter((data) => data.targetKind === 'home-care' || data.targetKind === 'social-on-call')) expect(data.transport).toBe('none');
    expect(redirects.every((data) => data.within !== undefined)).toBe(true);
  });

  it('records consults on a few % of tasks, mostly with the EMS physician, and the decisions name them', () => {
    const consulted = period.tasksWith('ConsultRecorded');
    between(period.share(consulted), 0.02, 0.06);
    const consults = period.dataOf('ConsultRecorded');
    between(consults.filter((data) => data.consultant === 'ems-physician').length / consults.length, 0.5, 0.8);
    expect(new Set(consults.map((data) => data.consultant))).toEqual(new Set(['ems-physician', 'on-call-doctor', 'field-commander']));
    const named = new Set(DECISIONS.flatMap((type) => period.all.filter((event) => event.type === type && (event.data as Data).consultId !== undefined).map((event) => event.streamId)));
    between(named.size / consulted.size, 0.85, 1);
  });

  it('has the assessment’s language, interpreter and caller at plausible rates (Swedish well under 1 %, as in Pohjois-Pohjanmaa)', () => {
    const assessed = period.dataOf('AssessmentRecorded').filter((data) => data.language !== undefined);
    const share = (pick: (data: Data) => boolean) => assessed.filter(pick).length / assessed.length;
    between(share((data) => data.language === 'sv'), 0.0005, 0.008);
    between(share((data) => data.language !== 'fi' && data.language !== 'sv'), 0.008, 0.025);
    // An interpreter mostly for another language than Finnish, Swedish or English.
    const interpreted = assessed.filter((data) => data.interpreter === true);
    expect(interpreted.length).toBeGreaterThan(10);
    expect(interpreted.filter((data) => data.language === 'fi').length).toBe(0);
    const callers = (caller: string) => share((data) => data.caller === caller);
    between(callers('patient'), 0.5, 0.65);
    between(callers('relative'), 0.2, 0.33);
    expect(callers('carer') + callers('professional') + callers('other')).toBeGreaterThan(0.1);
    expect(share((data) => data.caller === 'patient' && data.spokeWithPatient !== true)).toBe(0);
    between(share((data) => data.spokeWithPatient === true), 0.7, 0.9);
  });
});
