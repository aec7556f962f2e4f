import { InvalidConfigurationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      AUTH_MODE: 'dev',
      EVENTSTORE_SYNC: 'FULL',
      S1_FAILED_ATTEMPTS: 2,
      S1_MINUTES_AFTER_FIRST_FAILURE: 15,
      S2_ALERT_MINUTES: 20,
      S2_DISPATCH_MINUTES: 60,
      S4_SECOND_CONTACT_HOURS: 24,
      S6_HANDOFF_MINUTES: 30,
    });
    expect(config.EVENTSTORE_URL).toBeUndefined();
  });

  it('names the bad setting and the value given', () => {
    expect(() => loadConfig({ S2_ALERT_MINUTES: 'soon' })).toThrow(/S2_ALERT_MINUTES.*"soon"/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(InvalidConfigurationError);
  });

  it('accepts only EventStoreDB connection strings', () => {
    expect(loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).EVENTSTORE_URL).toBe(
      'esdb://localhost:2113?tls=false',
    );
    expect(() => loadConfig({ EVENTSTORE_URL: 'http://localhost:2113' })).toThrow(/EVENTSTORE_URL/);
  });

  it('requires the OIDC settings in production mode', () => {
    expect(() => loadConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_JWKS_URL: is required/);
    expect(() => loadConfig({ AUTH_MODE: 'oidc' })).toThrow(/PSEUDONYM_KEY: must be set/);
  });

  it('keeps the S2 alert before the S2 dispatch', () => {
    expect(() => loadConfig({ S2_ALERT_MINUTES: '60', S2_DISPATCH_MINUTES: '30' })).toThrow(
      /S2_ALERT_MINUTES: must be less than/,
    );
  });
});
