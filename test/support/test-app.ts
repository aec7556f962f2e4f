import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/dispatch-api/src/bootstrap';
import { Clock } from '../../apps/dispatch-api/src/clock/clock';
import { loadConfig, SCHEDULER_INTERVAL_MAX_MS } from '../../apps/dispatch-api/src/config/app-config';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataDir: string;
  /** A dev token for a user of that role (partner tokens name their service). */
  tokenFor(role: string, sub?: string, service?: string): Promise<string>;
  /** Stops the app, keeping its data directory, so a test can start it again on the same store. */
  stop(): Promise<void>;
  /** Stops the app and removes its data. */
  close(): Promise<void>;
}

/** A real dispatch-api on a temp SQLite store, as `npm start` runs it, minus the port. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string, clock?: Clock): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'dtask-test-'));
  // Tests that drive the deadlines by hand with their own clock pass an interval of an hour, beyond
  // the 60 s the service allows, so the timer never fires on its own: that one value is taken as
  // given, every other setting is validated as at a real start.
  const { SCHEDULER_INTERVAL_MS: interval, ...validated } = env;
  const handDriven = interval !== undefined && Number(interval) > SCHEDULER_INTERVAL_MAX_MS;
  const config = loadConfig({ LOG_LEVEL: 'silent', ...validated, ...(interval !== undefined && !handDriven ? { SCHEDULER_INTERVAL_MS: interval } : {}), DATA_DIR: dir });
  if (handDriven) config.SCHEDULER_INTERVAL_MS = Math.min(Number(interval), 2 ** 31 - 1);
  const app = await createApp(config, { clock });
  await app.init();
  const http = request(app.getHttpServer());
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    http,
    dataDir: dir,
    async tokenFor(role, sub = `${role}-1`, service) {
      const response = await http.post('/api/auth/dev-token').send(service ? { sub, role, service } : { sub, role });
      if (response.status !== 200) throw new Error(`dev-token failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
