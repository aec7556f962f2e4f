import { StaffRole } from '@dtask/events';

export type Role = StaffRole;

/** Who is calling, from a verified token. `service` names a partner's service id. */
export interface Actor {
  id: string;
  role: Role;
  service?: string;
}
