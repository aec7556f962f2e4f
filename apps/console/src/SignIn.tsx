import { FormEvent, useState } from 'react';
import { api, Session } from './api';
import { useT } from './i18n';

/** Dev mode: pick a user and a role; production signs in through the county's identity provider. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useT();
  const [sub, setSub] = useState('nurse-anna');
  const [role, setRole] = useState<Session['role']>('nurse');
  const [service, setService] = useState('oulu-home-care');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const body = role === 'partner' ? { sub, role, service } : { sub, role };
      const { token } = await api<{ token: string }>(undefined, 'POST', '/api/auth/dev-token', body);
      onSignedIn({ token, sub, role, ...(role === 'partner' ? { service } : {}) });
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <form className="card sign-in" onSubmit={submit} aria-label={t('signIn')}>
      <h2>{t('signIn')}</h2>
      <label>
        {t('user')}
        <input name="user" value={sub} onChange={(event) => setSub(event.target.value)} autoFocus />
      </label>
      <label>
        {t('role')}
        <select name="role" value={role} onChange={(event) => setRole(event.target.value as Session['role'])}>
          <option value="nurse">{t('nurse')}</option>
          <option value="supervisor">{t('supervisor')}</option>
          <option value="partner">{t('partner')}</option>
          <option value="analyst">{t('analyst')}</option>
        </select>
      </label>
      {role === 'partner' && (
        <label>
          {t('service')}
          <input name="service" value={service} onChange={(event) => setService(event.target.value)} />
        </label>
      )}
      <button type="submit">{t('signIn')}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
