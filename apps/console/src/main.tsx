import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Readiness = 'checking' | 'ready' | 'not-ready';

/** Placeholder page until the nurse desk and supervisor wall land: shows whether the service is ready. */
function App() {
  const [readiness, setReadiness] = useState<Readiness>('checking');
  useEffect(() => {
    fetch('/health/ready')
      .then((response) => setReadiness(response.ok ? 'ready' : 'not-ready'))
      .catch(() => setReadiness('not-ready'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Ensihoidon tilannekeskus</h1>
      <p>D-tehtävien puhelinarvio ja ohjaus · D-task phone triage and dispatch</p>
      <p data-testid="readiness">Service: {readiness}</p>
      <p>
        API: <a href="/api/docs">/api/docs</a>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
