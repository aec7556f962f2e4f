import { Page } from 'playwright-core';
import { URL } from './console-workload';

// The console bench's view of one page: its API requests, its live frames, when it says Live.

/** A socket.io `event` frame on `/live`: one live event the page received. */
const FRAME = '42/live,';

export interface Watch {
  /** `/api/…` requests the page sent, by path without its query. */
  requests: string[];
  events: number;
}

/** Counts the page's API requests and the live event frames it receives. */
export function watch(page: Page): Watch {
  const w: Watch = { requests: [], events: 0 };
  page.on('request', (request) => {
    const path = new globalThis.URL(request.url()).pathname;
    if (path.startsWith('/api/')) w.requests.push(path.replace(/\/api\/d-tasks\/[^/]+/, '/api/d-tasks/:id'));
  });
  page.on('websocket', (socket) => {
    // Live events: one per `event` frame, or as many as an `events` frame (the console's batch mode) holds.
    socket.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      if (!text.startsWith(FRAME)) return;
      const [name, body] = JSON.parse(text.slice(FRAME.length)) as [string, unknown];
      if (name === 'event') w.events += 1;
      if (name === 'events') w.events += (body as unknown[]).length;
    });
  });
  return w;
}

export const live = (page: Page) => page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 60_000 });

export async function signIn(page: Page, user: string, role: string): Promise<void> {
  await page.goto(URL);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.fill('input[name=user]', user);
  await page.selectOption('select[name=role]', role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await live(page);
}

export interface Opening {
  /** From `page.reload()` to the banner saying Live: the wall clock of the bench and of the page, both epoch ms. */
  total: number;
  /** The same as the bench saw it, after the locator's polling (up to 100 ms late). */
  seenByBench: number;
  /** In the page, from its navigation start: the desk request leaving and answered, `caught-up` received, the banner Live. */
  deskSent: number;
  deskAnswered: number;
  caughtUp: number;
  banner: number;
  requests: number;
}

/**
 * Marks, in the page's own clock, when the live channel says `caught-up` (socket.io takes the
 * page's WebSocket at load) and when the banner first says Live. An init script, so the console's
 * Content-Security-Policy (no eval) does not stand in the way.
 */
export const PAGE_MARKERS = `(() => {
  const Base = window.WebSocket;
  window.WebSocket = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (message) => {
        if (typeof message.data === 'string' && message.data.startsWith('42/live,["caught-up"')) window.__benchCaughtUp ??= performance.now();
      });
    }
  };
  new MutationObserver(() => {
    const banner = document.querySelector('[data-testid=connection]');
    if (banner && banner.textContent.includes('Live')) window.__benchLive ??= performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;
const PAGE_MARKS = `(() => {
  const desk = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/desk');
  return { timeOrigin: performance.timeOrigin, deskSent: desk ? desk.startTime : NaN, deskAnswered: desk ? desk.responseEnd : NaN, caughtUp: window.__benchCaughtUp ?? NaN, banner: window.__benchLive ?? NaN };
})()`;

/** The signed-in console reloaded (the session is in sessionStorage) until its banner says Live. */
export async function openOnce(page: Page, w: Watch): Promise<Opening> {
  const before = w.requests.length;
  const startedEpoch = Date.now();
  const started = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await live(page);
  const seenByBench = performance.now() - started;
  const { timeOrigin, ...marks } = (await page.evaluate(PAGE_MARKS)) as { timeOrigin: number; deskSent: number; deskAnswered: number; caughtUp: number; banner: number };
  return { total: timeOrigin + marks.banner - startedEpoch, seenByBench, ...marks, requests: w.requests.length - before };
}

