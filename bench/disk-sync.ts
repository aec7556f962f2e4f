import { closeSync, fdatasync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentileOf } from './stats';

const SYNCS = 3_000;
/** About what one group commit writes to the WAL. */
const WRITE_BYTES = 32 * 1024;

export interface DiskSyncFigures {
  p50: number;
  p99: number;
  max: number;
}

/**
 * The floor under every durable acknowledgement: how long the disk takes to sync a commit-sized
 * write, measured in the same temp directory the service's store uses. A command cannot be
 * answered before its sync, however fast the service.
 */
export async function diskSyncLatency(): Promise<DiskSyncFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-disk-'));
  const fd = openSync(join(dir, 'sync.bin'), 'w');
  const block = Buffer.alloc(WRITE_BYTES, 1);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < SYNCS; i += 1) {
      writeSync(fd, block);
      const started = performance.now();
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
      latencies.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99), max: Math.max(...latencies) };
}
