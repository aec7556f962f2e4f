import { ServiceKind } from '@dtask/events';

/** A receiving service of the directory: who may take a redirect, and for which municipalities. */
export interface DirectoryService {
  id: string;
  name: string;
  kind: ServiceKind;
  /** Municipalities served; omitted means the whole region. */
  municipalities?: string[];
}

/**
 * The region's municipalities by EMS area (as `libs/domain` region.ts groups them), so each area's
 * services below name exactly the municipalities they serve.
 */
const AREA_MUNICIPALITIES = {
  ouluHailuoto: ['Oulu', 'Hailuoto'],
  /** Kempele, Liminka, Muhos: Oulu's own hospital-at-home reaches them (below). */
  oulunEtelainen: ['Kempele', 'Liminka', 'Lumijoki', 'Muhos', 'Tyrnävä', 'Haapavesi', 'Siikalatva', 'Pyhäntä'],
  oulunkaari: ['Ii', 'Pudasjärvi', 'Utajärvi', 'Vaala'],
  selanne: ['Haapajärvi', 'Kärsämäki', 'Pyhäjärvi', 'Reisjärvi'],
  raahe: ['Raahe', 'Pyhäjoki', 'Siikajoki'],
  koillismaa: ['Kuusamo', 'Taivalkoski'],
  jokilaaksot: ['Alavieska', 'Kalajoki', 'Merijärvi', 'Nivala', 'Oulainen', 'Sievi', 'Ylivieska'],
} as const;

const OULU_HOSPITAL_AT_HOME = ['Oulu', 'Hailuoto', 'Kempele', 'Liminka', 'Muhos'];

/** One area's home care, mental-health and substance services and health stations. */
function areaServices(idPrefix: string, genitive: string, municipalities: readonly string[]): DirectoryService[] {
  return [
    { id: `${idPrefix}-home-care`, name: `${genitive} kotihoito`, kind: 'home-care', municipalities: [...municipalities] },
    { id: `${idPrefix}-mental-health-substance`, name: `${genitive} mielenterveys- ja päihdepalvelut`, kind: 'mental-health', municipalities: [...municipalities] },
    { id: `${idPrefix}-primary-care`, name: `${genitive} terveysasemat`, kind: 'primary-care', municipalities: [...municipalities] },
  ];
}

/**
 * Defaults for the Oulu pilot region (North Ostrobothnia); a county replaces them with
 * SERVICES_FILE. Every municipality of the region has home care, hospital-at-home, mental-health
 * and substance services and a health station of its own area; social services on call and the
 * helpline 116117 serve the whole region. The ids of the pilot's first services stay as they were.
 */
export const DEFAULT_DIRECTORY: DirectoryService[] = [
  { id: 'oulu-home-care', name: 'Oulun kotihoito', kind: 'home-care', municipalities: [...AREA_MUNICIPALITIES.ouluHailuoto] },
  { id: 'oulu-hospital-at-home', name: 'Oulun kotisairaala', kind: 'hospital-at-home', municipalities: OULU_HOSPITAL_AT_HOME },
  { id: 'pohde-social-on-call', name: 'Pohjois-Pohjanmaan sosiaali- ja kriisipäivystys', kind: 'social-on-call' },
  { id: 'oulu-mental-health-substance', name: 'Oulun mielenterveys- ja päihdepalvelut', kind: 'mental-health', municipalities: [...AREA_MUNICIPALITIES.ouluHailuoto] },
  { id: 'oulu-primary-care', name: 'Oulun terveysasemat', kind: 'primary-care', municipalities: [...AREA_MUNICIPALITIES.ouluHailuoto] },
  { id: 'helpline-116117', name: 'Päivystysapu 116117', kind: 'helpline' },

  ...areaServices('oulun-etelainen', 'Oulun eteläisen alueen', AREA_MUNICIPALITIES.oulunEtelainen),
  {
    id: 'oulun-etelainen-hospital-at-home',
    name: 'Oulun eteläisen alueen kotisairaala',
    kind: 'hospital-at-home',
    municipalities: AREA_MUNICIPALITIES.oulunEtelainen.filter((municipality) => !OULU_HOSPITAL_AT_HOME.includes(municipality)),
  },
  ...areaServices('oulunkaari', 'Oulunkaaren', AREA_MUNICIPALITIES.oulunkaari),
  { id: 'oulunkaari-hospital-at-home', name: 'Oulunkaaren kotisairaala', kind: 'hospital-at-home', municipalities: [...AREA_MUNICIPALITIES.oulunkaari] },
  ...areaServices('selanne', 'Selänteen', AREA_MUNICIPALITIES.selanne),
  { id: 'selanne-hospital-at-home', name: 'Selänteen kotisairaala', kind: 'hospital-at-home', municipalities: [...AREA_MUNICIPALITIES.selanne] },
  ...areaServices('raahe', 'Raahen seudun', AREA_MUNICIPALITIES.raahe),
  { id: 'raahe-hospital-at-home', name: 'Raahen seudun kotisairaala', kind: 'hospital-at-home', municipalities: [...AREA_MUNICIPALITIES.raahe] },
  ...areaServices('koillismaa', 'Koillismaan', AREA_MUNICIPALITIES.koillismaa),
  { id: 'koillismaa-hospital-at-home', name: 'Koillismaan kotisairaala', kind: 'hospital-at-home', municipalities: [...AREA_MUNICIPALITIES.koillismaa] },
  ...areaServices('jokilaaksot', 'Jokilaaksojen', AREA_MUNICIPALITIES.jokilaaksot),
  { id: 'jokilaaksot-hospital-at-home', name: 'Jokilaaksojen kotisairaala', kind: 'hospital-at-home', municipalities: [...AREA_MUNICIPALITIES.jokilaaksot] },
];

/** Municipality names compare as the ERC may write them: any case, stray spaces. */
export function municipalityKey(municipality: string): string {
  return municipality.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}

/** The services of a directory that serve a municipality. */
export function servicesServing<S extends DirectoryService>(services: readonly S[], municipality: string): S[] {
  const key = municipalityKey(municipality);
  return services.filter((service) => !service.municipalities || service.municipalities.some((served) => municipalityKey(served) === key));
}
