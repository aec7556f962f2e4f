import { StoredEvent } from '@dtask/events';
import { referralOf } from './referral';

const taskId = '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21';
let revision = 0;
const event = (type: string, data: Record<string, unknown>, minute: number): StoredEvent =>
  ({
    position: String(revision + 1),
    streamId: `dtask-${taskId}`,
    revision: revision++,
    type,
    data,
    metadata: { occurredAt: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`, schemaVersion: 1 },
  }) as unknown as StoredEvent;

const received = event('DTaskReceived', {
  taskId, municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', callbackPhone: '+358401234567',
  patient: { ageYears: 84, sex: 'female', personId: '010142-123A' }, ercNotes: 'huimausta',
}, 0);
const assessed = (symptoms: string, minute: number) => event('AssessmentRecorded', { redFlags: [], concern: false, symptoms, existingServices: [], notes: '' }, minute);
const redirected = (target: string, minute: number, extra: Record<string, unknown> = {}) =>
  event('RedirectRequested', { target, targetKind: 'home-care', handoffNote: `note ${minute}`, patientInformed: true, handoffDeadline: `2026-12-01T11:${String(minute).padStart(2, '0')}:00.000Z`, ...extra }, minute);

describe('the referral package from a task stream', () => {
  it('takes the newest assessment and redirect, and never the identity code', () => {
    const referral = referralOf(taskId, [received, assessed('first', 2), redirected('oulu-primary-care', 3), assessed('kaatunut', 5), redirected('oulu-home-care', 6)], 'oulu-home-care');
    expect(referral).toEqual({
      taskId, reason: 'kaatunut', handoffNote: 'note 6', answerBy: '2026-12-01T11:06:00.000Z', status: 'awaiting-handoff', redirectedAt: '2026-12-01T10:06:00.000Z',
      patient: { ageYears: 84, sex: 'female' }, callbackPhone: '+358401234567', address: 'Isokatu 1', municipality: 'Oulu', area: 'Oulu-Hailuoto',
      deadline: '2026-12-01T11:06:00.000Z', ageYears: 84,
    });
    expect(JSON.stringify(referral)).not.toContain('010142-123A');
  });

  it('tells the patient’s language and an interpreter as the last assessment that told them did', () => {
    const swedish = event('AssessmentRecorded', { redFlags: [], concern: false, symptoms: 'yrsel', existingServices: [], notes: '', language: 'sv', interpreter: true }, 2);
    const referral = referralOf(taskId, [received, swedish, assessed('yrsel, föll', 4), redirected('oulu-home-care', 5)], 'oulu-home-care');
    expect(referral).toMatchObject({ language: 'sv', interpreter: true });
    const untold = referralOf(taskId, [received, assessed('x', 2), redirected('oulu-home-care', 3)], 'oulu-home-care');
    expect(untold).not.toHaveProperty('language');
    expect(untold).not.toHaveProperty('interpreter');
  });

  it('is not another service’s', () => {
    expect(referralOf(taskId, [received, assessed('x', 2), redirected('oulu-primary-care', 3)], 'oulu-home-care')).toBeUndefined();
  });

  it('carries the decision’s reason, care level and timeframe when it has them', () => {
    const referral = referralOf(taskId, [received, assessed('oire', 2), redirected('oulu-home-care', 3, { reason: 'needs a visit', careLevel: 'social-care', within: 'PT2H' })], 'oulu-home-care');
    expect(referral).toMatchObject({ reason: 'needs a visit', careLevel: 'social-care', within: 'PT2H' });
  });

  it('tells an accepted referral by its visit limit (v1.1)', () => {
    const visit = { target: 'oulu-home-care', partnerId: 'p', acceptedAt: '2026-12-01T10:10:00.000Z', visitBy: '2026-12-02T10:10:00.000Z' };
    expect(referralOf(taskId, [received, assessed('oire', 2), redirected('oulu-home-care', 3)], 'oulu-home-care', visit)).toMatchObject({
      status: 'awaiting-visit', acceptedAt: visit.acceptedAt, visitBy: visit.visitBy,
    });
  });

  it('falls back to the ERC notes when the assessment has no symptoms written', () => {
    expect(referralOf(taskId, [received, assessed('  ', 2), redirected('oulu-home-care', 3)], 'oulu-home-care')?.reason).toBe('huimausta');
  });

  it('gives the callback number and address as the ERC last corrected them', () => {
    const update = event('ErcUpdateReceived', { kind: 'new-information', callbackPhone: '+358409999999', address: 'Uusikatu 2' }, 4);
    const notes = event('ErcUpdateReceived', { kind: 'new-information', notes: 'tytär paikalla' }, 5);
    expect(referralOf(taskId, [received, assessed('oire', 2), update, notes, redirected('oulu-home-care', 6)], 'oulu-home-care')).toMatchObject({
      callbackPhone: '+358409999999',
      address: 'Uusikatu 2',
    });
  });
});
