/**
 * Municipality → EMS area of North Ostrobothnia, the first region. Areas are the breakdown key of
 * the queue and the reports. Kempele, Liminka, Lumijoki, Muhos and Tyrnävä are counted with
 * "Oulun eteläinen" here; that grouping is an assumption a county can change.
 */
const AREAS: Record<string, string[]> = {
  'Oulu-Hailuoto': ['Oulu', 'Hailuoto'],
  'Oulun eteläinen': ['Haapavesi', 'Siikalatva', 'Pyhäntä', 'Kempele', 'Liminka', 'Lumijoki', 'Muhos', 'Tyrnävä'],
  Oulunkaari: ['Ii', 'Pudasjärvi', 'Utajärvi', 'Vaala'],
  Selänne: ['Haapajärvi', 'Kärsämäki', 'Pyhäjärvi', 'Reisjärvi'],
  Raahe: ['Raahe', 'Pyhäjoki', 'Siikajoki'],
  Koillismaa: ['Kuusamo', 'Taivalkoski'],
  Jokilaaksot: ['Alavieska', 'Kalajoki', 'Merijärvi', 'Nivala', 'Oulainen', 'Sievi', 'Ylivieska'],
};

export const OTHER_AREA = 'muu';

const AREA_OF = new Map(Object.entries(AREAS).flatMap(([area, municipalities]) => municipalities.map((m) => [m.toLocaleLowerCase('fi'), area])));

export function areaOf(municipality: string): string {
  return AREA_OF.get(municipality.trim().toLocaleLowerCase('fi')) ?? OTHER_AREA;
}

export const AREA_MUNICIPALITIES = AREAS;
