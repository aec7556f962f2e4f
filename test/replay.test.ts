import { openEventStore } from '@dtask/event-store';
import { replayLoadReduction } from '@dtask/read-models';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { allEventBatches } from '../apps/replay/src/store-events';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

describe('replay of $all', () => {
  it('gives exactly the live report, and the CLI prints it as JSON, CSV and a table', async () => {
    const app = await startTestApp();
    const api = await cast(app);
    const advised = await api.assessed({ municipality: 'Raahe' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    const unit = await api.assessed({ municipality: 'Oulu' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'C' }).expect(200);
    const cancelled = await api.intake({ municipality: 'Kuusamo' });
    await api.post(api.tokens.erc, `/api/d-tasks/${cancelled}/cancel`, { reason: 'went by taxi' }).expect(200);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const live = (await api.get(api.tokens.analyst, `/api/reports/load-reduction?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=area`).expect(200)).body;
    await app.stop();

    const store = await openEventStore({ dataDir: app.dataDir });
    try {
      const replayed = await replayLoadReduction(allEventBatches(store), { fromMs: Date.parse(from), toMs: Date.parse(to) }, { assumedMissionMinutes: 75, groupBy: 'area' });
      expect(replayed.totals).toEqual(live.totals);
      expect(replayed.groups).toEqual(live.groups);
      expect(replayed.totals).toMatchObject({ tasks: 3, cancelled: 1, resolvedWithoutUnit: 1, unitRequested: 1 });
    } finally {
      await store.close();
    }

    const cli = (format: string) =>
      execFileSync(process.execPath, ['-r', join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js'), join(__dirname, 'support', 'run-replay-cli.js'), '--from', from, '--to', to, '--group-by', 'area', '--format', format, '--data-dir', app.dataDir], { encoding: 'utf8' });
    expect(JSON.parse(cli('json')).totals).toEqual(live.totals);
    const csv = cli('csv').trim().split('\r\n');
    expect(csv[1]!.startsWith('total,3,1,1,')).toBe(true);
    expect(cli('table')).toMatch(/load reduction, tasks received/);
    await app.close();
  }, 60_000);
});
