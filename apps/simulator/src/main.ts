import { parseArgs } from 'node:util';
import { runSimulation } from './simulation';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SIMULATOR_URL ?? 'http://localhost:3000' },
    rate: { type: 'string', default: '0.05' },
    speedup: { type: 'string', default: '60' },
    duration: { type: 'string', default: '0' },
    nurses: { type: 'string', default: '6' },
    seed: { type: 'string', default: '20261122' },
  },
});

const number = (name: string, value: string | undefined, min: number) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    process.stderr.write(`--${name} must be a number ≥ ${min} (got ${JSON.stringify(value)})\n`);
    process.exit(2);
  }
  return parsed;
};

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
