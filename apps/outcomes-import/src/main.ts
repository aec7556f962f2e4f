import { cliStoreLocation, openEventStore, failCli } from '@dtask/event-store';
import { ActorId, readStoredEvent } from '@dtask/events';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importOutcomes } from './import-outcomes';
import { parseOutcomeCsv } from './outcome-csv';

const USAGE = `npm run import-outcomes -- --file outcomes.csv [--data-dir ./data] [--actor analyst-id]
  The county data warehouse's outcome rows, header patientRef,kind,at[,note]:
  patientRef  the analysts' pseudonym of the patient (p-…), never an identity code
  kind        ed-visit | admission | death
  at          when it happened, ISO 8601 with offset (2025-03-01T14:20:00+02:00)
  note        optional free text, kept with the import, never shown to analysts`;
/** Enough to see what is wrong with a file; the rest is counted. */
const ERRORS_SHOWN = 50;

/**
 * Imports outcome rows as events of their own, each patient's in the patient's outcome stream
 * (`--data-dir`, or EVENTSTORE_URL). Every row is checked before anything is written: a file with
 * an error writes nothing, and names each bad line and field. Importing the same rows again
 * writes nothing new.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      // No default: without it EVENTSTORE_URL, then DATA_DIR, picks the store (cliStoreLocation).
      'data-dir': { type: 'string' },
      actor: { type: 'string', default: process.env.USER ?? 'outcomes-import' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.file) failCli(`--file is required\n${USAGE}`);
  const actorId = ActorId.safeParse(values.actor);
  if (!actorId.success) failCli('--actor must be 1 to 128 characters');
  let text: string;
  try {
    text = readFileSync(values.file, 'utf8');
  } catch (error) {
    return failCli(`cannot read ${values.file}: ${(error as Error).message}`);
  }
  const now = new Date();
  const source = basename(values.file);
  const { rows, errors } = parseOutcomeCsv(text, now.getTime());
  if (errors.length > 0) {
    const more = errors.length > ERRORS_SHOWN ? [`… and ${errors.length - ERRORS_SHOWN} more`] : [];
    failCli([...errors.slice(0, ERRORS_SHOWN).map((error) => `${source}: ${error}`), ...more, `${source}: nothing imported`].join('\n'));
  }
  const store = await openEventStore({ ...cliStoreLocation(values['data-dir']), readBoundary: readStoredEvent });
  try {
    const result = await importOutcomes(store, rows, { id: actorId.data, role: 'analyst' }, { nowIso: now.toISOString(), source });
    process.stdout.write(`${source}: ${result.rows} rows, ${result.written} new outcomes written for ${result.patients} patients, ${result.alreadyStored} already imported\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => failCli(`import failed: ${error.message}`, 1));
