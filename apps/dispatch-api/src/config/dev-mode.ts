import { AppConfig } from './app-config';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Dev mode mints a token of any role to anyone who asks: said loudly at every start, and louder
 * when `HOST` opens it beyond this machine.
 */
export function devModeWarning(config: AppConfig): string | undefined {
  if (config.AUTH_MODE !== 'dev') return undefined;
  const lines = [
    'WARNING: AUTH_MODE=dev. POST /api/auth/dev-token gives anyone who reaches this port a token of any role',
    '(nurse, supervisor, admin, analyst) without a login, and the dev keys are public. Never use dev mode with',
    'real patients: set AUTH_MODE=oidc with the county identity provider, PSEUDONYM_KEY and HOST.',
  ];
  if (!LOOPBACK_HOSTS.has(config.HOST)) {
    lines.push(`WARNING: HOST=${config.HOST} opens dev mode beyond this machine: every computer on the network can sign in as any role.`);
  } else {
    lines.push(`Dev mode listens on ${config.HOST} only (set HOST to change this).`);
  }
  return `${lines.join('\n')}\n`;
}
