import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ServiceKindSchema = z.enum(['home-care', 'hospital-at-home', 'social-on-call', 'mental-health', 'primary-care', 'helpline']);

export const RedirectServiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(1).max(200),
  kind: ServiceKindSchema,
  /** Municipalities served; omitted means the whole region. */
  municipalities: z.array(z.string().min(1).max(64)).optional(),
});
export type RedirectService = z.infer<typeof RedirectServiceSchema>;

const DirectoryFileSchema = z.object({ services: z.array(RedirectServiceSchema).min(1) });

/** Defaults for the Oulu pilot area; a county replaces them with SERVICES_FILE. */
export const OULU_AREA_SERVICES: RedirectService[] = [
  { id: 'oulu-home-care', name: 'Oulun kotihoito', kind: 'home-care', municipalities: ['Oulu', 'Hailuoto'] },
  { id: 'oulu-hospital-at-home', name: 'Oulun kotisairaala', kind: 'hospital-at-home', municipalities: ['Oulu', 'Hailuoto', 'Kempele', 'Liminka', 'Muhos'] },
  { id: 'pohde-social-on-call', name: 'Pohjois-Pohjanmaan sosiaali- ja kriisipäivystys', kind: 'social-on-call' },
  { id: 'oulu-mental-health-substance', name: 'Oulun mielenterveys- ja päihdepalvelut', kind: 'mental-health', municipalities: ['Oulu', 'Hailuoto'] },
  { id: 'oulu-primary-care', name: 'Oulun terveysasemat', kind: 'primary-care', municipalities: ['Oulu', 'Hailuoto'] },
  { id: 'helpline-116117', name: 'Päivystysapu 116117', kind: 'helpline' },
];

export class ServiceDirectory {
  private readonly byId: Map<string, RedirectService>;

  constructor(readonly services: RedirectService[]) {
    this.byId = new Map(services.map((service) => [service.id, service]));
    if (this.byId.size !== services.length) throw new Error('service directory: duplicate service id');
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
}
