import type { Language } from './area';

/**
 * The region's municipalities that have an official Swedish name; every other one is called by its
 * Finnish name in Swedish too, and Finnish and English use the Finnish names. (The EMS areas'
 * names are the wall's words, `wall.area.*`.)
 */
const SWEDISH: Record<string, string> = {
  Oulu: 'Uleåborg',
  Hailuoto: 'Karlö',
  Raahe: 'Brahestad',
  Ii: 'Ijo',
  Liminka: 'Limingo',
};

/** A municipality as the language names it: `Uleåborg` in Swedish, `Oulu` otherwise. */
export function placeName(name: string, language: Language): string {
  return language === 'sv' ? (SWEDISH[name] ?? name) : name;
}

/** A receiving service by its name in the language: its official Swedish one where it has one (Jourhjälpen 116117). */
export function serviceNameIn(service: { name: string; nameSv?: string }, language: Language): string {
  return language === 'sv' ? (service.nameSv ?? service.name) : service.name;
}
