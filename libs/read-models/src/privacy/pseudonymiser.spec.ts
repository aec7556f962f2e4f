import { Pseudonymiser, PseudonymKey, weakKeyReason } from './pseudonymiser';

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

  it('keys a pseudonym as every earlier version did (p- and the first 24 hex digits of the HMAC-SHA256), so exports made before still link', () => {
    expect(pseudonymiser.pseudonym('pid:010142-123A')).toBe('p-9be81792f00b4ca9c33190ad');
    expect(pseudonymiser.patientRef('tel:+358401234567')).toBe('p-729fa2bfcbd9096548a75b71');
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

  it('gives a phone the same pseudonym however it is written', () => {
    const withPhone = (callbackPhone: string) => ({ ...received, data: { ...received.data, patient: { ageYears: 84 }, callbackPhone } });
    const ref = (callbackPhone: string) => (pseudonymiser.event(withPhone(callbackPhone)).data as unknown as { patient: { ref: string } }).patient.ref;
    const refs = new Set(['+358401234567', '+358 40 123 4567', '+358-40-123 4567', '+358 (40) 1234567'].map(ref));
    expect(refs.size).toBe(1);
    expect(ref('+358409999999')).not.toBe(ref('+358401234567'));
  });

  it('keeps only the fields its schema classifies: a field the schema does not know is dropped', () => {
    const claimed = pseudonymiser.event({ type: 'DTaskClaimed', data: { nurseId: 'nurse-anna', note: 'Maija Meikäläinen called' }, metadata: { actor: { id: 'x', role: 'nurse' }, note: 'Maija' } });
    expect(JSON.stringify(claimed)).not.toContain('Maija');
    expect(claimed.data).toEqual({ nurseId: pseudonymiser.staffPseudonym('nurse-anna') });
    const patient = (pseudonymiser.event({ ...received, data: { ...received.data, patient: { ...received.data.patient, nickname: 'Maikki' } } }).data as { patient: object }).patient;
    expect(Object.keys(patient).sort()).toEqual(['ageYears', 'ref', 'sex']);
  });

  it('shows nothing of the data of an event type it does not know', () => {
    expect(pseudonymiser.event({ type: 'PatientPhoned', data: { words: 'Maija' }, metadata: {} }).data).toEqual({});
  });

  it('keeps the envelope’s classified metadata, never its reason', () => {
    const metadata = { eventId: 'e1', correlationId: 'c1', causationId: 'k1', commandType: 'Claim', actor: { id: 'system', role: 'system' }, occurredAt: 't', schemaVersion: 1, reason: 'Maija' };
    expect(pseudonymiser.event({ type: 'DTaskClaimed', data: {}, metadata }).metadata).toEqual({ ...metadata, reason: undefined });
  });

  it('replaces staff ids by stable pseudonyms of the same key, and keeps the system actor', () => {
    const claimed = pseudonymiser.event({ type: 'DTaskClaimed', data: { nurseId: 'nurse-anna' }, metadata: { actor: { id: 'nurse-anna', role: 'nurse' }, reason: 'x' } });
    const accepted = pseudonymiser.event({ type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'kotihoito-maija' }, metadata: { actor: { id: 'kotihoito-maija', role: 'partner' } } });
    const timedOut = pseudonymiser.event({ type: 'HandoffTimedOut', data: { target: 'oulu-home-care' }, metadata: { actor: { id: 'system', role: 'system' } } });
    const text = JSON.stringify([claimed, accepted, timedOut]);
    for (const name of ['nurse-anna', 'kotihoito-maija']) expect(text).not.toContain(name);
    const anna = pseudonymiser.staffPseudonym('nurse-anna');
    expect(anna).toMatch(/^s-[0-9a-f]{24}$/);
    expect(claimed).toMatchObject({ data: { nurseId: anna }, metadata: { actor: { id: anna, role: 'nurse' } } });
    expect(accepted).toMatchObject({ data: { target: 'oulu-home-care', partnerId: pseudonymiser.staffPseudonym('kotihoito-maija') }, metadata: { actor: { role: 'partner' } } });
    expect(timedOut.metadata).toEqual({ actor: { id: 'system', role: 'system' } });
    expect(new Pseudonymiser('k'.repeat(32)).staffPseudonym('nurse-anna')).toBe(anna);
    expect(new Pseudonymiser('x'.repeat(32)).staffPseudonym('nurse-anna')).not.toBe(anna);
    expect(pseudonymiser.staffPseudonym('nurse-ben')).not.toBe(anna);
  });
});

describe('PseudonymKey', () => {
  it.each([
    ['a'.repeat(32), /16 different characters/],
    ['ab'.repeat(32), /16 different characters/],
    ['0123456789abcde'.repeat(3), /16 different characters/],
    ['short', /at least 32 bytes/],
    ['x'.repeat(31), /at least 32 bytes/],
  ])('refuses the weak key %j', (key, reason) => {
    expect(weakKeyReason(key)).toMatch(reason);
    expect(PseudonymKey.safeParse(key).success).toBe(false);
  });

  it('accepts a random key', () => {
    expect(PseudonymKey.parse('county-secret-pseudonym-key-0123456789')).toBe('county-secret-pseudonym-key-0123456789');
    expect(weakKeyReason('Zq8#vR2m!Lx9pT4w@Kc7nB1y$Hd6fJ3s')).toBeUndefined();
  });
});
