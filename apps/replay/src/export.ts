import { failCli } from '@dtask/event-store';
import { measuresCsv, OutcomeLinkageReplay, pseudonymisedNdjson, replayMeasureRows, reportWindow } from '@dtask/read-models';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { pseudonymiserFromEnv } from './pseudonym-key';
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

function parsed<S extends z.ZodType>(schema: S, input: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return failCli(result.error.issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`).join('\n'));
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
  const key = pseudonymiserFromEnv(process.env);
  if ('error' in key) return failCli(key.error);
  if (key.devKey) process.stderr.write('export: PSEUDONYM_KEY is not set; pseudonyms use the dev key\n');
  const { pseudonymiser } = key;
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
      // The outcome section of each row, as the service's export gives it, from the same read of $all.
      const outcomes = new OutcomeLinkageReplay(pseudonymiser);
      const replay = await replayMeasureRows(outcomes.tap(allEventBatches(store)), window, {
        assumedMissionMinutes: args['assumed-mission-minutes'],
        contactTargetMinutes: args['contact-target-minutes'],
        // A recall still pending counts as due once its time has come, now, as in the service's export.
        asOfMs: Date.now(),
      });
      const breakdowns = outcomes.breakdowns(window);
      const rows = replay.rows.map((row) => ({ ...row, ...breakdowns.of(row.breakdown, row.key) }));
      out.write(measuresCsv(rows.map((row) => (row.breakdown === 'nurse' ? { ...row, key: pseudonymiser.staffPseudonym(row.key) } : row))));
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
