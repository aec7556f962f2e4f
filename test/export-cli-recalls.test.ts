import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

/** The measures CSV's cell of the total row. */
const totalCell = (csv: string, column: string) => {
  const [header, total] = csv.trim().split('\r\n');
  return total!.split(',')[header!.split(',').indexOf(column)];
};

describe('the export CLI’s measures CSV', () => {
  it('counts a pending recall due only once its time has come, as the service’s export does', async () => {
    const app = await startTestApp();
    const api = await cast(app);
    // A D unit sent by a nurse: its recall (S8) falls due later than now.
    const unit = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    const window = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const http = (await api.get(api.tokens.analyst, `/api/export/measures.csv?from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`).expect(200)).text;
    await app.stop();
    try {
      const loader = join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js');
      const args = ['-r', loader, join(__dirname, 'support', 'run-replay-cli.js'), '--format', 'measures-csv', '--from', window.from, '--to', window.to, '--data-dir', app.dataDir];
      const cli = execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, REPLAY_CLI_ENTRY: 'export', PSEUDONYM_KEY: '' }, stdio: 'pipe' });
      expect(totalCell(http, 'unitRequested')).toBe('1');
      expect([totalCell(cli, 'recalls.due'), totalCell(http, 'recalls.due')]).toEqual(['0', '0']);
      expect(cli).toBe(http);
    } finally {
      await app.close();
    }
  }, 60_000);
});
