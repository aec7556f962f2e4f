import { ActorClaims } from '@dtask/events';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ServiceDirectory } from '../services-directory/service-directory';
import { Actor } from './actor';

const DEV_ISSUER = 'dtask-dev';
const DEV_AUDIENCE = 'dtask-dispatch-api';
const DEV_TOKEN_LIFETIME = '12h';
/** The longest a token may live, from its `iat` and from now: a shift, no more. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
/** Clocks of the IdP and of this service may differ by this much. */
export const CLOCK_SKEW_SECONDS = 60;
/** How long to wait for the IdP's key set before answering 503. */
const JWKS_TIMEOUT_MS = 5_000;
/** Verified tokens are remembered briefly: a nurse's console sends many requests with one token. */
const VERIFIED_CACHE_SIZE = 2_000;
const VERIFIED_CACHE_MS = 60_000;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** The identity provider's key set could not be fetched: the token may be good, we cannot tell (503). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
}

/**
 * The IdP's JWKS, with its failures told apart: a token whose key is not in the set is invalid
 * (401); a key set that cannot be fetched or read is the IdP's outage (503), not the user's fault.
 */
function remoteKeys(url: URL): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(url, { timeoutDuration: JWKS_TIMEOUT_MS });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (!isIdentityProviderFault(error)) throw error;
      throw new IdentityProviderUnavailableError(`the identity provider's keys could not be fetched: ${(error as Error).message}`);
    }
  };
}

/**
 * The key set's own failures: a timeout, a network error, an answer other than 200, or a body that
 * is not a key set. A token's own faults (an `alg` no key has, an unknown `kid`) are JOSE errors of
 * their own kinds, and stay 401: a client cannot make the service answer 503.
 */
function isIdentityProviderFault(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === errors.JOSEError.code;
}

/**
 * Verifies bearer tokens: in `oidc` mode against the county identity provider's JWKS,
 * in `dev` mode against our own HS256 key (tokens minted by POST /api/auth/dev-token).
 */
@Injectable()
export class TokenVerifier {
  private readonly devKey: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;
  private readonly verified = new Map<string, { actor: Actor; until: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: ServiceDirectory,
  ) {
    this.devKey = new TextEncoder().encode(config.DEV_TOKEN_SECRET);
    if (config.AUTH_MODE === 'oidc' && config.OIDC_JWKS_URL) {
      this.jwks = remoteKeys(new URL(config.OIDC_JWKS_URL));
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
      const checks = { requiredClaims: ['exp'], clockTolerance: CLOCK_SKEW_SECONDS };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, { ...checks, issuer: this.config.OIDC_ISSUER, audience: this.config.OIDC_AUDIENCE }))
            .payload
        : (await jwtVerify(token, this.devKey, { ...checks, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'] }))
            .payload;
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
    const lifetimeProblem = lifetimeProblemOf(payload, Date.now() / 1000);
    if (lifetimeProblem) throw new InvalidTokenError(lifetimeProblem);
    const claims = ActorClaims.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('token lacks a valid sub or role claim');
    const { sub, role, service } = claims.data;
    if (role === 'partner') {
      // A partner acts for one service of the directory; without one, its inbox would never fill.
      if (!service) throw new InvalidTokenError('a partner token must name its service');
      if (!this.directory.find(service)) throw new InvalidTokenError(`no service ${service} in the directory`);
      return { actor: { id: sub, role, service }, expiresAtMs: payload.exp! * 1000 };
    }
    return { actor: { id: sub, role }, expiresAtMs: payload.exp! * 1000 };
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

/**
 * Why a token's times are unacceptable, or undefined: `exp` is required (jose checks it is in the
 * future), `iat` may not be in the future beyond the clock skew, and the token may live at most
 * 12 hours, counted from its `iat` and from now, so a token with `exp` in year 9999 is refused.
 */
export function lifetimeProblemOf(payload: JWTPayload, nowSeconds: number): string | undefined {
  const { exp, iat } = payload;
  if (typeof exp !== 'number') return 'the token has no expiry (exp)';
  if (iat !== undefined) {
    if (typeof iat !== 'number') return 'the token\'s iat is not a time';
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'the token is issued in the future (iat)';
    if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return 'the token lives longer than 12 hours (exp - iat)';
  }
  if (exp - nowSeconds > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return 'the token expires more than 12 hours from now';
  return undefined;
}
