import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, Session } from './api';
import { WordSelect } from './choices';
import { useT } from './i18n';
import './roles.css';

/**
 * Dev-mode users by role, so choosing a role does not leave a nurse's name on an admin; one for
 * every role of the vocabulary, in the order the sign-in offers them.
 */
const DEFAULT_USER: Record<Session['role'], string> = {
  nurse: 'nurse-anna',
  supervisor: 'super-sari',
  partner: 'kotihoito-1',
  analyst: 'analyst-alma',
  erc: 'erica',
  admin: 'admin-aino',
};
const ROLES = Object.keys(DEFAULT_USER) as Session['role'][];
/** The sign-in's own fields, as the server's validation names them. */
const FIELD_WORDS: Record<string, string> = { sub: 'user', role: 'role', service: 'service' };

type Services = { state: 'loading' } | { state: 'ready'; services: { id: string; name: string }[] } | { state: 'missing' };

/**
 * Dev mode only: pick a user and a role (a partner also its service). Production signs in through
 * the county's identity provider; this screen says so.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useT();
  const [sub, setSub] = useState(DEFAULT_USER.nurse);
  const [role, setRole] = useState<Session['role']>('nurse');
  const [service, setService] = useState('');
  const [services, setServices] = useState<Services>({ state: 'loading' });
  const [error, setError] = useState<string>();
  // A name the user typed is kept when the role changes; the default follows the role.
  const [typed, setTyped] = useState(false);

  useEffect(() => {
    let current = true;
    api<{ services: { id: string; name: string }[] }>(undefined, 'GET', '/api/auth/dev-services').then(
      (answer) => {
        if (!current) return;
        setServices({ state: 'ready', services: answer.services });
        setService((chosen) => chosen || answer.services[0]?.id || '');
      },
      // An older server, or one not in dev mode: the service id is typed instead.
      () => current && setServices({ state: 'missing' }),
    );
    return () => {
      current = false;
    };
  }, []);

  function chooseRole(next: Session['role']) {
    if (!typed) setSub(DEFAULT_USER[next]);
    setRole(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const body = role === 'partner' ? { sub, role, service } : { sub, role };
      const { token } = await api<{ token: string }>(undefined, 'POST', '/api/auth/dev-token', body);
      onSignedIn({ token, sub, role, ...(role === 'partner' ? { service } : {}) });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 403) setError(t('signIn.refused'));
      else if (caught instanceof ApiError && caught.status === 400 && caught.body.issues?.length) {
        const fields = [...new Set(caught.body.issues.map((issue) => t(FIELD_WORDS[issue.path.split('.')[0]!] ?? 'user')))];
        setError(t('signIn.checkFields', { fields: fields.join(', ') }));
      } else setError(t('signIn.failed'));
    }
  }

  return (
    <form className="card sign-in" onSubmit={submit} aria-label={t('signIn.title')}>
      <h2>{t('signIn.title')}</h2>
      <p className="dev-note" data-testid="dev-sign-in-note">
        <span aria-hidden="true">⚠ </span>
        {t('signIn.devNote')}
      </p>
      <label>
        {t('user')}
        <input name="user" value={sub} required onChange={(event) => {
            setTyped(true);
            setSub(event.target.value);
          }} autoFocus />
      </label>
      <WordSelect name="role" label={t('role')} value={role} options={ROLES} words={(option) => t(option)} onChange={chooseRole} />
      {role === 'partner' &&
        (services.state === 'ready' && services.services.length > 0 ? (
          <label>
            {t('service')}
            <select name="service" value={service} onChange={(event) => setService(event.target.value)}>
              {services.services.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('service')}
            <input name="service" value={service} required onChange={(event) => setService(event.target.value)} />
            {services.state === 'missing' && <small>{t('signIn.serviceListMissing')}</small>}
          </label>
        ))}
      <button type="submit">{t('signIn')}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
