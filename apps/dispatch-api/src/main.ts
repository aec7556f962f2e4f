import 'reflect-metadata';
import { createApp } from './bootstrap';
import { InvalidConfigurationError, loadConfig } from './config/app-config';
import { devModeWarning } from './config/dev-mode';

/** How long a graceful stop may take: in-flight appends are flushed and the snapshot written, or the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  boundTheShutdown();
  const warning = devModeWarning(config);
  if (warning) process.stderr.write(warning);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  process.stdout.write(`dispatch-api listening on ${url.replace('[::1]', 'localhost')} (store: ${config.EVENTSTORE_URL ? 'EventStoreDB' : `SQLite in ${config.DATA_DIR}`}, auth: ${config.AUTH_MODE})\n`);
}

main().catch(failed);

/**
 * Nest's shutdown hooks close the service on SIGTERM or SIGINT (the store flushes what it was
 * appending, the read models write their snapshot); if that hangs, the process still ends, saying so.
 */
function boundTheShutdown(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`dispatch-api did not stop within ${SHUTDOWN_GRACE_MS / 1000} s of ${signal}; exiting\n`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

function failed(error: unknown): void {
  if (error instanceof InvalidConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`dispatch-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}
