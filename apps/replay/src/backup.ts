import { backupStore, cliStoreLocation, restoreStore, failCli } from '@dtask/event-store';
import { parseArgs } from 'node:util';

/**
 * `npm run backup -- --out FILE [--data-dir ./data]`: an online, consistent copy of the embedded
 * store while the service runs, verified page by page.
 * `npm run backup -- --restore FILE [--data-dir ./data]`: puts a verified backup in place of a
 * stopped service's store (the replaced one is kept beside it, the read-model snapshots removed).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, restore: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help || (!values.out && !values.restore) || (values.out && values.restore)) {
    process.stdout.write('npm run backup -- --out FILE [--data-dir ./data]\nnpm run backup -- --restore FILE [--data-dir ./data]   (stop the service first)\n');
    process.exit(values.help ? 0 : 2);
  }
  const { eventStoreUrl, dataDir } = cliStoreLocation(values['data-dir']);
  if (eventStoreUrl) {
    failCli('EVENTSTORE_URL is set: this copies the embedded store only. Back a KurrentDB cluster up on its nodes (see the README), or name the embedded store with --data-dir.');
  }
  if (values.out) {
    const summary = await backupStore(dataDir, values.out);
    process.stdout.write(`backup ${summary.file}: ${summary.events} events in ${summary.streams} streams, up to position ${summary.headPosition}, verified\n`);
    return;
  }
  const { restored, keptAs } = await restoreStore(values.restore!, dataDir);
  process.stdout.write(
    `restored ${restored.events} events in ${restored.streams} streams, up to position ${restored.headPosition}, verified; ` +
      `${keptAs ? `the store it replaced is kept as ${keptAs}; ` : ''}read models rebuild from it at the next start\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
