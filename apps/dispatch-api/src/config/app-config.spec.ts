import { InvalidSafetyRulesError, safetyRulesFromEnv } from '@dtask/domain';
import { safetyRulesFrom } from '../d-tasks/dtask-decider.provider';
import { InvalidConfigurationError, loadConfig, redactConnectionString } from './app-config';

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
      S8_RECALL_MINUTES: 30,
      S8_UNIT_OVERDUE_MINUTES: 120,
      S8_RECALL_FAILED_ATTEMPTS: 2,
      CONTACT_TARGET_MINUTES: 30,
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

describe('loadConfig bounds', () => {
  it.each([
    ['S2_DISPATCH_MINUTES', '200000000000', /S2_DISPATCH_MINUTES: must be a whole number from 1 to 480 minutes/],
    ['S2_DISPATCH_MINUTES', '481', /S2_DISPATCH_MINUTES: must be a whole number from 1 to 480 minutes/],
    ['S2_ALERT_MINUTES', '241', /S2_ALERT_MINUTES: must be a whole number from 1 to 240 minutes/],
    ['S6_HANDOFF_MINUTES', '99999999', /S6_HANDOFF_MINUTES: must be a whole number from 1 to 1440 minutes/],
    ['S4_SECOND_CONTACT_HOURS', '721', /S4_SECOND_CONTACT_HOURS: must be a whole number from 1 to 720 hours/],
    ['S1_FAILED_ATTEMPTS', '11', /S1_FAILED_ATTEMPTS: must be a whole number from 1 to 10 attempts/],
    ['S1_FAILED_ATTEMPTS', '0', /S1_FAILED_ATTEMPTS: must be a whole number from 1 to 10/],
    ['S1_MINUTES_AFTER_FIRST_FAILURE', '100000', /S1_MINUTES_AFTER_FIRST_FAILURE: must be a whole number from 1 to 240/],
    ['FOLLOW_UP_FAILED_ATTEMPTS', '1000', /FOLLOW_UP_FAILED_ATTEMPTS: must be a whole number from 1 to 10/],
    ['S8_RECALL_MINUTES', '241', /S8_RECALL_MINUTES: must be a whole number from 5 to 240 minutes/],
    ['S8_UNIT_OVERDUE_MINUTES', '14', /S8_UNIT_OVERDUE_MINUTES: must be a whole number from 15 to 600 minutes/],
    ['S8_RECALL_FAILED_ATTEMPTS', '0', /S8_RECALL_FAILED_ATTEMPTS: must be a whole number from 1 to 5 attempts/],
    ['ASSUMED_MISSION_MINUTES', '100000', /ASSUMED_MISSION_MINUTES: must be a whole number from 1 to 720/],
    ['CONTACT_TARGET_MINUTES', '241', /CONTACT_TARGET_MINUTES: must be a whole number from 1 to 240 minutes/],
    ['SCHEDULER_INTERVAL_MS', '9999999999', /SCHEDULER_INTERVAL_MS: must be a whole number from 100 to 60000 ms/],
    ['SCHEDULER_INTERVAL_MS', '99', /SCHEDULER_INTERVAL_MS: must be a whole number from 100 to 60000 ms/],
    ['PORT', '65536', /PORT: must be a whole number from 0 to 65535/],
  ])('stops the start when %s is %s, naming its range', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each(['0x10', '1e1', '10.0', '+10', '-5', ' 10', '10 ', '１０', 'Infinity'])('accepts only plain decimal integers, not %j', (value) => {
    expect(() => loadConfig({ S6_HANDOFF_MINUTES: value })).toThrow(/S6_HANDOFF_MINUTES: must be a whole number from 1 to 1440 minutes/);
    expect(() => loadConfig({ PORT: value })).toThrow(/PORT: must be a whole number/);
  });

  it('keeps the clinical extremes of each range', () => {
    expect(loadConfig({ S2_ALERT_MINUTES: '240', S2_DISPATCH_MINUTES: '480', S6_HANDOFF_MINUTES: '1440', S4_SECOND_CONTACT_HOURS: '720', S1_FAILED_ATTEMPTS: '10', SCHEDULER_INTERVAL_MS: '60000' })).toMatchObject({
      S2_ALERT_MINUTES: 240, S2_DISPATCH_MINUTES: 480, S6_HANDOFF_MINUTES: 1440, S4_SECOND_CONTACT_HOURS: 720, S1_FAILED_ATTEMPTS: 10, SCHEDULER_INTERVAL_MS: 60000,
    });
    expect(loadConfig({ S2_ALERT_MINUTES: '1', S2_DISPATCH_MINUTES: '2', S6_HANDOFF_MINUTES: '1', SCHEDULER_INTERVAL_MS: '100' })).toMatchObject({ S2_ALERT_MINUTES: 1, S2_DISPATCH_MINUTES: 2, S6_HANDOFF_MINUTES: 1, SCHEDULER_INTERVAL_MS: 100 });
    expect(() => loadConfig({ S2_ALERT_MINUTES: '30', S2_DISPATCH_MINUTES: '30' })).toThrow(/S2_ALERT_MINUTES: must be less than S2_DISPATCH_MINUTES/);
  });
});

describe('loadConfig keys and listening', () => {
  const oidc = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://idp.county.test/', OIDC_JWKS_URL: 'https://idp.county.test/jwks', OIDC_AUDIENCE: 'dtask' };
  const strong = 'Zq8#vR2m!Lx9pT4w@Kc7nB1y$Hd6fJ3s';

  it.each(['PSEUDONYM_KEY', 'DEV_TOKEN_SECRET'])('refuses a short or repetitive %s, in production and in dev mode, without showing it', (name) => {
    for (const env of [oidc, {}]) {
      const base = { ...env, PSEUDONYM_KEY: strong };
      expect(() => loadConfig({ ...base, [name]: 'a'.repeat(32) })).toThrow(new RegExp(`${name}: must be a random secret with at least 16 different characters`));
      expect(() => loadConfig({ ...base, [name]: 'ab'.repeat(40) })).toThrow(new RegExp(`${name}: must be a random secret`));
      expect(() => loadConfig({ ...base, [name]: 'short-secret' })).toThrow(new RegExp(`${name}: must be at least 32 bytes long`));
      try {
        loadConfig({ ...base, [name]: 'a'.repeat(32) });
      } catch (error) {
        expect((error as Error).message).not.toContain('aaaa');
        expect((error as Error).message).toContain('(got a value of 32 bytes)');
      }
    }
    expect(loadConfig({ ...oidc, PSEUDONYM_KEY: strong, [name]: strong })[name as 'PSEUDONYM_KEY']).toBe(strong);
  });

  it('still refuses the dev pseudonym key in production', () => {
    expect(() => loadConfig({ ...oidc })).toThrow(/PSEUDONYM_KEY: must be set to a secret key/);
  });

  it('refuses a plain-http JWKS URL in production, except on loopback', () => {
    expect(() => loadConfig({ ...oidc, PSEUDONYM_KEY: strong, OIDC_JWKS_URL: 'http://idp.county.test/jwks' })).toThrow(/OIDC_JWKS_URL: must be an https:\/\/ URL/);
    expect(() => loadConfig({ ...oidc, PSEUDONYM_KEY: strong, OIDC_JWKS_URL: 'ftp://idp.county.test/jwks' })).toThrow(/OIDC_JWKS_URL: must be an https:\/\/ URL/);
    expect(loadConfig({ ...oidc, PSEUDONYM_KEY: strong, OIDC_JWKS_URL: 'http://127.0.0.1:9000/jwks' }).OIDC_JWKS_URL).toBe('http://127.0.0.1:9000/jwks');
    expect(loadConfig({ ...oidc, PSEUDONYM_KEY: strong, OIDC_JWKS_URL: 'http://localhost:9000/jwks' }).OIDC_JWKS_URL).toBe('http://localhost:9000/jwks');
  });

  it('listens on loopback only in dev mode unless HOST says otherwise, on all interfaces in production', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ ...oidc, PSEUDONYM_KEY: strong }).HOST).toBe('0.0.0.0');
  });

  it('never shows the password of an EventStoreDB connection string in an error', () => {
    const bad = () => loadConfig({ EVENTSTORE_URL: 'https://admin:p@ss/w0rd@node1:2113' });
    expect(bad).toThrow(/EVENTSTORE_URL: must start with esdb:\/\/ or kurrentdb:\/\/ \(got "https:\/\/\(credentials\)@node1:2113"\)/);
    expect(bad).not.toThrow(/w0rd/);
  });
});

describe('redactConnectionString', () => {
  it.each([
    ['esdb://admin:changeit@node1:2113?tls=true', 'esdb://(credentials)@node1:2113?tls=true'],
    ['esdb+discover://ops:p@ss@node1:2113,node2:2113', 'esdb+discover://(credentials)@node1:2113,node2:2113'],
    ['kurrentdb://ops:a/b@c:d@node1:2113/?tls=true', 'kurrentdb://(credentials)@node1:2113/?tls=true'],
    ['esdb://ops:pa%40ss@node1:2113', 'esdb://(credentials)@node1:2113'],
    ['esdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
  ])('hides the credentials of %s', (url, redacted) => {
    expect(redactConnectionString(url)).toBe(redacted);
  });
});

describe('the safety limits, as the service and the replay CLI read them', () => {
  it.each([
    ['no variable', {}],
    ['every limit set', { S1_FAILED_ATTEMPTS: '3', S1_MINUTES_AFTER_FIRST_FAILURE: '10', S2_ALERT_MINUTES: '15', S2_DISPATCH_MINUTES: '45', S4_SECOND_CONTACT_HOURS: '72', S6_HANDOFF_MINUTES: '20', FOLLOW_UP_FAILED_ATTEMPTS: '1', S8_RECALL_MINUTES: '20', S8_UNIT_OVERDUE_MINUTES: '90', S8_RECALL_FAILED_ATTEMPTS: '3' }],
    ['advanced units sent automatically', { AUTO_DISPATCH_UNIT_LEVEL: 'advanced' }],
  ])('given %s, are the same rules', (_, env: Record<string, string>) => {
    expect(safetyRulesFrom(loadConfig(env))).toEqual(safetyRulesFromEnv(env));
  });
  it.each([
    ['S2_DISPATCH_MINUTES', '100000'],
    ['S1_FAILED_ATTEMPTS', '1e1'],
    ['S8_RECALL_MINUTES', '30.5'],
    ['AUTO_DISPATCH_UNIT_LEVEL', 'helicopter'],
  ])('given %s=%s, are refused by both', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    expect(() => safetyRulesFromEnv({ [name]: value })).toThrow(InvalidSafetyRulesError);
  });
});
