import { Body, Controller, ForbiddenException, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ActorClaimsSchema } from './actor';
import { ApiZodBody } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { Public } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

const DevTokenBody = ActorClaimsSchema.strict();

/** Dev mode signs its own tokens so `npm start` and the tests need no identity provider. */
@ApiTags('auth')
@Controller('api/auth')
export class DevTokenController {
  constructor(private readonly verifier: TokenVerifier) {}

  @Post('dev-token')
  @Public()
  @HttpCode(200)
  @ApiZodBody(DevTokenBody)
  async issue(@Body(zodPipe(DevTokenBody)) body: z.infer<typeof DevTokenBody>) {
    if (!this.verifier.devTokensEnabled) {
      throw new ForbiddenException({ error: 'forbidden', reason: 'dev tokens are disabled when AUTH_MODE is not dev' });
    }
    return { token: await this.verifier.issueDevToken({ id: body.sub, role: body.role, service: body.service }) };
  }
}
