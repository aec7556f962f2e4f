/**
 * How nurses decide, by weight, in the generator and the HTTP simulator alike. A first decision:
 * advice ≈ 45 %, a redirect ≈ 25 %, a unit ≈ 30 % (the centre's expected mix: a third to half of
 * D-tasks resolved without a unit, domain.md). After a consult it leans to a unit: the nurse asked
 * because she was unsure. After a referral came back (declined, failed or unreported), a unit
 * about half the time, advice to the ED or the health centre, now and then another service.
 */
export const DECISION_MIX = [['phone-advice', 45], ['redirect', 25], ['send-unit', 30]] as const;
export const AFTER_CONSULT = [['phone-advice', 40], ['redirect', 20], ['send-unit', 40]] as const;
export const AFTER_RETURNED_REFERRAL = [['phone-advice', 40], ['redirect', 10], ['send-unit', 50]] as const;
