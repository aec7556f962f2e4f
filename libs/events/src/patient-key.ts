/** Finland's country code: the service's callback numbers are Finnish unless written otherwise. */
const COUNTRY_CODE = '358';

/**
 * A callback number in one form, however the ERC writes it: spaces, dashes and brackets go, and a
 * Finnish national number (`040 765 4321`, or `+358 (0)40 …`) reads as the international one
 * (`+358407654321`). A number in neither form (no trunk 0, no country code) is kept as its digits.
 */
export function normalisedPhone(phone: string): string {
  const written = phone.trim();
  const digits = written.replace(/[^0-9]/g, '');
  let international: string | undefined;
  if (written.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = COUNTRY_CODE + digits.slice(1);
  if (international === undefined) return digits;
  // `+358 (0)40 …`: the national trunk 0 is never part of the international number.
  if (international.startsWith(`${COUNTRY_CODE}0`)) international = COUNTRY_CODE + international.slice(COUNTRY_CODE.length + 1);
  return `+${international}`;
}

/**
 * The one key of a patient, for S4, the earlier contacts, the measures and the analysts' pseudonym:
 * the personal identity code when the ERC gave one, else the callback number in one form. Undefined
 * when the task names neither.
 */
export function patientKey(personId: string | undefined, callbackPhone: string | undefined): string | undefined {
  if (personId) return `pid:${personId.trim().toUpperCase()}`;
  if (callbackPhone) return `tel:${normalisedPhone(callbackPhone)}`;
  return undefined;
}

/** The key of the patient an intake's data names (`patient.personId`, `callbackPhone`), read loosely. */
export function patientKeyOfIntake(data: { patient?: unknown; callbackPhone?: unknown }): string | undefined {
  const patient = typeof data.patient === 'object' && data.patient !== null ? (data.patient as { personId?: unknown }) : {};
  return patientKey(typeof patient.personId === 'string' ? patient.personId : undefined, typeof data.callbackPhone === 'string' ? data.callbackPhone : undefined);
}
