/**
 * The municipalities of the first region (North Ostrobothnia), as the ERC writes them on an intake.
 * The same names as `REGION_AREAS` of libs/domain region.ts and the service directory's: this
 * library cannot import the domain (the domain imports it), so command-bodies.spec.ts checks that
 * the lists stay equal.
 */
export const REGION_MUNICIPALITIES = [
  'Oulu', 'Hailuoto',
  'Haapavesi', 'Siikalatva', 'Pyhäntä', 'Kempele', 'Liminka', 'Lumijoki', 'Muhos', 'Tyrnävä',
  'Ii', 'Pudasjärvi', 'Utajärvi', 'Vaala',
  'Haapajärvi', 'Kärsämäki', 'Pyhäjärvi', 'Reisjärvi',
  'Raahe', 'Pyhäjoki', 'Siikajoki',
  'Kuusamo', 'Taivalkoski',
  'Alavieska', 'Kalajoki', 'Merijärvi', 'Nivala', 'Oulainen', 'Sievi', 'Ylivieska',
] as const;

/** Names compare as the ERC may write them: any case, stray spaces (as the directory compares them). */
const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
const BY_KEY = new Map<string, string>(REGION_MUNICIPALITIES.map((name) => [key(name), name]));

/** The region's own spelling of a municipality, or undefined for a name that is not one of them. */
export function regionMunicipality(name: string): string | undefined {
  return BY_KEY.get(key(name));
}
