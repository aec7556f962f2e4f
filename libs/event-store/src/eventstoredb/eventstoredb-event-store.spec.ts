import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { openEventStore } from '../open-event-store';
import { EventStoreUnavailableError } from '../port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { discoveryWarning, redactCredentials } from '../store-url';
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
  console.info('KurrentDB contract suite skipped: EVENTSTORE_URL is not set (docker compose up -d, then EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false npm test).');
  describe.skip('KurrentDB contract (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the shared event store contract against a real KurrentDB or EventStoreDB', () => undefined);
  });
}

describe('KurrentDB connection string', () => {
  it('hands the client kurrentdb:// for esdb:// too (it warns on every start that esdb is deprecated)', () => {
    expect(toClientConnectionString('esdb://db1:2113?tls=false')).toBe('kurrentdb://db1:2113?tls=false');
    expect(toClientConnectionString('kurrentdb+discover://admin:changeit@cluster:2113')).toBe('kurrentdb+discover://admin:changeit@cluster:2113');
    expect(toClientConnectionString('  kurrentdb://localhost:2113?tls=false ')).toBe('kurrentdb://localhost:2113?tls=false');
    expect(toClientConnectionString('ESDB+DISCOVER://a:2113,b:2113')).toBe('kurrentdb+discover://a:2113,b:2113');
    expect(toClientConnectionString('kurrentdb://a:2113,b:2113,c:2113?tls=true&tlsCAFile=/certs/ca.crt&node_preference=leader')).toBe(
      'kurrentdb://a:2113,b:2113,c:2113?tls=true&tlsCAFile=/certs/ca.crt&node_preference=leader',
    );
  });

  it.each(['', 'http://db1:2113', 'postgres://db1/events', 'esdb:/db1', 'db1:2113'])('refuses %j, naming the setting', (value) => {
    expect(() => toClientConnectionString(value)).toThrow(/EVENTSTORE_URL must start with esdb:\/\//);
  });

  it('refuses throwOnAppendFailure=false, which would turn conflicts into quiet results', () => {
    expect(() => toClientConnectionString('esdb://db1:2113?throwOnAppendFailure=false')).toThrow(/throwOnAppendFailure/);
  });

  it('refuses an option the client does not know, naming the key only (the client would print the whole string)', () => {
    const refusal = () => toClientConnectionString('kurrentdb://admin:s3cret@db1:2113?tls=false&tlsVerifyCerts=false');
    expect(refusal).toThrow(/does not know: "tlsVerifyCerts"/);
    expect(() => refusal()).not.toThrow(/s3cret/);
  });

  it('builds a client without connecting, and hides the password when the client cannot parse the rest', async () => {
    const client = createClient('kurrentdb://localhost:2113?tls=false');
    expect(client).toBeInstanceOf(KurrentDBClient);
    await client.dispose();
    let message = '';
    try {
      createClient('esdb://admin:s3cret@db1:notaport?tls=false');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^EVENTSTORE_URL is not a valid KurrentDB connection string/);
    expect(message).not.toContain('s3cret');
  });

  it('warns when +discover names several hosts (the client keeps the first), and shows the seed-list form', () => {
    const warning = discoveryWarning('kurrentdb+discover://admin:s3cret@node1:2113,node2:2113,node3:2113?tls=true');
    expect(warning).toContain('3 hosts');
    expect(warning).toContain('(node1:2113)');
    expect(warning).toContain('kurrentdb://node1:2113,node2:2113,node3:2113?');
    expect(warning).not.toContain('s3cret');
    expect(discoveryWarning('esdb+discover://cluster.internal:2113?tls=true')).toBeUndefined();
    expect(discoveryWarning('kurrentdb://node1:2113,node2:2113,node3:2113')).toBeUndefined();
  });

  it('is warned about once, when the store opens, without the password', async () => {
    const warnings: string[] = [];
    const store = await openEventStore({ eventStoreUrl: 'esdb+discover://admin:s3cret@node1:2113,node2:2113?tls=false', dataDir: '', warn: (message) => warnings.push(message) });
    await store.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/2 hosts after \+discover/);
    expect(warnings[0]).not.toContain('s3cret');
  });
});

describe('redactCredentials', () => {
  it.each([
    ['kurrentdb://admin:changeit@db1:2113?tls=true', 'kurrentdb://(credentials)@db1:2113?tls=true'],
    ['esdb+discover://ops:p@ss/w:rd?x@node1:2113,node2:2113', 'esdb+discover://(credentials)@node1:2113,node2:2113'],
    ['kurrentdb://ops:pa ss@node1:2113', 'kurrentdb://(credentials)@node1:2113'],
    ['failed: "kurrentdb://a:b@c:1" and "esdb://d:e@f:2"', 'failed: "kurrentdb://(credentials)@c:1" and "esdb://(credentials)@f:2"'],
    ['kurrentdb://db1:2113?tls=false', 'kurrentdb://db1:2113?tls=false'],
  ])('hides the user and password of %j', (text, shown) => {
    expect(redactCredentials(text)).toBe(shown);
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
