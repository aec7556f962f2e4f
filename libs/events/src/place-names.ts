/**
 * The region's municipalities that have an official Swedish name; every other one is called by its
 * Finnish name in Swedish too, and Finnish and English use the Finnish names. The console and the
 * record of care both read this list, so a place is named alike on the screen and in the record.
 */
const SWEDISH: Record<string, string> = {
  Oulu: 'Uleåborg',
  Hailuoto: 'Karlö',
  Raahe: 'Brahestad',
  Ii: 'Ijo',
  Liminka: 'Limingo',
};

/** A municipality as the language names it: `Uleåborg` in Swedish, `Oulu` otherwise. */
export function placeName(name: string, language: 'en' | 'fi' | 'sv'): string {
  return language === 'sv' ? (SWEDISH[name] ?? name) : name;
}
