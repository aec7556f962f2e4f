/**
 * What the adapter does on a cluster, against the in-process stand-in client: which calls require
 * the leader, what a follower's refusals become, that a write is answered from its own reply (no
 * read after it), and what it says of the node it is connected to.
 */
import { KurrentDBClient, NotLeaderError, UnavailableError, UnknownError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, EventToAppend } from '../port';
import { FakeEsdbClient } from '../testing/fake-esdb-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => {
    const eventId = crypto.randomUUID();
    return { eventId, type: 'Tested', data: { n }, metadata: { eventId } };
  });

function open() {
  const fake = new FakeEsdbClient();
  const store = new EventStoreDbEventStore('kurrentdb://fake:2113?tls=false', { client: fake as unknown as KurrentDBClient, subscriptionBackoffMs: () => 0 });
  return { fake, store };
}

type ServiceError = NonNullable<ConstructorParameters<typeof UnknownError>[0]>;
const grpc = (code: number, message: string, metadata: Record<string, string> = {}) =>
  Object.assign(new Error(`${code} ${message}`), { code, details: message, metadata }) as unknown as ServiceError;

/** A follower's answers, as the client hands them on (KurrentDB RpcExceptions.cs, Streams.BatchAppend.cs). */
const followerAnswers: [string, Error][] = [
  ['not leader', new NotLeaderError(grpc(5, 'Leader info available', { 'leader-endpoint-host': 'node1', 'leader-endpoint-port': '2113' }))],
  ['not ready', new UnavailableError(grpc(14, 'Server Is Not Ready'))],
  ['too busy', new UnavailableError(grpc(14, 'Server Is Too Busy'))],
  ['no leader during an election', new UnknownError(grpc(2, 'No leader info available in response'))],
  ['not ready, through the Rust reader', new UnknownError(undefined, 'Server Is Not Ready')],
  // A batch append's per-write answer: a status the client cannot name, with the server's words.
  ['busy, answering a batch append', new UnknownError(undefined, 'Could not recognize Server Is Busy')],
  ['not ready, answering a batch append', new UnknownError(undefined, 'Could not recognize Server Is Not Ready')],
];

describe('the KurrentDB adapter on a cluster (stand-in client)', () => {
  it('requires the leader for writes and for the stream reads a command decides on, not for following $all', async () => {
    const { fake, store } = open();
    await store.append('dtask-1', events(2), { expectedRevision: 'no-stream' });
    await store.readStream('dtask-1');
    await store.checkpoints.store('queue', '5');
    expect(fake.leaderRequired).toEqual(['append', 'readStream', 'append']);
    await store.readAll();
    await store.headPosition();
    expect(fake.leaderRequired).toHaveLength(3);
  });

  it.each(followerAnswers)('turns a follower answering %s into EventStoreUnavailableError (503 with Retry-After)', async (_name, answer) => {
    const { fake, store } = open();
    await store.append('dtask-1', events(1), { expectedRevision: 'no-stream' });
    fake.failing.set('append', answer).set('readStream', answer);
    for (const call of [store.append('dtask-1', events(1), { expectedRevision: 0 }), store.readStream('dtask-1')]) {
      const error = await call.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).cause).toBe(answer);
    }
  });

  it('answers a write from its reply alone: the position of its last event, no read after it', async () => {
    const { fake, store } = open();
    const single = await store.append('dtask-1', events(1), { expectedRevision: 'no-stream' });
    // Reads now fail, as on a node that lost the leader right after acknowledging: the write still succeeded.
    fake.failing.set('readStream', new UnavailableError(grpc(14, 'Server Is Not Ready'))).set('readAll', new Error('no reads'));
    const reads = fake.readCalls;
    const several = await store.append('dtask-1', events(3), { expectedRevision: 0 });
    expect(fake.readCalls).toBe(reads);
    fake.failing.clear();
    const stored = await store.readStream('dtask-1');
    expect(single).toEqual({ nextExpectedRevision: 0, position: stored[0]!.position });
    expect(several).toEqual({ nextExpectedRevision: 3, position: stored[3]!.position });
  });

  it('answers a replay of a stored write with its original result, also when the server gives that replay no position', async () => {
    const { fake, store } = open();
    const batch = events(2);
    const first = await store.append('dtask-1', batch, { expectedRevision: 'no-stream' });
    expect(await store.append('dtask-1', batch, { expectedRevision: 'no-stream' })).toEqual(first);
    fake.replaysWithoutPosition = true;
    expect(await store.append('dtask-1', batch, { expectedRevision: 'no-stream' })).toEqual(first);
  });

  it("tells the connected node's role, and on a follower its leader and how many bytes of the log it has yet to make readable", async () => {
    const { fake, store } = open();
    const member = (ip: string, state: string, writer: number, chaser: number) => ({
      state,
      isAlive: true,
      httpEndPointIp: ip,
      httpEndPointPort: 2113,
      writerCheckpoint: writer,
      chaserCheckpoint: chaser,
    });
    const members = [member('10.0.0.1', 'Leader', 90_000, 90_000), member('10.0.0.2', 'Follower', 89_000, 88_500), member('10.0.0.3', 'ReadOnlyReplica', 1, 1)];
    fake.gossip = { members, serverIp: '10.0.0.2', serverPort: 2113 };
    expect(await store.nodeStatus()).toEqual({ role: 'follower', node: '10.0.0.2:2113', leader: '10.0.0.1:2113', lagBytes: 1_500 });
    fake.gossip = { members, serverIp: '10.0.0.1', serverPort: 2113 };
    expect(await store.nodeStatus()).toEqual({ role: 'leader', node: '10.0.0.1:2113' });
    fake.gossip = { members, serverIp: '10.0.0.3', serverPort: 2113 };
    expect(await store.nodeStatus()).toMatchObject({ role: 'read-only-replica' });
    fake.gossip = { members: [], serverIp: '10.0.0.9', serverPort: 2113 };
    expect(await store.nodeStatus()).toEqual({ role: 'unknown' });
  });
});
