import { Consultant } from '@dtask/events';
import { Random } from './random';

/**
 * The share of assessed tasks on which the nurse consults before deciding: "a few %" (issue 14).
 * Our assumption; no public figure for the Oulu centre. Most consults go to the EMS physician on
 * duty (ensihoitolääkäri), some to the on-call doctor of the health centre, a few to the field
 * commander (whether a unit is near).
 */
export const CONSULT_SHARE = 0.04;
const CONSULTANTS: readonly (readonly [Consultant, number])[] = [['ems-physician', 65], ['on-call-doctor', 25], ['field-commander', 10]];

/** Minutes until the consultant calls back and the nurse records the advice. */
export const CONSULT_MINUTES = [3, 15] as const;

/** What a consulted person is asked and answers, in the nurse's words. */
const QUESTIONS: Record<Consultant, readonly (readonly [question: string, advice: string])[]> = {
  'ems-physician': [
    ['Antikoagulaatio ja kaatuminen, pään iskua ei muista', 'Päivystysarvio neljän tunnin sisällä, ei kiireellistä kuljetusta'],
    ['Kuumeinen iäkäs, ei sekavuutta', 'Kotiin, uusi soitto illalla, 112 jos sekavuutta'],
    ['Hengästyy rasituksessa, levossa ei, yksin kotona', 'Yksikkö D-kiireellisyydellä'],
  ],
  'on-call-doctor': [
    ['Lääkityksen muutos ja huimaus', 'Terveysasemalle huomenna, lääkitys ennallaan'],
    ['Virtsatieinfektion oireet, kotihoidon asiakas', 'Kotihoito ottaa näytteen tänään'],
  ],
  'field-commander': [['Onko yksikköä lähellä, potilas yksin kotona', 'Lähin yksikkö vapautuu puolessa tunnissa']],
};

export function consult(random: Random): { consultant: Consultant; question: string; advice: string } {
  const consultant = random.weighted(CONSULTANTS);
  const [question, advice] = random.pick(QUESTIONS[consultant]);
  return { consultant, question, advice };
}
