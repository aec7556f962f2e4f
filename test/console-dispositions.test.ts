import { helsinkiDate, helsinkiInstant } from '../apps/console/src/format';
import { translate } from '../apps/console/src/i18n';
import { visitInstant } from '../apps/console/src/partner/visit-time';
import { decisionBody } from '../apps/console/src/task-panel/decision-body';
import { EMPTY_DRAFTS } from '../apps/console/src/task-panel/task-drafts';
import { TIMEFRAMES, timeframeText } from '../apps/console/src/timeframe';

/** The console's rules of issue 14 that need no browser: timeframes in words, the decision's body, the visit's time. */
describe("the console's dispositions and visit reports", () => {
  const words = (language: 'fi' | 'sv' | 'en') => (key: string, values?: Record<string, string | number>) => translate(language, key, values);

  it('says a timeframe as staff say it, never as the ISO duration it is sent as', () => {
    expect(TIMEFRAMES.map((within) => timeframeText(within, words('fi')))).toEqual(['1 h', '2 h', '4 h', '8 h', '1 vrk', '3 vrk', '7 vrk']);
    expect(['P1D', 'P3D'].map((within) => timeframeText(within, words('sv')))).toEqual(['1 dygn', '3 dygn']);
    expect(['P1D', 'P3D', 'PT90M', 'PT30M'].map((within) => timeframeText(within, words('en')))).toEqual(['1 day', '3 days', '1 h 30 min', '30 min']);
  });

  it('asks advice and redirects for the care level, then (unless self-care) for the time and the way there', () => {
    const advice = { ...EMPTY_DRAFTS, kind: 'phone-advice' as const, advice: 'Lepää.', safetyNet: 'Soita 112.', informed: true };
    expect(decisionBody(advice, 'phone-advice', Date.now())).toEqual({ missing: 'careLevelRequired' });
    expect(decisionBody({ ...advice, careLevel: 'primary-care' }, 'phone-advice', Date.now())).toEqual({ missing: 'withinRequired' });
    expect(decisionBody({ ...advice, careLevel: 'primary-care', within: 'PT2H' }, 'phone-advice', Date.now())).toEqual({ missing: 'transportRequired' });
    expect(decisionBody({ ...advice, careLevel: 'self-care' }, 'phone-advice', Date.now())).toEqual({
      body: { kind: 'phone-advice', advice: 'Lepää.', safetyNet: 'Soita 112.', patientInformed: true, careLevel: 'self-care' },
    });
    const redirect = { ...EMPTY_DRAFTS, kind: 'redirect' as const, target: 'oulu-home-care', handoffNote: 'Käynti.', informed: true, careLevel: 'social-care' as const, within: 'P1D', transport: 'none' as const, consultId: 'consult-1' };
    expect(decisionBody(redirect, 'redirect', Date.now())).toEqual({
      body: { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti.', patientInformed: true, careLevel: 'social-care', within: 'P1D', transport: 'none', consultId: 'consult-1' },
    });
    // A unit needs no disposition, and names its consult too.
    expect(decisionBody({ ...EMPTY_DRAFTS, kind: 'send-unit', consultId: 'consult-2' }, 'send-unit', Date.now())).toEqual({ body: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D', consultId: 'consult-2' } });
  });

  it("reads the visit's day and time in Helsinki, refusing a time to come or one before the redirect", () => {
    const today = helsinkiDate(Date.now());
    const nowMs = helsinkiInstant(today, 14, 30) + 20_000;
    expect(visitInstant('today', '14.05', nowMs)).toEqual({ at: helsinkiInstant(today, 14, 5) });
    expect(visitInstant('today', '9:05', nowMs)).toEqual({ at: helsinkiInstant(today, 9, 5) });
    expect(visitInstant('today', '15.00', nowMs)).toEqual({ problem: 'partnerVisitInFuture' });
    expect(visitInstant('today', '24.00', nowMs)).toEqual({ problem: 'partnerVisitTimeInvalid' });
    expect(visitInstant('today', 'klo 14', nowMs)).toEqual({ problem: 'partnerVisitTimeInvalid' });
    const redirectedAt = new Date(helsinkiInstant(today, 13, 0)).toISOString();
    expect(visitInstant('yesterday', '23.00', nowMs, redirectedAt)).toEqual({ problem: 'partnerVisitBeforeRedirect' });
    // In the redirect's own minute the visit came after it; in this minute, not after now.
    const atRedirect = new Date(helsinkiInstant(today, 13, 0) + 40_000).toISOString();
    expect(visitInstant('today', '13.00', nowMs, atRedirect)).toEqual({ at: Date.parse(atRedirect) });
    expect(visitInstant('today', '14.30', nowMs)).toEqual({ at: helsinkiInstant(today, 14, 30) });
    expect(visitInstant('today', '14.31', nowMs)).toEqual({ at: nowMs });
  });
});
