import { Pseudonymiser } from './pseudonymiser';

const received = {
  type: 'DTaskReceived',
  data: {
    taskId: 't1', ercTaskId: 'E1', receivedAt: '2026-11-22T10:00:00+02:00', taskCode: '745', urgency: 'D',
    municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1 A 2', location: { lat: 65.01, lon: 25.47 },
    patient: { ageYears: 84, sex: 'female', personId: '010142-123A' }, callbackPhone: '+358401234567',
    ercNotes: 'Maija Meikäläinen, kaatunut',
  },
  metadata: { eventId: 'e', actor: { id: 'erc', role: 'erc' }, reason: 'Maija called' },
};

describe('Pseudonymiser', () => {
  const pseudonymiser = new Pseudonymiser('k'.repeat(32));

  it('removes identity code, phone, address, location and free text', () => {
    const text = JSON.stringify(pseudonymiser.event(received));
    for (const secret of ['010142-123A', '+358401234567', 'Isokatu', 'Maija', '65.01']) expect(text).not.toContain(secret);
    expect(text).toContain('"ageYears":84');
    expect(text).toContain('"municipality":"Oulu"');
  });

  it('gives the same person the same pseudonym and another key another one', () => {
    const again = { ...received, data: { ...received.data, taskId: 't2', callbackPhone: '+358409999999' } };
    const ref = (event: typeof received, p = pseudonymiser) =>
      (p.event(event).data as unknown as { patient: { ref: string } }).patient.ref;
    expect(ref(again)).toBe(ref(received));
    expect(ref(received, new Pseudonymiser('x'.repeat(32)))).not.toBe(ref(received));
  });

  it('gives a person the same pseudonym after many others have pushed them out of its memory', () => {
    const fresh = new Pseudonymiser('k'.repeat(32));
    const first = fresh.pseudonym('pid:010142-123A');
    const others = new Set(Array.from({ length: 12_000 }, (_, i) => fresh.pseudonym(`tel:+35840${i}`)));
    expect(others.size).toBe(12_000);
    expect(fresh.pseudonym('pid:010142-123A')).toBe(first);
    expect(new Pseudonymiser('k'.repeat(32)).pseudonym('pid:010142-123A')).toBe(first);
  });

  it('keeps enumerated reasons and drops free-text ones', () => {
    const unit = pseudonymiser.event({ type: 'UnitRequested', data: { reason: 'unreachable', unitLevel: 'basic' }, metadata: {} });
    expect(unit.data).toEqual({ reason: 'unreachable', unitLevel: 'basic' });
    const cancel = pseudonymiser.event({ type: 'DTaskCancelled', data: { reason: 'Maija feels fine' }, metadata: {} });
    expect(cancel.data).toEqual({});
  });
});
