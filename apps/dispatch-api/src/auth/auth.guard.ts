import { CanActivate, ExecutionContext, ForbiddenException, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Actor, Role } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { IdentityProviderUnavailableError, InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { actor: Actor };

/** Global guard: authenticate every HTTP route, then check its role list. Fails closed. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException({ error: 'unauthorized', reason: 'a bearer token is required' });
    try {
      request.actor = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new UnauthorizedException({ error: 'unauthorized', reason: 'the token is not valid' });
      }
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ServiceUnavailableException({ error: 'unavailable', reason: 'the identity provider cannot be reached to check the token; retry later' });
      }
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(request.actor.role)) {
      throw new ForbiddenException({ error: 'forbidden', reason: `role ${request.actor.role} may not do this` });
    }
    return true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
