import { DEV_PSEUDONYM_KEY, Pseudonymiser, PseudonymKey } from '@dtask/read-models';
import { z } from 'zod';

/** The pseudonym key is read as the service reads it, so a CLI's pseudonyms are the API's (and its outcome streams' keys). */
const PseudonymEnv = z
  .object({ PSEUDONYM_KEY: PseudonymKey.default(DEV_PSEUDONYM_KEY), AUTH_MODE: z.enum(['dev', 'oidc']).default('dev') })
  .refine((env) => env.AUTH_MODE !== 'oidc' || env.PSEUDONYM_KEY !== DEV_PSEUDONYM_KEY, {
    path: ['PSEUDONYM_KEY'],
    message: 'must be set to a secret key when AUTH_MODE=oidc',
  });

/** The service's Pseudonymiser from the environment (an empty setting is unset), or the reason it cannot be had. */
export function pseudonymiserFromEnv(env: NodeJS.ProcessEnv): { pseudonymiser: Pseudonymiser; devKey: boolean } | { error: string } {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = PseudonymEnv.safeParse(set);
  if (!parsed.success) return { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n') };
  return { pseudonymiser: new Pseudonymiser(parsed.data.PSEUDONYM_KEY), devKey: parsed.data.PSEUDONYM_KEY === DEV_PSEUDONYM_KEY };
}
