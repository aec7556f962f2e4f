/**
 * The first region, North Ostrobothnia: EMS areas, their municipalities and rough populations
 * (thousands, for weighting simulated traffic). Kempele, Liminka, Lumijoki, Muhos and Tyrnävä are
 * counted in "Oulun eteläinen": an assumption a county can change.
 */
export const REGION_AREAS: Record<string, Record<string, number>> = {
  'Oulu-Hailuoto': { Oulu: 215, Hailuoto: 1 },
  'Oulun eteläinen': { Haapavesi: 7, Siikalatva: 5, Pyhäntä: 1.5, Kempele: 19, Liminka: 10, Lumijoki: 2, Muhos: 9, Tyrnävä: 7 },
  Oulunkaari: { Ii: 10, Pudasjärvi: 8, Utajärvi: 2.6, Vaala: 2.8 },
  Selänne: { Haapajärvi: 7, Kärsämäki: 2.4, Pyhäjärvi: 5, Reisjärvi: 2.7 },
  Raahe: { Raahe: 24, Pyhäjoki: 3, Siikajoki: 5 },
  Koillismaa: { Kuusamo: 15, Taivalkoski: 3.8 },
  Jokilaaksot: { Alavieska: 2.5, Kalajoki: 12, Merijärvi: 1, Nivala: 10, Oulainen: 7, Sievi: 5, Ylivieska: 15 },
};

export const OTHER_AREA = 'muu';

const AREA_OF = new Map(
  Object.entries(REGION_AREAS).flatMap(([area, municipalities]) => Object.keys(municipalities).map((m) => [m.toLocaleLowerCase('fi'), area])),
);

export function areaOf(municipality: string): string {
  return AREA_OF.get(municipality.trim().toLocaleLowerCase('fi')) ?? OTHER_AREA;
}

/** ERC task codes that can be class D (domain.md); configuration, with this default. */
export const D_TASK_CODES = ['703', '704', '744', '745', '762', '763', '764', '772', '773', '774', '775', '781', '782', '783', '784', '785', '786', '793', '794'];
