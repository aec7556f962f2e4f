import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ServiceKindSchema = z.enum(['home-care', 'hospital-at-home', 'social-on-call', 'mental-health', 'primary-care', 'helpline']);

export const RedirectServiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(1).max(200),
  kind: ServiceKindSchema,
  /** Municipalities served; omitted means the whole region. */
  municipalities: z.array(z.string().min(1).max(64)).min(1).optional(),
});
export type RedirectService = z.infer<typeof RedirectServiceSchema>;

const DirectoryFileSchema = z.object({ services: z.array(RedirectServiceSchema).min(1) });

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
function areaServices(idPrefix: string, genitive: string, municipalities: readonly string[]): RedirectService[] {
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
export const OULU_AREA_SERVICES: RedirectService[] = [
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

export class ServiceDirectory {
  private readonly byId: Map<string, RedirectService>;
  /** Per service, the municipalities it serves (normalised), or undefined for the whole region. */
  private readonly served: Map<string, ReadonlySet<string> | undefined>;

  constructor(readonly services: RedirectService[]) {
    this.byId = new Map(services.map((service) => [service.id, service]));
    if (this.byId.size !== services.length) throw new Error('service directory: duplicate service id');
    this.served = new Map(services.map((service) => [service.id, service.municipalities && new Set(service.municipalities.map(municipalityKey))]));
  }

  static fromFile(path: string): ServiceDirectory {
    const parsed = DirectoryFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`SERVICES_FILE ${path}: ${first?.path.join('.')}: ${first?.message}`);
    }
    return new ServiceDirectory(parsed.data.services);
  }

  find(id: string): RedirectService | undefined {
    return this.byId.get(id);
  }

  /** Whether the service takes patients of this municipality; a service without a list serves all. */
  serves(service: RedirectService, municipality: string): boolean {
    const served = this.served.get(service.id);
    return served === undefined || served.has(municipalityKey(municipality));
  }

  /** The redirect targets a nurse may offer a patient of this municipality, in directory order. */
  servingMunicipality(municipality: string): RedirectService[] {
    return this.services.filter((service) => this.serves(service, municipality));
  }
}
