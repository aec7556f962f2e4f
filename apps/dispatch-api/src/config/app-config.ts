import { SAFETY_SETTINGS_SHAPE, safetySettingsConflict, wholeNumberSetting } from '@dtask/domain';
import { DEV_PSEUDONYM_KEY, PseudonymKey, weakKeyReason } from '@dtask/read-models';
import { redactCredentials } from '@dtask/event-store';
import { z } from 'zod';

/** A signing or HMAC key: long and varied enough that it is not a placeholder or a word. */
const SecretKey = z.string().superRefine((value, ctx) => {
  const weak = weakKeyReason(value);
  if (weak) ctx.addIssue({ code: 'custom', message: weak });
});

/** Settings whose values never appear in an error message or the admin view. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['DEV_TOKEN_SECRET', 'PSEUDONYM_KEY']);

/** The deadline scheduler checks at least once a minute: S2 and S6 fire at most this late. */
export const SCHEDULER_INTERVAL_MAX_MS = 60_000;

/** Loopback hosts, where plain http cannot be read or altered on the way. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Every setting comes from the environment; a bad value stops the start with its name. */
export const AppConfigSchema = z
  .object({
    PORT: wholeNumberSetting(3000, 0, 65535, ''),
    /**
     * Unset: loopback only in dev mode (which mints any role without a login), all interfaces in
     * production.
     */
    HOST: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    EVENTSTORE_URL: z
      .string()
      .regex(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//, 'must start with esdb:// or kurrentdb://')
      .optional(),
    EVENTSTORE_SYNC: z.enum(['FULL', 'NORMAL']).default('FULL'),
    AUTH_MODE: z.enum(['dev', 'oidc']).default('dev'),
    DEV_TOKEN_SECRET: SecretKey.default('dev-only-secret-change-me-0123456789abcdef'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_JWKS_URL: z.url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    PSEUDONYM_KEY: PseudonymKey.default(DEV_PSEUDONYM_KEY),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SERVICES_FILE: z.string().min(1).optional(),
    // The safety limits (S1_…, S2_…, S4_…, S6_…, FOLLOW_UP_…, S8_…, AUTO_DISPATCH_UNIT_LEVEL): defaults and ranges in libs/domain.
    ...SAFETY_SETTINGS_SHAPE,
    ASSUMED_MISSION_MINUTES: wholeNumberSetting(75, 1, 720, 'minutes'),
    /** The county's target for the time to clinical contact: the report's share within it (domain.md, "Within target"). */
    CONTACT_TARGET_MINUTES: wholeNumberSetting(30, 1, 240, 'minutes'),
    SCHEDULER_INTERVAL_MS: wholeNumberSetting(1000, 100, SCHEDULER_INTERVAL_MAX_MS, 'ms'),
  })
  .superRefine((env, ctx) => {
    const conflict = safetySettingsConflict(env);
    if (conflict) ctx.addIssue({ code: 'custom', path: [conflict.env], message: conflict.message });
    if (env.AUTH_MODE === 'oidc') {
      for (const key of ['OIDC_ISSUER', 'OIDC_JWKS_URL', 'OIDC_AUDIENCE'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=oidc' });
      }
      if (env.PSEUDONYM_KEY === DEV_PSEUDONYM_KEY) {
        ctx.addIssue({ code: 'custom', path: ['PSEUDONYM_KEY'], message: 'must be set to a secret key when AUTH_MODE=oidc' });
      }
      if (env.OIDC_JWKS_URL && !httpsOrLoopback(env.OIDC_JWKS_URL)) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_JWKS_URL'], message: 'must be an https:// URL (plain http only on loopback)' });
      }
    }
  })
  .transform((env) => ({ ...env, HOST: env.HOST ?? (env.AUTH_MODE === 'dev' ? '127.0.0.1' : '0.0.0.0') }));

export type AppConfig = z.infer<typeof AppConfigSchema>;

function httpsOrLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
}

/** An EventStoreDB connection string with its user and password hidden, for logs and the admin view (one rule: the store's). */
export const redactConnectionString = (url: string): string => redactCredentials(url);

export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
}

/** Parses the environment; unknown variables are ignored, known ones must be valid. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = AppConfigSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const given = name in defined ? ` (got ${shown(name, defined[name]!)})` : '';
    return `  ${name}: ${issue.message}${given}`;
  });
  throw new InvalidConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** A given value as an error may show it: never a secret, never a password in a connection string. */
function shown(name: string, value: string): string {
  if (SECRET_SETTINGS.has(name)) return `a value of ${Buffer.byteLength(value, 'utf8')} bytes`;
  if (name === 'EVENTSTORE_URL') return JSON.stringify(redactConnectionString(value));
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
