import { z } from 'zod';

export const ROLES = ['erc', 'nurse', 'supervisor', 'partner', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. `service` names a partner's service id. */
export interface Actor {
  id: string;
  role: Role;
  service?: string;
}

export const ActorClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  service: z.string().min(1).max(64).optional(),
});
