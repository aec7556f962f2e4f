import { KurrentDBClient } from '@kurrent/kurrentdb-client';

const SCHEME = /^(esdb|kurrentdb)(\+discover)?:\/\//i;

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

/** A connection string with user and password hidden, in any text that quotes it (an error message, say). */
export function redactCredentials(text: string): string {
  // Greedy to the last `@` of the word: a password typed with `@`, `/`, `:` or `?` in it stays hidden too.
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s"'`]*@/gi, '$1***@');
}

/** The hosts a connection string names: after the credentials, before the path or the options. */
export function hostsOf(connectionString: string): string[] {
  const rest = connectionString.trim().replace(SCHEME, '');
  const afterCredentials = rest.slice(rest.lastIndexOf('@', rest.search(/[?]|$/)) + 1);
  const hostList = afterCredentials.split(/[/?]/, 1)[0] ?? '';
  return hostList.split(',').map((host) => host.trim()).filter((host) => host.length > 0);
}

/**
 * `+discover` asks one DNS name for the cluster's members; given several hosts the client keeps
 * only the first (and says so only in its debug log). A seed list is written without `+discover`.
 */
export function discoveryWarning(connectionString: string): string | undefined {
  const match = SCHEME.exec(connectionString.trim());
  const hosts = hostsOf(connectionString);
  if (!match?.[2] || hosts.length < 2) return undefined;
  const seedList = `${match[1]!.toLowerCase()}://${hosts.join(',')}`;
  return (
    `EVENTSTORE_URL names ${hosts.length} hosts after +discover, but the client asks only the first (${hosts[0]}) for the cluster's members. ` +
    `For a seed list leave out +discover (${seedList}?…); keep +discover for one DNS name that resolves to every node.`
  );
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
