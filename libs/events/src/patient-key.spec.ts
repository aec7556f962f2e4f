import { normalisedPhone, patientKey, patientKeyOfIntake } from './patient-key';

describe('patient key', () => {
  it.each(['+358407654321', '+358 40 765 4321', '+358-40-765 4321', '040 765 4321', '040-7654321', '(040) 765 4321', '00358 40 765 4321', '+358 (0)40 765 4321'])(
    'reads %s as one Finnish number',
    (written) => expect(normalisedPhone(written)).toBe('+358407654321'),
  );

  it('keeps a foreign number and a number with no prefix apart from the Finnish one', () => {
    expect(normalisedPhone('+46 70 765 4321')).toBe('+46707654321');
    expect(normalisedPhone('765 4321')).toBe('7654321');
  });

  it('is the identity code when the ERC gave one, else the number', () => {
    expect(patientKey('010142-123A', '040 765 4321')).toBe('pid:010142-123A');
    expect(patientKey(undefined, '040 765 4321')).toBe('tel:+358407654321');
    expect(patientKey(undefined, undefined)).toBeUndefined();
  });

  it('reads an intake’s data', () => {
    expect(patientKeyOfIntake({ patient: { ageYears: 4 }, callbackPhone: '+358 40 765 4321' })).toBe('tel:+358407654321');
    expect(patientKeyOfIntake({ patient: { personId: '010142-123A' } })).toBe('pid:010142-123A');
    expect(patientKeyOfIntake({})).toBeUndefined();
  });
});
