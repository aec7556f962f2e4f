import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { redactCredentials, STORE_URL_SCHEME as SCHEME } from '../store-url';

/**
 * The options the client parses (its Client/parseConnectionString.js), compared as it compares
 * them: case, `-` and `_` ignored. It prints an unknown one to the console with the whole string,
 * password included, so unknown keys are refused here first.
 */
const CLIENT_OPTIONS = new Set(
  [
    'userCertFile', 'userKeyFile', 'maxDiscoverAttempts', 'connectionName', 'defaultDeadline', 'discoveryInterval', 'gossipTimeout',
    'nodePreference', 'tls', 'tlsVerifyCert', 'tlsCAFile', 'throwOnAppendFailure', 'keepAliveInterval', 'keepAliveTimeout', 'dnsDiscover',
  ].map(flat),
);

function flat(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '');
}

/**
 * Accepts esdb:// and kurrentdb:// (each also as +discover). The KurrentDB client parses both, but
 * warns on every start that esdb:// is deprecated, so it is handed kurrentdb://.
 */
export function toClientConnectionString(connectionString: string): string {
  const trimmed = typeof connectionString === 'string' ? connectionString.trim() : '';
  const match = SCHEME.exec(trimmed);
  if (!match) {
    throw new Error(`EVENTSTORE_URL must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, not ${JSON.stringify(redactCredentials(trimmed))}`);
  }
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : '';
  for (const pair of query.split('&').filter((part) => part.length > 0)) {
    const key = pair.split('=', 1)[0]!;
    if (!CLIENT_OPTIONS.has(flat(key))) throw new Error(`EVENTSTORE_URL has an option the client does not know: ${JSON.stringify(key)}`);
    if (flat(key) === 'throwonappendfailure' && /=\s*false\s*$/i.test(pair)) {
      // The adapter maps failed appends from the client's errors; this option would turn them into quiet results.
      throw new Error('EVENTSTORE_URL must not set throwOnAppendFailure=false');
    }
  }
  return `kurrentdb${(match[2] ?? '').toLowerCase()}://${trimmed.slice(match[0].length)}`;
}

/** Builds the client; it connects lazily, so this checks the string's form, not the server. */
export function createClient(connectionString: string): KurrentDBClient {
  const clientString = toClientConnectionString(connectionString);
  try {
    return KurrentDBClient.connectionString(clientString);
  } catch (error) {
    const reason = error instanceof Error ? redactCredentials(error.message) : String(error);
    throw new Error(`EVENTSTORE_URL is not a valid KurrentDB connection string: ${reason}`);
  }
}
