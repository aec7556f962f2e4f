import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStoreDbEventStore } from '../../../../libs/event-store/src/eventstoredb/eventstoredb-event-store';
import { FakeEsdbClient } from '../../../../libs/event-store/src/testing/fake-esdb-client';
import { EventStoreHealthIndicator } from './event-store.health';

/** The ready check's store part on a cluster, through the KurrentDB adapter on its stand-in client. */
describe('the ready check on a KurrentDB cluster', () => {
  const member = (ip: string, state: string, checkpoint: number) => ({ state, isAlive: true, httpEndPointIp: ip, httpEndPointPort: 2113, writerCheckpoint: checkpoint, chaserCheckpoint: checkpoint });
  const gossip = (self: string) => ({ serverIp: self, serverPort: 2113, members: [member('10.0.0.1', 'Leader', 7_000), member('10.0.0.2', 'Follower', 6_400)] });

  function indicator(fake: FakeEsdbClient) {
    const store = new EventStoreDbEventStore('kurrentdb://stand-in:2113?tls=false', { client: fake as unknown as KurrentDBClient });
    return { store, health: new EventStoreHealthIndicator(store, new HealthIndicatorService()) };
  }

  it("reports the connected node's role, and on a follower its leader and lag", async () => {
    const fake = new FakeEsdbClient();
    const { store, health } = indicator(fake);
    fake.gossip = gossip('10.0.0.2');
    expect(await health.check()).toEqual({
      eventStore: { status: 'up', kind: 'eventstoredb', node: { role: 'follower', node: '10.0.0.2:2113', leader: '10.0.0.1:2113', lagBytes: 600 } },
    });
    fake.gossip = gossip('10.0.0.1');
    expect((await health.check()).eventStore).toMatchObject({ status: 'up', node: { role: 'leader', node: '10.0.0.1:2113' } });
    await store.close();
  });

  it('stays up, role unknown, when the node cannot tell its role; goes down when the store does not answer', async () => {
    const fake = new FakeEsdbClient();
    const { store, health } = indicator(fake);
    Object.defineProperty(fake, 'HTTPRequest', { get: () => async () => Promise.reject(new Error('gossip refused')) });
    expect((await health.check()).eventStore).toMatchObject({ status: 'up', node: { role: 'unknown', message: 'gossip refused' } });
    fake.failing.set('readAll', new Error('14 UNAVAILABLE: connection refused'));
    expect((await health.check()).eventStore).toMatchObject({ status: 'down', kind: 'eventstoredb' });
    await store.close();
  });
});
