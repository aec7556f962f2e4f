import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { FakeEsdbClient } from '../testing/fake-esdb-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The whole contract, through the KurrentDB adapter, on the in-process stand-in client: it shows
 * the adapter's mapping holds the port's promises as far as the stand-in is the server. The run
 * against a real server (EVENTSTORE_URL, eventstoredb-event-store.spec.ts) remains the proof.
 */
const server = new FakeEsdbClient();

describeEventStoreContract('KurrentDB adapter on the stand-in client', {
  open: async () => new EventStoreDbEventStore('kurrentdb://stand-in:2113?tls=false', { client: server as unknown as KurrentDBClient, subscriptionBackoffMs: () => 0 }),
  childEnv: () => ({}),
  cleanup: async () => undefined,
  opensInChildProcess: false,
});
