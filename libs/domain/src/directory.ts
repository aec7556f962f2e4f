import { municipalitiesOf, municipalityKey, RegionArea, ServiceKind } from '@dtask/events';

/** A receiving service of the directory: who may take a redirect, and for which municipalities. */
export interface DirectoryService {
  id: string;
  name: string;
  /**
   * Its official Swedish name, where it has one (the national helpline). A monolingual Finnish
   * municipality's services are named in Finnish only, so Swedish shows that name too.
   */
  nameSv?: string;
  kind: ServiceKind;
  /** Municipalities served; omitted means the whole region. */
  municipalities?: string[];
}

/** Oulu's own hospital-at-home reaches Kempele, Liminka and Muhos of the southern area too. */
const OULU_HOSPITAL_AT_HOME = ['Oulu', 'Hailuoto', 'Kempele', 'Liminka', 'Muhos'];

/** One area's home care, mental-health and substance services, health stations and hospital-at-home. */
function areaServices(idPrefix: string, genitive: string, area: RegionArea, hospitalAtHome = municipalitiesOf(area)): DirectoryService[] {
  return [
    { id: `${idPrefix}-home-care`, name: `${genitive} kotihoito`, kind: 'home-care', municipalities: municipalitiesOf(area) },
    { id: `${idPrefix}-mental-health-substance`, name: `${genitive} mielenterveys- ja päihdepalvelut`, kind: 'mental-health', municipalities: municipalitiesOf(area) },
    { id: `${idPrefix}-primary-care`, name: `${genitive} terveysasemat`, kind: 'primary-care', municipalities: municipalitiesOf(area) },
    { id: `${idPrefix}-hospital-at-home`, name: `${genitive} kotisairaala`, kind: 'hospital-at-home', municipalities: hospitalAtHome },
  ];
}

/**
 * Defaults for the Oulu pilot region (North Ostrobothnia); a county replaces them with
 * SERVICES_FILE. Every municipality of the region has home care, hospital-at-home, mental-health
 * and substance services and a health station of its own area; social services on call and the
 * helpline 116117 serve the whole region. The pilot's first services keep their ids and order.
 */
export const DEFAULT_DIRECTORY: DirectoryService[] = [
  { id: 'oulu-home-care', name: 'Oulun kotihoito', kind: 'home-care', municipalities: municipalitiesOf('Oulu-Hailuoto') },
  { id: 'oulu-hospital-at-home', name: 'Oulun kotisairaala', kind: 'hospital-at-home', municipalities: OULU_HOSPITAL_AT_HOME },
  { id: 'pohde-social-on-call', name: 'Pohjois-Pohjanmaan sosiaali- ja kriisipäivystys', kind: 'social-on-call' },
  { id: 'oulu-mental-health-substance', name: 'Oulun mielenterveys- ja päihdepalvelut', kind: 'mental-health', municipalities: municipalitiesOf('Oulu-Hailuoto') },
  { id: 'oulu-primary-care', name: 'Oulun terveysasemat', kind: 'primary-care', municipalities: municipalitiesOf('Oulu-Hailuoto') },
  { id: 'helpline-116117', name: 'Päivystysapu 116117', nameSv: 'Jourhjälpen 116117', kind: 'helpline' },
  ...areaServices(
    'oulun-etelainen',
    'Oulun eteläisen alueen',
    'Oulun eteläinen',
    municipalitiesOf('Oulun eteläinen').filter((municipality) => !OULU_HOSPITAL_AT_HOME.includes(municipality)),
  ),
  ...areaServices('oulunkaari', 'Oulunkaaren', 'Oulunkaari'),
  ...areaServices('selanne', 'Selänteen', 'Selänne'),
  ...areaServices('raahe', 'Raahen seudun', 'Raahe'),
  ...areaServices('koillismaa', 'Koillismaan', 'Koillismaa'),
  ...areaServices('jokilaaksot', 'Jokilaaksojen', 'Jokilaaksot'),
];

/** Whether a service takes patients of a municipality; a service without a list serves the whole region. */
export function servesMunicipality(service: Pick<DirectoryService, 'municipalities'>, municipality: string): boolean {
  const key = municipalityKey(municipality);
  return !service.municipalities || service.municipalities.some((served) => municipalityKey(served) === key);
}

/** The services of a directory that serve a municipality, in directory order. */
export function servicesServing<S extends DirectoryService>(services: readonly S[], municipality: string): S[] {
  return services.filter((service) => servesMunicipality(service, municipality));
}
