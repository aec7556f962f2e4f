import { Body, Controller, ForbiddenException, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DevTokenBody } from '@dtask/events';
import { ApiZodBody } from '../http/openapi';
import { validationError, zodPipe } from '../http/zod-validation.pipe';
import { ServiceDirectory } from '../services-directory/service-directory';
import { Public } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

/** Dev mode signs its own tokens so `npm start` and the tests need no identity provider. */
@ApiTags('auth')
@Controller('api/auth')
export class DevTokenController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly directory: ServiceDirectory,
  ) {}

  @Post('dev-token')
  @Public()
  @HttpCode(200)
  @ApiZodBody(DevTokenBody)
  async issue(@Body(zodPipe(DevTokenBody)) body: DevTokenBody) {
    this.requireDevMode();
    // A partner acts for one service of the directory: a token for none, or for one we do not know,
    // would open an inbox that never fills, and its user would think no referral is waiting.
    if (body.role === 'partner' && body.service === undefined) {
      throw validationError([{ path: 'service', message: 'a partner token must name its service (a service id from the directory)' }]);
    }
    if (body.role === 'partner' && !this.directory.find(body.service!)) {
      throw validationError([{ path: 'service', message: `no service ${body.service} in the directory` }]);
    }
    return { token: await this.verifier.issueDevToken({ id: body.sub, role: body.role, service: body.service }) };
  }

  /** The services a partner may sign in as, for the dev-mode sign-in screen. */
  @Get('dev-services')
  @Public()
  devServices() {
    this.requireDevMode();
    return { services: this.directory.services.map(({ id, name }) => ({ id, name })) };
  }

  private requireDevMode(): void {
    if (!this.verifier.devTokensEnabled) {
      throw new ForbiddenException({ error: 'forbidden', reason: 'dev tokens are disabled when AUTH_MODE is not dev' });
    }
  }
}
