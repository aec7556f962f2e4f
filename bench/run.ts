import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as consoleOpen from './console-open';
import * as eventStore from './event-store';
import * as httpCommands from './http-commands';
import * as instances from './instances';
import * as liveClients from './live-clients';
import * as liveLatency from './live-latency';
import * as migrate from './migrate';
import * as replay from './replay';
import { Section } from './stats';

/** Every benchmark section; `npm run bench -- <name>` runs one. */
const SECTIONS: Record<string, { run(): Promise<Section> }> = {
  'event-store': eventStore,
  'http-commands': httpCommands,
  // Three instances on one store behind a round-robin proxy against one, and the migration of a generated year.
  instances,
  migrate,
  'live-latency': liveLatency,
  'live-clients': liveClients,
  replay,
  // A real browser on a generated year's store; skipped (saying so) where no Chromium is installed.
  'console-open': consoleOpen,
};

const RESULTS = join(__dirname, '..', 'results', 'latest.json');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const results: Record<string, Section> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  for (const name of names) {
    process.stdout.write(`running ${name} …\n`);
    const section = await SECTIONS[name]!.run();
    results[name] = section;
    console.table(section.figures.map(({ name: figure, value, unit, target, met }) => ({ figure, value, unit, target: target ?? '', met: met === undefined ? '' : met ? 'yes' : 'NO' })));
  }
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written ${RESULTS}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
