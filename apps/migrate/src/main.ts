import { EventStore, failCli } from '@dtask/event-store';
import { parseArgs } from 'node:util';
import { copyStore, MigrationRefused } from './copy';
import { describe, openStore, parseStoreLocation, StoreLocation } from './store-location';
import { StreamDigests, verifyCopy } from './verify';

const USAGE = `npm run migrate -- --from sqlite:./data --to kurrentdb://… | sqlite:./other [--batch 5000] [--into-non-empty]
  Copies every stream of the source, in $all order, with its event ids and metadata, into the target;
  run it again after a stop or a kill and it goes on from where it was, writing nothing twice.
  Ends by comparing each stream's count and hash in both stores (exit 1 if any differs).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      batch: { type: 'string', default: '5000' },
      'into-non-empty': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.from || !values.to) failCli(`--from and --to are both needed\n${USAGE}`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) failCli('--batch must be a whole number from 1 to 50000');
  let from: StoreLocation;
  let to: StoreLocation;
  try {
    from = parseStoreLocation(values.from);
    to = parseStoreLocation(values.to);
  } catch (error) {
    return failCli((error as Error).message);
  }
  if (JSON.stringify(from) === JSON.stringify(to)) failCli('--from and --to name the same store');

  const source = await openStore(from);
  let target: EventStore | undefined;
  try {
    target = await openStore(to, 'NORMAL');
    const started = performance.now();
    let lastReport = 0;
    // The source's side of the verification is hashed as the copy reads it (and, on a rerun, what earlier runs copied first).
    const expected = new StreamDigests();
    const copy = await copyStore(source, target, {
      batchSize,
      intoNonEmpty: values['into-non-empty'],
      beforeResume: (through) => expected.addAll(source, through),
      onEvents: (events) => expected.add(events),
      // A line a batch while it is quick, about one a second after: a kill lands between any two.
      onProgress: ({ position, events }) => {
        const now = performance.now();
        if (now - lastReport < 1000 && events > batchSize * 10) return;
        lastReport = now;
        process.stdout.write(`copied through position ${position} (${events} events this run)\n`);
      },
    });
    const copiedIn = (performance.now() - started) / 1000;
    // Closing checkpoints the WAL into the file and syncs it: what is verified is on the disk.
    await target.close();
    target = await openStore(to);
    const verification = await verifyCopy(expected.finish(), target, copy.targetIsTheCopy);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${describe(from)} → ${describe(to)}: copied through position ${copy.copiedThrough ?? '(empty source)'}, ${copy.events} events this run in ${copiedIn.toFixed(1)} s\n`);
    if (verification.differences.length > 0) {
      for (const difference of verification.differences.slice(0, 20)) process.stderr.write(`differs: ${difference}\n`);
      failCli(`verification failed: ${verification.differences.length} of ${verification.streams} streams differ`, 1);
    }
    const cpu = process.cpuUsage();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(`verified ${verification.streams} streams, ${verification.events} events: every count and hash equal (${seconds.toFixed(1)} s in all, ${cpuSeconds.toFixed(1)} s of CPU)\n`);
  } catch (error) {
    if (error instanceof MigrationRefused) failCli(`migration refused: ${error.message}`);
    throw error;
  } finally {
    await target?.close();
    await source.close();
  }
}

main().catch((error: unknown) => failCli(`migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1));
