import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from './actor';
import { AuthenticatedRequest } from './auth.guard';

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
