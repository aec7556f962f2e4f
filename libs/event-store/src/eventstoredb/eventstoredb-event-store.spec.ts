import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { createClient, toClientConnectionString } from './connection-string';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  // A shared server: the suite writes only to streams with fresh UUIDs, so there is nothing to clean up.
  describeEventStoreContract('eventstoredb', {
    open: async () => new EventStoreDbEventStore(url),
    childEnv: () => ({ EVENTSTORE_URL: url }),
    cleanup: async () => undefined,
  });
} else {
  console.info('EventStoreDB contract suite skipped: EVENTSTORE_URL is not set (docker compose up -d, then EVENTSTORE_URL=esdb://localhost:2113?tls=false).');
  describe.skip('EventStoreDB contract (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the shared event store contract against a real EventStoreDB', () => undefined);
  });
}

describe('EventStoreDB connection string', () => {
  it('rewrites kurrentdb:// to the esdb:// the 6.x client parses, and keeps esdb:// as it is', () => {
    expect(toClientConnectionString('kurrentdb://db1:2113?tls=false')).toBe('esdb://db1:2113?tls=false');
    expect(toClientConnectionString('kurrentdb+discover://admin:changeit@cluster:2113')).toBe('esdb+discover://admin:changeit@cluster:2113');
    expect(toClientConnectionString('  esdb://localhost:2113?tls=false ')).toBe('esdb://localhost:2113?tls=false');
    expect(toClientConnectionString('ESDB+DISCOVER://a:2113,b:2113')).toBe('esdb+discover://a:2113,b:2113');
  });

  it.each(['', 'http://db1:2113', 'postgres://db1/events', 'esdb:/db1', 'db1:2113'])('refuses %j, naming the setting', (value) => {
    expect(() => toClientConnectionString(value)).toThrow(/EVENTSTORE_URL must start with esdb:\/\//);
  });

  it('refuses throwOnAppendFailure=false, which would turn conflicts into quiet results', () => {
    expect(() => toClientConnectionString('esdb://db1:2113?throwOnAppendFailure=false')).toThrow(/throwOnAppendFailure/);
  });

  it('builds a client without connecting, and hides the password when the client cannot parse the rest', async () => {
    const client = createClient('kurrentdb://localhost:2113?tls=false');
    expect(client).toBeInstanceOf(EventStoreDBClient);
    await client.dispose();
    let message = '';
    try {
      createClient('esdb://admin:s3cret@db1:notaport?tls=false');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^EVENTSTORE_URL is not a valid EventStoreDB connection string/);
    expect(message).not.toContain('s3cret');
  });
});

describe('EventStoreDbEventStore without a server', () => {
  const event = () => {
    const eventId = globalThis.crypto.randomUUID();
    return { eventId, type: 'Tested', data: { n: 1 }, metadata: { eventId } };
  };

  it('names its kind and refuses a bad URL at construction', async () => {
    const store = new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');
    expect(store.kind).toBe('eventstoredb');
    await store.close();
    expect(() => new EventStoreDbEventStore('http://127.0.0.1:2113')).toThrow(/EVENTSTORE_URL/);
  });

  it('rejects every call with EventStoreUnavailableError once closed', async () => {
    const store = new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');
    await store.close();
    await store.close();
    const calls: Promise<unknown>[] = [
      store.append('s', [event()], { expectedRevision: 'any' }),
      store.readStream('s'),
      store.readAll(),
      store.headPosition(),
      store.ping(),
      store.checkpoints.load('p'),
      store.checkpoints.store('p', '1'),
      (async () => {
        for await (const _ of store.subscribeToAll()) void _;
      })(),
    ];
    for (const call of calls) await expect(call).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('answers with EventStoreUnavailableError, cause attached, when nothing listens at the address', async () => {
    const store = new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false', { deadlineMs: 3_000, pingTimeoutMs: 3_000 });
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const read = store.readStream('s').catch((error: unknown) => error);
      const append = store.append('s', [event()], { expectedRevision: 'no-stream' }).catch((error: unknown) => error);
      for (const error of [await read, await append]) {
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).cause).toBeDefined();
      }
    } finally {
      await store.close();
    }
  }, 15_000);

  it('stops a subscription that cannot connect when it is closed', async () => {
    const drops: number[] = [];
    const store = new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false', { onSubscriptionDrop: (_error, attempt) => drops.push(attempt) });
    const subscription = store.subscribeToAll();
    const consumed = (async () => {
      for await (const _ of subscription) void _;
    })();
    while (drops.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await store.close();
    await expect(consumed).resolves.toBeUndefined();
  }, 15_000);

  it('refuses malformed arguments before calling the server', async () => {
    const store = new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');
    try {
      await expect(store.append('s', [{ ...event(), eventId: 'not-a-uuid' }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      await expect(store.append('s', [event()], { expectedRevision: -2 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.readAll({ fromPosition: '12.5' })).rejects.toBeInstanceOf(RangeError);
      await expect(store.readStream('s', { fromRevision: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.checkpoints.store('p', '-1')).rejects.toBeInstanceOf(RangeError);
      expect(() => store.subscribeToAll({ fromPosition: 'head' })).toThrow(RangeError);
    } finally {
      await store.close();
    }
  });
});
