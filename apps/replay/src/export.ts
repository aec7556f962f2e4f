import { DEV_PSEUDONYM_KEY, measuresCsv, Pseudonymiser, PseudonymKey, pseudonymisedNdjson, replayMeasureRows, reportWindow } from '@dtask/read-models';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { allEventBatches, openStoreToRead } from './store-events';

const Instant = z.iso.datetime({ offset: true });

const ExportArgs = z
  .object({
    format: z.enum(['ndjson', 'measures-csv']),
    from: Instant.optional(),
    to: Instant.optional(),
    'data-dir': z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    'assumed-mission-minutes': z.coerce.number().positive(),
    'contact-target-minutes': z.coerce.number().int().positive(),
  })
  .refine((args) => !args.from || !args.to || Date.parse(args.from) < Date.parse(args.to), { path: ['to'], message: 'must be after from' });

/** The pseudonym key is read as the service reads it, so the CLI's pseudonyms are the API's. */
const PseudonymEnv = z
  .object({ PSEUDONYM_KEY: PseudonymKey.default(DEV_PSEUDONYM_KEY), AUTH_MODE: z.enum(['dev', 'oidc']).default('dev') })
  .refine((env) => env.AUTH_MODE !== 'oidc' || env.PSEUDONYM_KEY !== DEV_PSEUDONYM_KEY, {
    path: ['PSEUDONYM_KEY'],
    message: 'must be set to a secret key when AUTH_MODE=oidc',
  });

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parsed<S extends z.ZodType>(schema: S, input: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return fail(result.error.issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`).join('\n'));
}

/**
 * `npm run export -- --format ndjson|measures-csv [--from …] [--to …] [--data-dir ./data] [--out file]`
 * - ndjson: the pseudonymised D-task events that occurred in [from, to), as `GET /api/export/events.ndjson`;
 * - measures-csv: every measure and breakdown for tasks received in [from, to) (default: the year to date),
 *   replayed from `$all` with the live fold, as `GET /api/export/measures.csv`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      'assumed-mission-minutes': { type: 'string', default: process.env.ASSUMED_MISSION_MINUTES ?? '75' },
      'contact-target-minutes': { type: 'string', default: process.env.CONTACT_TARGET_MINUTES ?? '30' },
    },
  });
  const args = parsed(ExportArgs, values, '--');
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  out.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) is not a failure.
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`export failed: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
  // Both exports are for analysts: patients and staff by pseudonym, with the service's key.
  const env = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''));
  const { PSEUDONYM_KEY } = parsed(PseudonymEnv, env, '');
  if (PSEUDONYM_KEY === DEV_PSEUDONYM_KEY) process.stderr.write('export: PSEUDONYM_KEY is not set; pseudonyms use the dev key\n');
  const pseudonymiser = new Pseudonymiser(PSEUDONYM_KEY);
  const store = await openStoreToRead(args['data-dir']);
  try {
    if (args.format === 'ndjson') {
      const window = { fromMs: args.from ? Date.parse(args.from) : undefined, toMs: args.to ? Date.parse(args.to) : undefined };
      const head = await store.headPosition();
      // One batch at a time, and none before the output has taken the last one: a year is never in memory.
      for await (const chunk of pseudonymisedNdjson(store, pseudonymiser, window, head)) {
        if (chunk && !out.write(chunk)) await once(out, 'drain');
      }
    } else {
      const window = reportWindow(args, new Date());
      const replay = await replayMeasureRows(allEventBatches(store), window, { assumedMissionMinutes: args['assumed-mission-minutes'], contactTargetMinutes: args['contact-target-minutes'] });
      out.write(measuresCsv(replay.rows.map((row) => (row.breakdown === 'nurse' ? { ...row, key: pseudonymiser.staffPseudonym(row.key) } : row))));
    }
  } finally {
    await store.close();
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'close');
  }
}

main().catch((error: Error) => {
  process.stderr.write(`export failed: ${error.message}\n`);
  process.exit(1);
});
