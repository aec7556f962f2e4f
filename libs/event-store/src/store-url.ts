/**
 * Reading an EVENTSTORE_URL without the client (which the embedded default never loads): its
 * hosts, the warning a +discover string with several hosts deserves, and the form logs may show.
 */

export const STORE_URL_SCHEME = /^(esdb|kurrentdb)(\+discover)?:\/\//i;

/** A connection string with user and password hidden, alone or in a text that quotes it (an error message, say). */
export function redactCredentials(text: string): string {
  // Greedy to the last `@` before a quote or the line's end: a password typed with `@`, `/`, `:`, `?`
  // or a space stays hidden; at worst more than the credentials is hidden, never less.
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^"'`\r\n]*@/gi, '$1(credentials)@');
}

/** The hosts a connection string names: after the credentials, before the path or the options. */
export function hostsOf(connectionString: string): string[] {
  const rest = connectionString.trim().replace(STORE_URL_SCHEME, '');
  const afterCredentials = rest.slice(rest.lastIndexOf('@', rest.search(/[?]|$/)) + 1);
  const hostList = afterCredentials.split(/[/?]/, 1)[0] ?? '';
  return hostList.split(',').map((host) => host.trim()).filter((host) => host.length > 0);
}

/**
 * `+discover` asks one DNS name for the cluster's members; given several hosts the client keeps
 * only the first (and says so only in its debug log). A seed list is written without `+discover`.
 */
export function discoveryWarning(connectionString: string): string | undefined {
  const match = STORE_URL_SCHEME.exec(connectionString.trim());
  const hosts = hostsOf(connectionString);
  if (!match?.[2] || hosts.length < 2) return undefined;
  const seedList = `${match[1]!.toLowerCase()}://${hosts.join(',')}`;
  return (
    `EVENTSTORE_URL names ${hosts.length} hosts after +discover, but the client asks only the first (${hosts[0]}) for the cluster's members. ` +
    `For a seed list leave out +discover (${seedList}?…); keep +discover for one DNS name that resolves to every node.`
  );
}
