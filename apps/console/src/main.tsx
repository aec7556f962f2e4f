import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Session } from './api';
import { Language, LanguageContext, useT } from './i18n';
import { useLive } from './live';
import { NurseDesk } from './NurseDesk';
import { PartnerView } from './PartnerView';
import { SignIn } from './SignIn';
import { SupervisorWall } from './SupervisorWall';
import './styles.css';

const SESSION_KEY = 'dtask-session';
// Only analysts need the analysis charts: nurses and supervisors never download them.
const AnalystView = lazy(() => import('./AnalystView').then((module) => ({ default: module.AnalystView })));

function Console({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const t = useT();
  // Every live event bumps `changes`; views refetch what they show. Nothing needs a reload.
  const [changes, setChanges] = useState(0);
  const { state, load } = useLive(session, () => setChanges((n) => n + 1));
  return (
    <>
      <div className={`connection connection-${state}`} role="status" data-testid="connection">
        {t(state === 'live' ? 'live' : state)}
      </div>
      <header className="bar">
        <span>
          {session.sub} · {t(session.role)}
        </span>
        <button onClick={onSignOut}>{t('signOut')}</button>
      </header>
      {session.role === 'supervisor' ? (
        <>
          <SupervisorWall session={session} load={load} changes={changes} />
          <NurseDesk session={session} changes={changes} />
        </>
      ) : session.role === 'partner' ? (
        <PartnerView session={session} changes={changes} />
      ) : session.role === 'analyst' ? (
        // Analysts look back over months: a live event does not refetch a year of charts.
        <Suspense fallback={<p>{t('loading')}</p>}>
          <AnalystView session={session} />
        </Suspense>
      ) : (
        <NurseDesk session={session} changes={changes} />
      )}
    </>
  );
}

function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('dtask-language') as Language) || 'fi');
  const [session, setSession] = useState<Session | undefined>(() => {
    const saved = sessionStorage.getItem(SESSION_KEY);
    return saved ? (JSON.parse(saved) as Session) : undefined;
  });
  const choose = (next: Language) => {
    localStorage.setItem('dtask-language', next);
    document.documentElement.lang = next;
    setLanguage(next);
  };
  return (
    <LanguageContext.Provider value={language}>
      <main>
        <nav className="languages" aria-label="language">
          {(['fi', 'sv', 'en'] as const).map((option) => (
            <button key={option} aria-pressed={language === option} onClick={() => choose(option)}>
              {option.toUpperCase()}
            </button>
          ))}
        </nav>
        <Title />
        {session ? (
          <Console
            session={session}
            onSignOut={() => {
              sessionStorage.removeItem(SESSION_KEY);
              setSession(undefined);
            }}
          />
        ) : (
          <SignIn
            onSignedIn={(next) => {
              sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
              setSession(next);
            }}
          />
        )}
      </main>
    </LanguageContext.Provider>
  );
}

function Title() {
  const t = useT();
  return <h1>{t('title')}</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
