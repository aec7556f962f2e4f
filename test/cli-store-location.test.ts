import { cliStoreLocation } from '@dtask/event-store';

/** Which store a CLI opens (replay, export, backup, import-outcomes, the generator, the outcome rows). */
describe('cliStoreLocation', () => {
  const URL = 'kurrentdb://127.0.0.1:2113?tls=false';

  it('takes --data-dir first, even with EVENTSTORE_URL and DATA_DIR set', () => {
    expect(cliStoreLocation('./copy', { EVENTSTORE_URL: URL, DATA_DIR: '/srv/data' })).toEqual({ dataDir: './copy' });
  });

  it('then EVENTSTORE_URL over DATA_DIR, then DATA_DIR, then ./data; an empty setting is unset', () => {
    expect(cliStoreLocation(undefined, { EVENTSTORE_URL: URL, DATA_DIR: '/srv/data' })).toEqual({ eventStoreUrl: URL, dataDir: '/srv/data' });
    expect(cliStoreLocation(undefined, { EVENTSTORE_URL: '', DATA_DIR: '/srv/data' })).toEqual({ dataDir: '/srv/data' });
    expect(cliStoreLocation(undefined, { DATA_DIR: '' })).toEqual({ dataDir: './data' });
  });
});
