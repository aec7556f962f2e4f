import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeBody } from '../support/dtask-api';
import { call, startInstance, startInstances, tokenFor } from './support/instances';

jest.setTimeout(120_000);

/** The `$all` position a snapshot file holds (its second line is the body; the first, its checksum). */
const snapshotPosition = (file: string) => (JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!) as { binding: { position: string } }).binding.position;

/**
 * Instances on one embedded store share its data folder. Each keeps its read-model snapshot in a
 * slot of its own, so one stopping (and writing its snapshot) never overwrites or removes
 * another's, and each resumes from a snapshot only it wrote.
 */
describe('read-model snapshots of two instances on one data folder', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'dtask-snapshot-instances-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('are two files, each written by its own instance at its own position, and both resume', async () => {
    const [first, second] = await startInstances(2, dataDir);
    const erc = await tokenFor(first!.url, 'erc', 'erica');
    const one = await call(first!.url, erc, 'POST', '/api/d-tasks', { body: intakeBody() });
    expect(one.status).toBe(201);
    // The second instance must hold the first intake before the first one stops, so both snapshots hold it.
    const supervisor = await tokenFor(second!.url, 'supervisor', 'super-sari');
    await call(second!.url, supervisor, 'GET', '/api/d-tasks', { position: one.headers.get('x-event-position')! });
    await first!.stop();
    const two = await call(second!.url, erc, 'POST', '/api/d-tasks', { body: intakeBody() });
    expect(two.status).toBe(201);
    await second!.stop();

    const folder = join(dataDir, 'read-models');
    const snapshots = readdirSync(folder).filter((name) => /^snapshot(-\d+)?\.json$/.test(name)).sort();
    expect(snapshots).toEqual(['snapshot-2.json', 'snapshot.json']);
    expect(snapshots.map((name) => snapshotPosition(join(folder, name))).sort()).toEqual(
      [one.headers.get('x-event-position')!, two.headers.get('x-event-position')!].sort(),
    );

    // Started again, one after the other: each takes a free slot and serves both tasks.
    const again = await startInstance(dataDir);
    const andAgain = await startInstance(dataDir);
    try {
      for (const instance of [again, andAgain]) {
        const queue = await call(instance.url, supervisor, 'GET', '/api/d-tasks', { position: two.headers.get('x-event-position')! });
        expect((queue.body.tasks as { taskId: string }[]).map((task) => task.taskId)).toEqual(expect.arrayContaining([one.body.taskId, two.body.taskId]));
      }
    } finally {
      await Promise.all([again.stop(), andAgain.stop()]);
    }
    expect(existsSync(join(folder, 'snapshot.json')) && existsSync(join(folder, 'snapshot-2.json'))).toBe(true);
  });
});
