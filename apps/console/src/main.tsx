import { lazy, StrictMode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DTASK_STREAM_PREFIX } from '../../../libs/events/src/vocabulary-values';
import { api, DeskState, Session, whenUnauthorized } from './api';
import { helsinkiTime } from './format';
import { Language, LanguageContext, LANGUAGES, translate, useLanguage, useT } from './i18n';
import { coalesce, ConnectionState, useLive } from './live';
import { LIVE_TASK_EVENT } from './desk/repeat-call-notices';
import { NurseDesk } from './NurseDesk';
import { PartnerView } from './PartnerView';
import { SignIn } from './SignIn';
import { SupervisorWall } from './SupervisorWall';
import './styles.css';
import './world.css';
import './closed-loop.css';

const SESSION_KEY = 'dtask-session';
const LANGUAGE_KEY = 'dtask-language';
// Only analysts, the ERC desk and admins need their views: nurses and supervisors never download them.
const AnalystView = lazy(() => import('./AnalystView').then((module) => ({ default: module.AnalystView })));
const ErcView = lazy(() => import('./ErcView').then((module) => ({ default: module.ErcView })));
const AdminView = lazy(() => import('./AdminView').then((module) => ({ default: module.AdminView })));

function ConnectionBanner({ state, liveSince }: { state: ConnectionState; liveSince?: number }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className={`connection connection-${state}`} role="status" data-testid="connection">
      {state === 'live' ? `● ${t('live')}` : `⚠ ${t(state)}`}
      {state === 'reconnecting' && liveSince ? ` · ${t('figuresAt', { time: helsinkiTime(new Date(liveSince).toISOString(), language) })}` : ''}
    </div>
  );
}

/** Nurse and supervisor: one picture of the desk, loaded at every (re)connect and followed live. */
function DeskConsole({ session, header }: { session: Session; header: (releaseOnSignOut: string[]) => React.ReactNode }) {
  const [desk, setDesk] = useState<DeskState>();
  const [selected, setSelected] = useState<string>();
  // Every event reaches the panel of its own stream: none is lost between two renders.
  const taskEvents = useMemo(() => new EventTarget(), []);
  const loadDesk = useCallback(
    async (withLoad: boolean) => {
      // The supervisor's load comes with the picture at (re)connect; after that the live channel pushes it.
      const state = await api<DeskState>(session, 'GET', withLoad && session.role === 'supervisor' ? '/api/desk?load=1' : '/api/desk');
      setDesk((previous) => ({ ...state, load: state.load ?? previous?.load }));
      return state.position;
    },
    [session],
  );
  const refreshDesk = useMemo(() => coalesce(async () => void (await loadDesk(false)), 150), [loadDesk]);
  const { state, load, liveSince } = useLive(session, {
    start: 'position',
    loadState: () => loadDesk(true),
    onEvent: (event) => {
      if (!event.streamId.startsWith(DTASK_STREAM_PREFIX)) return;
      taskEvents.dispatchEvent(new Event(event.streamId));
      taskEvents.dispatchEvent(new CustomEvent(LIVE_TASK_EVENT, { detail: event }));
      refreshDesk();
    },
  });
  // A follow-up call enters the queue when it falls due, which no event announces: refresh then.
  const nextDue = desk?.nextFollowUpDueAt;
  useEffect(() => {
    if (!nextDue) return;
    const timer = setTimeout(refreshDesk, Math.min(Math.max(0, Date.parse(nextDue) - Date.now()) + 500, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [nextDue, refreshDesk]);
  const mine = desk?.claimed.filter((task) => task.owner === session.sub).map((task) => task.taskId) ?? [];
  const t = useT();
  return (
    <>
      <ConnectionBanner state={state} liveSince={liveSince} />
      {header(mine)}
      {!desk ? (
        <p>{t('loading')}</p>
      ) : (
        <div className={state === 'live' ? undefined : 'stale'}>
          {session.role === 'supervisor' && <SupervisorWall session={session} load={load ?? desk.load} connected={state === 'live'} onOpenTask={setSelected} />}
          <NurseDesk session={session} desk={desk} taskEvents={taskEvents} selected={selected} onSelect={setSelected} onChanged={refreshDesk} />
        </div>
      )}
    </>
  );
}

/** A receiving service: its inbox, refetched when one of its handoffs changes. */
function PartnerConsole({ session, header }: { session: Session; header: React.ReactNode }) {
  const [changes, setChanges] = useState(0);
  const { state, liveSince } = useLive(session, {
    start: 'now',
    loadState: async () => setChanges((n) => n + 1),
    onEvent: () => setChanges((n) => n + 1),
  });
  return (
    <>
      <ConnectionBanner state={state} liveSince={liveSince} />
      {header}
      <PartnerView session={session} changes={changes} />
    </>
  );
}

function Console({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const t = useT();
  const [signingOut, setSigningOut] = useState(false);
  // Signing out hands the nurse's claimed tasks back to the queue, so no patient waits behind a closed console.
  const signOut = async (release: string[]) => {
    setSigningOut(true);
    await Promise.allSettled(release.map((taskId) => api(session, 'POST', `/api/d-tasks/${taskId}/release`, {})));
    onSignOut();
  };
  const header = (release: string[]) => (
    <header className="bar">
      <span>
        {session.sub} · {t(session.role)}
      </span>
      <span>
        {release.length > 0 && <small className="hint">{release.length === 1 ? t('signOutReleasesOne') : t('signOutReleases', { count: release.length })} </small>}
        <button onClick={() => void signOut(release)} disabled={signingOut} data-testid="sign-out">
          {signingOut ? t('releasingTasks') : t('signOut')}
        </button>
      </span>
    </header>
  );
  if (session.role === 'nurse' || session.role === 'supervisor') return <DeskConsole session={session} header={header} />;
  if (session.role === 'partner') return <PartnerConsole session={session} header={header([])} />;
  // Analysts look back over months, the ERC desk and admins act on demand: none of them follows the live channel.
  return (
    <>
      {header([])}
      <Suspense fallback={<p>{t('loading')}</p>}>
        {session.role === 'analyst' ? <AnalystView session={session} /> : session.role === 'erc' ? <ErcView session={session} /> : <AdminView session={session} />}
      </Suspense>
    </>
  );
}

/** A 401 anywhere ends the session in a state that blocks the console, never in an empty queue. */
function SessionExpired({ onSignInAgain }: { onSignInAgain: () => void }) {
  const t = useT();
  return (
    <div className="expired" role="alertdialog" aria-modal="true" aria-labelledby="expired-title" data-testid="session-expired">
      <h2 id="expired-title">{t('sessionExpiredTitle')}</h2>
      <p>{t('sessionExpiredText')}</p>
      <button className="primary" onClick={onSignInAgain} autoFocus>
        {t('signInAgain')}
      </button>
    </div>
  );
}

function savedLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.includes(saved as Language) ? (saved as Language) : 'fi';
}

function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const [session, setSession] = useState<Session | undefined>(() => {
    const saved = sessionStorage.getItem(SESSION_KEY);
    return saved ? (JSON.parse(saved) as Session) : undefined;
  });
  const [expired, setExpired] = useState(false);
  useEffect(() => whenUnauthorized(() => setExpired(true)), []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'title');
  }, [language]);
  const choose = (next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguage(next);
  };
  const endSession = () => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(undefined);
    setExpired(false);
  };
  return (
    <LanguageContext.Provider value={language}>
      <main>
        <nav className="languages" aria-label="Kieli · Språk · Language">
          {LANGUAGES.map((option) => (
            <button key={option} aria-pressed={language === option} onClick={() => choose(option)} lang={option}>
              {option.toUpperCase()}
            </button>
          ))}
        </nav>
        <Title />
        {expired ? (
          <SessionExpired onSignInAgain={endSession} />
        ) : session ? (
          <Console session={session} onSignOut={endSession} />
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
