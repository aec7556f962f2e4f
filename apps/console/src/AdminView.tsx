import { useEffect, useState } from 'react';
import { api, Session } from './api';
import { useT } from './i18n';
import { fetched, Fetched, FetchState } from './TimeTravel';
import './roles.css';

interface DirectoryEntry {
  id: string;
  name: string;
  kind: string;
  /** Omitted: the service serves the whole region. */
  municipalities?: string[];
}

interface AdminConfig {
  settings: Record<string, unknown>;
}

/** The server's own mark for a secret it will not send. */
const REDACTED = '(set, redacted)';
/**
 * Settings whose value is a secret. The server redacts them already; the view never shows one even
 * if a server forgot, so a screenshot of the admin view cannot leak a key.
 */
const SECRET_NAME = /SECRET|PASSWORD|PSEUDONYM_KEY|PRIVATE|TOKEN/i;

/** A configuration value as text, with any credentials in an address hidden. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\/\/[^@/]*@/, '//•••@');
}

/** What an administrator checks: the configuration in force (secrets hidden) and the service directory. */
export function AdminView({ session }: { session: Session }) {
  const t = useT();
  const [config, setConfig] = useState<Fetched<AdminConfig>>({ state: 'loading' });
  const [directory, setDirectory] = useState<Fetched<{ services: DirectoryEntry[] }>>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    void fetched(api<AdminConfig>(session, 'GET', '/api/admin/config')).then((result) => current && setConfig(result));
    void fetched(api<{ services: DirectoryEntry[] }>(session, 'GET', '/api/services')).then((result) => current && setDirectory(result));
    return () => {
      current = false;
    };
  }, [session]);

  return (
    <div className="admin">
      <section className="card" aria-label={t('admin.title')}>
        <h2>{t('admin.title')}</h2>
        <p className="note">{t('admin.note')}</p>
        <FetchState of={config} loading={t('loading')} t={t} />
        {config.state === 'ready' && (
          <table data-testid="admin-settings">
            <thead>
              <tr>
                <th>{t('admin.setting')}</th>
                <th>{t('admin.variable')}</th>
                <th>{t('admin.value')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(config.value.settings).map(([name, value]) => {
                const secret = value === REDACTED || SECRET_NAME.test(name);
                const text = shown(value);
                const label = t(`admin.cfg.${name}`);
                return (
                  <tr key={name} data-setting={name}>
                    <th scope="row">{label === `admin.cfg.${name}` ? name : label}</th>
                    <td>
                      <code>{name}</code>
                    </td>
                    {secret ? (
                      <td className="secret">
                        <span aria-hidden="true">•••• </span>
                        {text ? t('admin.secretHidden') : t('admin.notSet')}
                      </td>
                    ) : (
                      <td>{text ? <code>{text}</code> : t('admin.notSet')}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label={t('admin.directory')}>
        <h2>{t('admin.directory')}</h2>
        <p className="note">{t('admin.directoryNote')}</p>
        <FetchState of={directory} loading={t('loading')} t={t} />
        {directory.state === 'ready' && (
          <table data-testid="admin-directory">
            <thead>
              <tr>
                <th>{t('admin.service')}</th>
                <th>{t('admin.kind')}</th>
                <th>{t('admin.municipalities')}</th>
                <th>{t('admin.serviceId')}</th>
              </tr>
            </thead>
            <tbody>
              {directory.value.services.map((service) => (
                <tr key={service.id} data-service={service.id}>
                  <th scope="row">{service.name}</th>
                  <td>{t(`admin.kind.${service.kind}`)}</td>
                  <td className="municipalities" data-testid="served">
                    {service.municipalities ? service.municipalities.join(', ') : t('admin.wholeRegion')}
                  </td>
                  <td>
                    <code>{service.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
