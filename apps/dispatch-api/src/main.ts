import 'reflect-metadata';
import { createApp } from './bootstrap';
import { InvalidConfigurationError, loadConfig } from './config/app-config';
import { devModeWarning } from './config/dev-mode';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const warning = devModeWarning(config);
  if (warning) process.stderr.write(warning);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  process.stdout.write(`dispatch-api listening on ${url.replace('[::1]', 'localhost')} (store: ${config.EVENTSTORE_URL ? 'EventStoreDB' : `SQLite in ${config.DATA_DIR}`}, auth: ${config.AUTH_MODE})\n`);
}

main().catch(failed);

function failed(error: unknown): void {
  if (error instanceof InvalidConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`dispatch-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}
