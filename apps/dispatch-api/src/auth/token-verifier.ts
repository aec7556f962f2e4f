import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Actor, ActorClaimsSchema } from './actor';

const DEV_ISSUER = 'dtask-dev';
const DEV_AUDIENCE = 'dtask-dispatch-api';
const DEV_TOKEN_LIFETIME = '12h';
/** Verified tokens are remembered briefly: a nurse's console sends many requests with one token. */
const VERIFIED_CACHE_SIZE = 2_000;
const VERIFIED_CACHE_MS = 60_000;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Verifies bearer tokens: in `oidc` mode against the county identity provider's JWKS,
 * in `dev` mode against our own HS256 key (tokens minted by POST /api/auth/dev-token).
 */
@Injectable()
export class TokenVerifier {
  private readonly devKey: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new Map<string, { actor: Actor; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.devKey = new TextEncoder().encode(config.DEV_TOKEN_SECRET);
    if (config.AUTH_MODE === 'oidc' && config.OIDC_JWKS_URL) {
      this.jwks = createRemoteJWKSet(new URL(config.OIDC_JWKS_URL));
    }
  }

  get devTokensEnabled(): boolean {
    return this.config.AUTH_MODE === 'dev';
  }

  async verify(token: string): Promise<Actor> {
    const cached = this.verified.get(token);
    if (cached && cached.until > Date.now()) return cached.actor;
    const { actor, expiresAtMs } = await this.verifyNow(token);
    // Never cache past the token's own expiry.
    this.verified.set(token, { actor, until: Math.min(Date.now() + VERIFIED_CACHE_MS, expiresAtMs) });
    if (this.verified.size > VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    return actor;
  }

  private async verifyNow(token: string): Promise<{ actor: Actor; expiresAtMs: number }> {
    let payload: JWTPayload;
    try {
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, { issuer: this.config.OIDC_ISSUER, audience: this.config.OIDC_AUDIENCE }))
            .payload
        : (await jwtVerify(token, this.devKey, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'] }))
            .payload;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const claims = ActorClaimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('token lacks a valid sub or role claim');
    const { sub, role, service } = claims.data;
    const actor: Actor = service ? { id: sub, role, service } : { id: sub, role };
    return { actor, expiresAtMs: payload.exp === undefined ? Date.now() : payload.exp * 1000 };
  }

  async issueDevToken(actor: Actor): Promise<string> {
    if (!this.devTokensEnabled) throw new InvalidTokenError('dev tokens are disabled when AUTH_MODE is not dev');
    const claims: Record<string, string> = { role: actor.role };
    if (actor.service) claims.service = actor.service;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_LIFETIME)
      .sign(this.devKey);
  }
}
