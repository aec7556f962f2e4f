import { EventStoreDBClient } from '@eventstore/db-client';

const SCHEME = /^(esdb|kurrentdb)(\+discover)?:\/\//i;

/**
 * Accepts esdb:// and kurrentdb:// (each also as +discover for gossip). KurrentDB is EventStoreDB
 * renamed and speaks the same gRPC protocol, but the 6.x client only parses the esdb scheme, so
 * kurrentdb:// is rewritten to it.
 */
export function toClientConnectionString(connectionString: string): string {
  const trimmed = typeof connectionString === 'string' ? connectionString.trim() : '';
  const match = SCHEME.exec(trimmed);
  if (!match) {
    throw new Error(`EVENTSTORE_URL must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, not ${JSON.stringify(redactCredentials(trimmed))}`);
  }
  if (/[?&]throwOnAppendFailure=false(&|$)/i.test(trimmed)) {
    // The adapter maps failed appends from the client's errors; this option would turn them into quiet results.
    throw new Error('EVENTSTORE_URL must not set throwOnAppendFailure=false');
  }
  return `esdb${(match[2] ?? '').toLowerCase()}://${trimmed.slice(match[0].length)}`;
}

/** Builds the client; it connects lazily, so this checks the string's form, not the server. */
export function createClient(connectionString: string): EventStoreDBClient {
  const clientString = toClientConnectionString(connectionString);
  try {
    return EventStoreDBClient.connectionString(clientString);
  } catch (error) {
    // The client's parse errors quote the whole string, password included.
    const reason = error instanceof Error ? redactCredentials(error.message) : String(error);
    throw new Error(`EVENTSTORE_URL is not a valid EventStoreDB connection string: ${reason}`);
  }
}

export function redactCredentials(text: string): string {
  return text.replace(/(:\/\/)[^@/\s]+@/g, '$1***@');
}
