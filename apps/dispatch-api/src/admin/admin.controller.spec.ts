import { loadConfig } from '../config/app-config';
import { ServiceDirectory } from '../services-directory/service-directory';
import { AdminController } from './admin.controller';

describe('AdminController effective configuration', () => {
  const settingsWith = (EVENTSTORE_URL: string) => {
    const config = { ...loadConfig({ PSEUDONYM_KEY: 'Zq8#vR2m!Lx9pT4w@Kc7nB1y$Hd6fJ3s' }), EVENTSTORE_URL };
    return new AdminController(config, { services: [] } as unknown as ServiceDirectory).effectiveConfig().settings;
  };

  it.each([
    ['esdb://ops:changeit@node1:2113?tls=true', 'changeit'],
    ['esdb://ops:p@ss@node1:2113', 'ss@'],
    ['esdb+discover://ops:a/b@node1:2113,node2:2113', 'a/b'],
    ['kurrentdb://ops:x:y/z@w@node1:2113', 'y/z'],
  ])('hides the password of %s', (url, secret) => {
    const shown = String(settingsWith(url).EVENTSTORE_URL);
    expect(shown).not.toContain(secret);
    expect(shown).toMatch(/^[a-z+]+:\/\/\(credentials\)@node1:2113/);
  });

  it('redacts the keys', () => {
    const settings = settingsWith('esdb://localhost:2113?tls=false');
    expect(settings).toMatchObject({ PSEUDONYM_KEY: '(set, redacted)', DEV_TOKEN_SECRET: '(set, redacted)', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' });
  });
});
