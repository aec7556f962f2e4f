/**
 * The first region, North Ostrobothnia: EMS areas, their municipalities and rough populations
 * (thousands, for weighting simulated traffic). Kempele, Liminka, Lumijoki, Muhos and Tyrnävä are
 * counted in "Oulun eteläinen": an assumption a county can change. The intake's check, the areas,
 * the service directory, the simulator and the console all read this one list; it is zod-free, so
 * the console bundles it as it is.
 */
export const REGION_AREAS = {
  'Oulu-Hailuoto': { Oulu: 215, Hailuoto: 1 },
  'Oulun eteläinen': { Haapavesi: 7, Siikalatva: 5, Pyhäntä: 1.5, Kempele: 19, Liminka: 10, Lumijoki: 2, Muhos: 9, Tyrnävä: 7 },
  Oulunkaari: { Ii: 10, Pudasjärvi: 8, Utajärvi: 2.6, Vaala: 2.8 },
  Selänne: { Haapajärvi: 7, Kärsämäki: 2.4, Pyhäjärvi: 5, Reisjärvi: 2.7 },
  Raahe: { Raahe: 24, Pyhäjoki: 3, Siikajoki: 5 },
  Koillismaa: { Kuusamo: 15, Taivalkoski: 3.8 },
  Jokilaaksot: { Alavieska: 2.5, Kalajoki: 12, Merijärvi: 1, Nivala: 10, Oulainen: 7, Sievi: 5, Ylivieska: 15 },
} satisfies Record<string, Record<string, number>>;
export type RegionArea = keyof typeof REGION_AREAS;

/** The area of a municipality outside the region. */
export const OTHER_AREA = 'muu';

/** ERC task codes that can be class D (domain.md); configuration, with this default. */
export const D_TASK_CODES = ['703', '704', '744', '745', '762', '763', '764', '772', '773', '774', '775', '781', '782', '783', '784', '785', '786', '793', '794'];

/** The municipalities of one area, in the region's own spelling. */
export function municipalitiesOf(area: RegionArea): string[] {
  return Object.keys(REGION_AREAS[area]);
}

/** Every municipality of the region, area by area, as the ERC writes them on an intake. */
export const REGION_MUNICIPALITIES: readonly string[] = (Object.keys(REGION_AREAS) as RegionArea[]).flatMap(municipalitiesOf);

/** Municipality names compare as the ERC may write them: any case, stray spaces. */
export function municipalityKey(municipality: string): string {
  return municipality.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}

const BY_KEY = new Map<string, { name: string; area: RegionArea }>(
  (Object.keys(REGION_AREAS) as RegionArea[]).flatMap((area) => municipalitiesOf(area).map((name) => [municipalityKey(name), { name, area }] as const)),
);

/** The region's own spelling of a municipality, or undefined for a name that is not one of them. */
export function regionMunicipality(name: string): string | undefined {
  return BY_KEY.get(municipalityKey(name))?.name;
}

/** The EMS area of a municipality; `muu` outside the region. */
export function areaOf(municipality: string): string {
  return BY_KEY.get(municipalityKey(municipality))?.area ?? OTHER_AREA;
}
