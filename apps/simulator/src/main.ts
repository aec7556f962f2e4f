import { parseArgs } from 'node:util';
import { cliStoreLocation, openEventStore } from '@dtask/event-store';
import { generateYear } from './generate-year';
import { writeOutcomeRows } from './outcome-rows';
import { runSimulation } from './simulation';

const OPTIONS = {
  url: { type: 'string', default: process.env.SIMULATOR_URL ?? 'http://localhost:3000' },
  rate: { type: 'string', default: '0.05' },
  speedup: { type: 'string', default: '60' },
  duration: { type: 'string', default: '0' },
  nurses: { type: 'string', default: '6' },
  seed: { type: 'string', default: '20261122' },
  'generate-year': { type: 'boolean', default: false },
  tasks: { type: 'string', default: '110000' },
  'data-dir': { type: 'string' },
  start: { type: 'string', default: '2025-01-01T00:00:00+02:00' },
  // With --generate-year: the warehouse's outcome CSV for that year too (npm run import-outcomes).
  'outcomes-csv': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const USAGE = `Usage:
  npm run simulate -- [--url URL] [--rate N] [--speedup N] [--duration S] [--nurses N] [--seed N]
      Drives a running service over HTTP as the ERC, the field commander, nurses and the receiving
      services: intakes on the day's curve, callbacks, assessments (language, interpreter, caller),
      consults, decisions with a care level, timeframe and transport, referrals accepted and their
      visits reported done or failed (a few left to the visit limit), missions, ERC updates, recalls.
      --rate new tasks a real second (0.05), --speedup simulated seconds a real second for people's
      work (60), --duration real seconds, 0 until stopped (0), --nurses (6); SIMULATOR_URL sets --url.
  npm run simulate -- --generate-year [--tasks N] [--start ISO] [--seed N] [--data-dir DIR] [--outcomes-csv FILE]
      Writes a year of the region straight into a store (--data-dir, else EVENTSTORE_URL, else
      DATA_DIR): --tasks 110000 make about 1.27 million events; --outcomes-csv also writes the
      warehouse's outcome rows for it (npm run import-outcomes -- --file FILE).
`;

const { values } = parseOptions();

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const number = (name: string, value: string | undefined, min: number) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    process.stderr.write(`--${name} must be a number ≥ ${min} (got ${JSON.stringify(value)})\n`);
    process.exit(2);
  }
  return parsed;
};

/** `--generate-year`: a synthetic year written straight into the store (`--data-dir`, else EVENTSTORE_URL, else DATA_DIR). */
async function generate(): Promise<void> {
  const store = await openEventStore({ ...cliStoreLocation(values['data-dir']), synchronous: 'NORMAL' });
  const started = Date.now();
  try {
    const result = await generateYear({
      store,
      tasks: number('tasks', values.tasks, 1),
      startMs: Date.parse(values.start!),
      seed: number('seed', values.seed, 0),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`generated ${result.tasks} tasks, ${result.events} events in ${Math.round((Date.now() - started) / 1000)} s\n`);
    if (values['outcomes-csv']) process.stdout.write(await writeOutcomeRows(store, values['outcomes-csv'], number('seed', values.seed, 0)));
  } finally {
    await store.close();
  }
}

if (values['generate-year']) {
  generate().catch((error: Error) => {
    process.stderr.write(`generation failed: ${error.message}\n`);
    process.exit(1);
  });
} else {
  simulate();
}

function simulate(): void {
  const controller = new AbortController();
  process.on('SIGINT', () => controller.abort());
  process.on('SIGTERM', () => controller.abort());

  runSimulation({
    url: values.url!,
    rate: number('rate', values.rate, 0.0001),
    speedup: number('speedup', values.speedup, 1),
    durationSeconds: number('duration', values.duration, 0),
    nurses: number('nurses', values.nurses, 0),
    seed: number('seed', values.seed, 0),
    signal: controller.signal,
    log: (line) => process.stdout.write(`${line}\n`),
  })
    .then((stats) => process.stdout.write(`simulation finished: ${JSON.stringify(stats)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`simulation failed: ${error.message}\n`);
      process.exit(1);
    });
}
