import { EventData } from '@dtask/events';
import { Random } from './random';

/** What the ERC sends of a task while it is open (`POST /api/d-tasks/{id}/erc-update`), in its operators' words. */
export type ErcUpdate = EventData<'ErcUpdateReceived'>;

/** New information: most often a note, now and then a corrected number or address. */
export function newInformation(random: Random): ErcUpdate {
  const what = random.weighted([['notes', 60], ['callbackPhone', 20], ['address', 20]] as const);
  if (what === 'callbackPhone') return { kind: 'new-information', callbackPhone: `+35850${String(random.int(0, 9_999_999)).padStart(7, '0')}`, notes: 'omaisen numero' };
  if (what === 'address') return { kind: 'new-information', address: `Simulaatiokatu ${random.int(1, 120)} B ${random.int(1, 40)}`, notes: 'osoite tarkentunut' };
  return { kind: 'new-information', notes: random.pick(['omainen soitti: oksentanut kahdesti', 'kotihoito paikalla', 'ovikoodi 1234', 'lääkelista omaisella', 'potilas kuulee huonosti']) };
}

/** The patient or a relative called 112 again while waiting. */
export function repeatCall(random: Random): ErcUpdate {
  return { kind: 'repeat-call', notes: random.pick(['soitti uudelleen, kysyy milloin soitetaan', 'omainen soitti uudelleen, huolissaan', 'soitti uudelleen, vointi ennallaan']) };
}

/** The ERC judged a new call more urgent: raised to B or C, it dispatches itself. */
export function urgencyRaised(random: Random): ErcUpdate {
  return { kind: 'urgency-changed', urgency: random.weighted([['C', 3], ['B', 1]] as const), notes: random.pick(['uusi soitto: hengenahdistusta', 'uusi soitto: rintakipua', 'uusi soitto: ei herätettävissä kunnolla']) };
}
