import type { Language } from './area';

/** The municipalities' Swedish names are one list with the record of care's (libs/events). */
export { placeName } from '../../../../libs/events/src/place-names';

/** A receiving service by its name in the language: its official Swedish one where it has one (Jourhjälpen 116117). */
export function serviceNameIn(service: { name: string; nameSv?: string }, language: Language): string {
  return language === 'sv' ? (service.nameSv ?? service.name) : service.name;
}
