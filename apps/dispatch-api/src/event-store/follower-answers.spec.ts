import { KurrentDBClient, UnavailableError, UnknownError } from '@kurrent/kurrentdb-client';
import { ArgumentsHost, Logger } from '@nestjs/common';
import { EventStoreDbEventStore } from '../../../../libs/event-store/src/eventstoredb/eventstoredb-event-store';
import { FakeEsdbClient } from '../../../../libs/event-store/src/testing/fake-esdb-client';
import { ErrorFilter } from '../http/error.filter';

/** What an HTTP client gets when the KurrentDB node behind a command cannot serve it (the adapter on its stand-in client, the API's one error filter). */
describe('a follower refusing a command', () => {
  // The filter logs every 5xx; here they are the point, not noise to read.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  function answer(error: unknown) {
    const reply = { headers: {} as Record<string, string>, code: 0, body: undefined as unknown };
    const fastifyReply = {
      header: (name: string, value: string) => void (reply.headers[name] = value),
      status: (code: number) => ((reply.code = code), { send: (body: unknown) => void (reply.body = body) }),
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => fastifyReply }) } as unknown as ArgumentsHost;
    new ErrorFilter().catch(error, host);
    return reply;
  }

  it.each([
    ['not ready', new UnavailableError(undefined, 'Server Is Not Ready')],
    ['too busy', new UnknownError(undefined, 'Server Is Too Busy')],
    ['without a leader', new UnknownError(undefined, 'No leader info available in response')],
  ])('%s is answered 503 with Retry-After, not 500', async (_name, refusal) => {
    const fake = new FakeEsdbClient();
    const store = new EventStoreDbEventStore('kurrentdb://stand-in:2113?tls=false', { client: fake as unknown as KurrentDBClient });
    fake.failing.set('append', refusal);
    const eventId = crypto.randomUUID();
    const error = await store.append('dtask-1', [{ eventId, type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' }).catch((failure: unknown) => failure);
    const reply = answer(error);
    expect(reply.code).toBe(503);
    expect(reply.headers['Retry-After']).toBe('5');
    expect(reply.body).toMatchObject({ error: 'unavailable' });
    await store.close();
  });
});
