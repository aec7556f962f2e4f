import { whenText } from '../apps/console/src/desk/when-text';
import { helsinkiDateTime } from '../apps/console/src/format';
import { translate } from '../apps/console/src/i18n';
import { decisionBody } from '../apps/console/src/task-panel/decision-body';
import { flagsWithUnit } from '../apps/console/src/task-panel/settled-flags';
import { EMPTY_DRAFTS } from '../apps/console/src/task-panel/task-drafts';

/** The QA walk-through's words and rules of the nurse's panel that need no browser (items 3, 4, 6, 11). */
describe("the nurse's panel in Swedish and its decision rules", () => {
  it('writes a date with its time as Swedish and Finnish do: "1.12.2026 kl. 14.05", "1.12.2026 klo 14.05"', () => {
    expect(helsinkiDateTime('2026-12-01T12:05:00Z', 'sv')).toBe('1.12.2026 kl. 14.05');
    expect(helsinkiDateTime('2026-12-01T12:05:00Z', 'fi')).toBe('1.12.2026 klo 14.05');
  });

  it('asks a time as "hh.mm" in Swedish (tt.mm is Finnish), and gives every label one meaning', () => {
    for (const key of ['atTime', 'followUpTimeInvalid', 'recallTimeInvalid']) expect(translate('sv', key)).toContain('hh.mm');
    expect(translate('fi', 'atTime')).toContain('tt.mm');
    // The advice the nurse gives is not the advice the consultant gave; a unit's level is not where the patient is sent.
    expect(translate('sv', 'advice')).not.toBe(translate('sv', 'consultAdvice'));
    expect(translate('sv', 'unit.advanced')).not.toBe(translate('sv', 'dispositionCareLevel'));
  });

  it('sends self-care with no timeframe and no transport, and a redirect only within the visit limit', () => {
    const advice = { ...EMPTY_DRAFTS, advice: 'Lepää.', safetyNet: 'Soita 112.', informed: true, careLevel: 'self-care' as const, within: 'PT2H', transport: 'taxi' as const };
    expect(decisionBody(advice, 'phone-advice', Date.now())).toEqual({ body: { kind: 'phone-advice', advice: 'Lepää.', safetyNet: 'Soita 112.', patientInformed: true, careLevel: 'self-care' } });
    const redirect = { ...EMPTY_DRAFTS, target: 'oulu-home-care', handoffNote: 'Käynti.', informed: true, careLevel: 'social-care' as const, within: 'P3D', transport: 'none' as const };
    expect(decisionBody(redirect, 'redirect', Date.now(), 24)).toEqual({ missing: 'withinBeyondVisitLimit', values: { hours: 24 } });
    expect(decisionBody({ ...redirect, within: 'P1D' }, 'redirect', Date.now(), 24)).toMatchObject({ body: { within: 'P1D' } });
    for (const language of ['fi', 'sv'] as const) expect(translate(language, 'reason.timeframe-beyond-visit-limit')).not.toBe('reason.timeframe-beyond-visit-limit');
  });

  it('once a unit is on its way, leaves red only what still calls to act now', () => {
    const flags = ['unreachable', 's2-alert', 'repeat-call', 'unit-overdue', 'red-flags'];
    expect(flagsWithUnit(flags, true)).toEqual({ urgent: ['repeat-call', 'unit-overdue'], answered: ['unreachable', 's2-alert', 'red-flags'] });
    expect(flagsWithUnit(flags, false)).toEqual({ urgent: flags, answered: [] });
  });

  it("says a list's time by the clock today, with the date on any other day (item 8)", () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const t = (language: 'fi' | 'sv' | 'en') => (key: string, values?: Record<string, string | number>) => translate(language, key, values);
    expect(whenText('2026-12-01T06:05:00Z', now, 'fi', t('fi'))).toBe('klo 08.05');
    expect(whenText('2026-12-01T06:05:00Z', now, 'sv', t('sv'))).toBe('kl. 08.05');
    expect(whenText('2026-11-30T19:01:00Z', now, 'fi', t('fi'))).toBe('30.11.2026 klo 21.01');
    expect(whenText('2026-11-30T19:01:00Z', now, 'sv', t('sv'))).toBe('30.11.2026 kl. 21.01');
    // Just after midnight in Helsinki (22.30 UTC the day before) is already the next day.
    expect(whenText('2026-11-30T21:55:00Z', now, 'fi', t('fi'))).toBe('30.11.2026 klo 23.55');
    expect(whenText('2026-11-30T22:30:00Z', now, 'fi', t('fi'))).toBe('klo 00.30');
  });
});
