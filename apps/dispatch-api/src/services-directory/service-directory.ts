import { readFileSync } from 'node:fs';
import { DEFAULT_DIRECTORY, servesMunicipality, servicesServing } from '@dtask/domain';
import { ServiceKind } from '@dtask/events';
import { z } from 'zod';

const RedirectServiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(1).max(200),
  /** Its official Swedish name, if it has one; else Swedish shows `name`. */
  nameSv: z.string().min(1).max(200).optional(),
  kind: ServiceKind,
  /** Municipalities served; omitted means the whole region. */
  municipalities: z.array(z.string().min(1).max(64)).min(1).optional(),
});
export type RedirectService = z.infer<typeof RedirectServiceSchema>;

const DirectoryFileSchema = z.object({ services: z.array(RedirectServiceSchema).min(1) });

/** Defaults for the Oulu pilot region live in libs/domain, so the simulator and the year generator redirect as the service allows. */
export const OULU_AREA_SERVICES: RedirectService[] = DEFAULT_DIRECTORY;

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

  /** Whether the service takes patients of this municipality, as the simulator's redirects judge it too. */
  serves(service: RedirectService, municipality: string): boolean {
    return servesMunicipality(service, municipality);
  }

  /** The redirect targets a nurse may offer a patient of this municipality, in directory order. */
  servingMunicipality(municipality: string): RedirectService[] {
    return servicesServing(this.services, municipality);
  }
}
