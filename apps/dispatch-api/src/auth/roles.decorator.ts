import { SetMetadata } from '@nestjs/common';
import { Role } from './actor';

export const ROLES_KEY = 'dtask:roles';
export const PUBLIC_KEY = 'dtask:public';

/** The roles that may call a route. A route with neither @Roles nor @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Supervisors may do everything a nurse may (contract.md, role table). */
export const NURSE_ROLES: Role[] = ['nurse', 'supervisor'];
