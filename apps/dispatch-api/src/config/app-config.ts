import { DEV_PSEUDONYM_KEY, PseudonymKey } from '@dtask/read-models';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting comes from the environment; a bad value stops the start with its name. */
export const AppConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    EVENTSTORE_URL: z
      .string()
      .regex(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//, 'must start with esdb:// or kurrentdb://')
      .optional(),
    EVENTSTORE_SYNC: z.enum(['FULL', 'NORMAL']).default('FULL'),
    AUTH_MODE: z.enum(['dev', 'oidc']).default('dev'),
    DEV_TOKEN_SECRET: z.string().min(32).default('dev-only-secret-change-me-0123456789abcdef'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_JWKS_URL: z.url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    PSEUDONYM_KEY: PseudonymKey.default(DEV_PSEUDONYM_KEY),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SERVICES_FILE: z.string().min(1).optional(),
    S1_FAILED_ATTEMPTS: positiveInt(2),
    S1_MINUTES_AFTER_FIRST_FAILURE: positiveInt(15),
    S2_ALERT_MINUTES: positiveInt(20),
    S2_DISPATCH_MINUTES: positiveInt(60),
    S4_SECOND_CONTACT_HOURS: positiveInt(24),
    S6_HANDOFF_MINUTES: positiveInt(30),
    FOLLOW_UP_FAILED_ATTEMPTS: positiveInt(2),
    AUTO_DISPATCH_UNIT_LEVEL: z.enum(['first-response', 'basic', 'advanced', 'single-responder']).default('basic'),
    ASSUMED_MISSION_MINUTES: positiveInt(75),
    SCHEDULER_INTERVAL_MS: positiveInt(1000),
  })
  .superRefine((env, ctx) => {
    if (env.S2_ALERT_MINUTES >= env.S2_DISPATCH_MINUTES) {
      ctx.addIssue({ code: 'custom', path: ['S2_ALERT_MINUTES'], message: 'must be less than S2_DISPATCH_MINUTES' });
    }
    if (env.AUTH_MODE === 'oidc') {
      for (const key of ['OIDC_ISSUER', 'OIDC_JWKS_URL', 'OIDC_AUDIENCE'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=oidc' });
      }
      if (env.PSEUDONYM_KEY === DEV_PSEUDONYM_KEY) {
        ctx.addIssue({ code: 'custom', path: ['PSEUDONYM_KEY'], message: 'must be set to a secret key when AUTH_MODE=oidc' });
      }
    }
  });

export type AppConfig = z.infer<typeof AppConfigSchema>;

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
    const given = name in defined ? ` (got ${JSON.stringify(defined[name])})` : '';
    return `  ${name}: ${issue.message}${given}`;
  });
  throw new InvalidConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
}
