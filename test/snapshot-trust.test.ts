import { EventStore, openEventStore } from '@dtask/event-store';
import { DEV_PSEUDONYM_KEY } from '@dtask/read-models';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { ReadModelSnapshots } from '../apps/dispatch-api/src/projections/read-model-snapshots';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/** Another county's key: as when the dev key is replaced by the production key. */
const OTHER_KEY = 'Zq8vK2mW9xR4tY7uP1nB6cD3fG5hJ0kLsE';

const snapshotFile = (dataDir: string) => join(dataDir, 'read-models', 'snapshot.json');
const storeFiles = (dataDir: string) => ['events.db', 'events.db-wal', 'events.db-shm'].map((name) => join(dataDir, name));

/** The waiting queue and the reports' task count, as a supervisor sees them. */
async function picture(app: TestApp) {
  const api = await cast(app);
  const waiting = (await api.get(api.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId).sort();
  const report = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body.totals;
  return { waiting, tasks: report.tasks as number };
}

async function typesOf(app: TestApp, taskId: string): Promise<string[]> {
  return (await app.app.get<symbol, EventStore>(EVENT_STORE).readStream(`dtask-${taskId}`)).map((event) => event.type);
}

describe('read-model snapshots across restarts', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string> = {}, dataDir?: string) => {
    const app = await startTestApp(env, dataDir);
    if (!dataDir) dirs.push(app.dataDir);
    return app;
  };

  it('keeps S4 when PSEUDONYM_KEY changes: a second contact after the restart is flagged and needs an override', async () => {
    const patient = { ageYears: 81, personId: '150342-9127' };
    const first = await start();
    const api = await cast(first);
    const advised = await api.assessed({ patient });
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    await first.stop();
    expect(existsSync(snapshotFile(first.dataDir))).toBe(true);

    const second = await start({ PSEUDONYM_KEY: OTHER_KEY }, first.dataDir);
    try {
      const again = await cast(second);
      const taskId = await again.assessed({ patient });
      expect(await typesOf(second, taskId)).toContain('SecondContactFlagged');
      const refused = await again.post(again.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(409);
      expect(refused.body.reason).toBe('second-contact-needs-override');
    } finally {
      await second.stop();
    }
  });

  it('serves no phantom tasks when an older events.db is restored beside a newer snapshot', async () => {
    const first = await start();
    const kept = await (await cast(first)).intake();
    await first.stop();
    const backup = join(first.dataDir, 'backup.db');
    copyFileSync(join(first.dataDir, 'events.db'), backup);

    const second = await start({}, first.dataDir);
    const api = await cast(second);
    await api.intake();
    await api.intake();
    await second.stop();

    for (const file of storeFiles(first.dataDir)) rmSync(file, { force: true });
    copyFileSync(backup, join(first.dataDir, 'events.db'));
    const restored = await start({}, first.dataDir);
    try {
      expect(await picture(restored)).toEqual({ waiting: [kept], tasks: 1 });
      const later = await (await cast(restored)).intake();
      expect((await picture(restored)).waiting).toEqual([kept, later].sort());
    } finally {
      await restored.stop();
    }
  });

  it('serves nothing from a kept snapshot when the store is empty', async () => {
    const first = await start();
    await (await cast(first)).intake();
    await first.stop();
    for (const file of storeFiles(first.dataDir)) rmSync(file, { force: true });
    const empty = await start({}, first.dataDir);
    try {
      expect(await picture(empty)).toEqual({ waiting: [], tasks: 0 });
    } finally {
      await empty.stop();
    }
  });

  it('does not lose a waiting patient to an edited snapshot', async () => {
    const first = await start();
    const api = await cast(first);
    const edited = await api.intake();
    const other = await api.intake();
    await first.stop();
    const bogus = `${edited.slice(0, -4)}${edited.endsWith('beef') ? 'cafe' : 'beef'}`;
    const text = readFileSync(snapshotFile(first.dataDir), 'utf8');
    expect(text).toContain(edited);
    writeFileSync(snapshotFile(first.dataDir), text.split(edited).join(bogus));

    const restarted = await start({}, first.dataDir);
    try {
      expect(await picture(restarted)).toEqual({ waiting: [edited, other].sort(), tasks: 2 });
    } finally {
      await restarted.stop();
    }
    // The rebuilt models were snapshotted again at the stop; that snapshot is trusted.
    const again = await start({}, first.dataDir);
    try {
      expect(await picture(again)).toEqual({ waiting: [edited, other].sort(), tasks: 2 });
    } finally {
      await again.stop();
    }
  });

  it('starts and rebuilds when the snapshot is wrongly shaped, old-style or signed', async () => {
    const first = await start();
    const taskId = await (await cast(first)).intake();
    await first.stop();
    const file = snapshotFile(first.dataDir);

    // The shape that stopped the start with `TypeError: entries is not iterable`.
    writeFileSync(file, JSON.stringify({ position: '1', models: { 'task-board': { version: 2, state: {} }, 'task-facts': { version: 1, state: {} } } }));
    const oldStyle = await start({}, first.dataDir);
    try {
      expect(await picture(oldStyle)).toEqual({ waiting: [taskId], tasks: 1 });
    } finally {
      await oldStyle.stop();
    }

    // Correctly signed and bound to this store, but states no read model can take.
    const store = await openEventStore({ dataDir: first.dataDir });
    const events = (await store.readAll({ maxCount: 100 })).events;
    await store.close();
    const last = events[events.length - 1]!;
    const models = [
      { snapshotName: 'task-board', snapshotVersion: 2, saveState: () => ({ open: 42 }), loadState: () => undefined, resetState: () => undefined },
      { snapshotName: 'task-facts', snapshotVersion: 2, saveState: () => ['not', 'a', 'state'], loadState: () => undefined, resetState: () => undefined },
    ];
    const snapshots = new ReadModelSnapshots(first.dataDir, DEV_PSEUDONYM_KEY);
    snapshots.save({ storeId: events[0]!.eventId, position: last.position, eventId: last.eventId }, models);
    // Its slot let go, so the service starting next takes snapshot.json, this one.
    snapshots.release();
    const signed = await start({}, first.dataDir);
    try {
      expect(await picture(signed)).toEqual({ waiting: [taskId], tasks: 1 });
    } finally {
      await signed.stop();
    }
  });

  it('writes no identity code or phone number into the snapshot, and only for its owner (0600, 0700)', async () => {
    const app = await start();
    const api = await cast(app);
    const people = [
      { patient: { ageYears: 70, personId: '010150-123A' }, callbackPhone: '+358401110001' },
      { patient: { ageYears: 71, personId: '020250-2345' }, callbackPhone: '+358401110002' },
      { patient: { ageYears: 72 }, callbackPhone: '+358 40 111 0003' },
    ];
    for (const person of people) {
      const taskId = await api.intake(person);
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'dizziness', existingServices: [], notes: '' }).expect(200);
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(200);
    }
    await app.stop();

    const file = snapshotFile(app.dataDir);
    const text = readFileSync(file, 'utf8');
    for (const { patient, callbackPhone } of people) {
      if (patient.personId) expect(text).not.toContain(patient.personId);
      expect(text).not.toContain(callbackPhone);
      expect(text).not.toContain(callbackPhone.replace(/[^0-9+]/g, ''));
      expect(text).not.toContain(callbackPhone.replace(/[^0-9]/g, '').slice(3));
    }
    expect(text).not.toMatch(/"(pid|tel):/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(app.dataDir, 'read-models')).mode & 0o777).toBe(0o700);
    expect(statSync(join(app.dataDir, 'events.db')).mode & 0o777).toBe(0o600);

    // The pseudonymised snapshot still carries S4 and the earlier contacts over the restart.
    const again = await start({}, app.dataDir);
    try {
      const next = await cast(again);
      for (const person of people) {
        const taskId = await next.assessed(person);
        expect(await typesOf(again, taskId)).toContain('SecondContactFlagged');
      }
    } finally {
      await again.stop();
    }
  });
});
