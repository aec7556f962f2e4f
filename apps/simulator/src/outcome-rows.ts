import { cliStoreLocation, EventStore, openEventStore, readAllBatches } from '@dtask/event-store';
import { OutcomeKind, readStoredEvent, REQUIRED_OUTCOME_CSV_COLUMNS } from '@dtask/events';
import { DEV_PSEUDONYM_KEY, EventBatches, isResolvedWithoutUnit, PatientIndex, Pseudonymiser, PseudonymKey, TaskFacts, TaskFactsFold } from '@dtask/read-models';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The rates outcomes are drawn at: assumptions near the reference figures (domain.md), not
 * measurements. After a no-unit decision a few % reach the ED within 48 h (Ambulance Victoria's
 * safety measure), a quarter of them admitted; deaths within 30 days are rare, and one within two
 * days rarer still (Copenhagen's potential under-triage, 0.04 %). A conveyed patient reaches the
 * ED within the hour or two and is often admitted: rows the linkage must not count.
 */
export const OUTCOME_RATES = {
  afterNoUnit: { edWithin24h: 0.025, edFrom24To48h: 0.015, admittedAfterEd: 0.25, deathWithin2d: 0.0003, deathWithin30d: 0.001 },
  afterUnit: { edWhenConveyed: 0.95, admittedAfterEd: 0.3, deathWithin30d: 0.005 },
  /** Any patient, a later ED visit of its own (3 to 30 days on): outside every window but the death's. */
  laterEd: 0.03,
} as const;

interface Row {
  patientRef: string;
  kind: OutcomeKind;
  atMs: number;
}

/** The outcomes one task's patient had after its decision, drawn at OUTCOME_RATES. */
function outcomesOf(task: TaskFacts, patientRef: string, random: Random): Row[] {
  const decidedAtMs = task.decidedAtMs!;
  const rows: Row[] = [];
  const add = (kind: OutcomeKind, afterMs: number) => rows.push({ patientRef, kind, atMs: decidedAtMs + Math.round(afterMs / 60_000) * 60_000 });
  const ed = (fromHours: number, toHours: number, admitted: number) => {
    const afterMs = (fromHours + random.next() * (toHours - fromHours)) * HOUR;
    add('ed-visit', afterMs);
    if (random.chance(admitted)) add('admission', afterMs + random.int(2, 8) * HOUR);
  };
  if (isResolvedWithoutUnit(task)) {
    const rates = OUTCOME_RATES.afterNoUnit;
    const draw = random.next();
    if (draw < rates.edWithin24h) ed(0.5, 24, rates.admittedAfterEd);
    else if (draw < rates.edWithin24h + rates.edFrom24To48h) ed(24, 48, rates.admittedAfterEd);
    const death = random.next();
    if (death < rates.deathWithin2d) add('death', random.next() * 2 * DAY);
    else if (death < rates.deathWithin30d) add('death', (2 + random.next() * 28) * DAY);
  } else if (task.unitRequested) {
    const rates = OUTCOME_RATES.afterUnit;
    if (task.conveyed !== false && random.chance(rates.edWhenConveyed)) ed(0.7, 2.5, rates.admittedAfterEd);
    if (random.chance(rates.deathWithin30d)) add('death', random.next() * 30 * DAY);
  }
  if (random.chance(OUTCOME_RATES.laterEd)) ed(3 * 24, 30 * 24, 0.1);
  return rows;
}

/**
 * The county data warehouse's outcome CSV for a generated year (header patientRef,kind,at), as
 * `npm run import-outcomes` takes it: patients by the analysts' pseudonym under `pseudonymKey`
 * (PSEUDONYM_KEY, as the service), never an identity code. Nothing after `untilMs` (the warehouse
 * cannot know the future). Each patient dies at most once.
 */
export async function outcomeCsv(batches: EventBatches, options: { seed: number; pseudonymKey: string; untilMs: number }): Promise<{ csv: string; rows: number }> {
  const patients = new PatientIndex(new Pseudonymiser(options.pseudonymKey));
  const facts = new TaskFactsFold(patients);
  for await (const batch of batches) {
    for (const event of batch) {
      patients.apply(event);
      facts.apply(event);
    }
  }
  const random = new Random(options.seed);
  const rows: Row[] = [];
  const dead = new Set<string>();
  for (const task of facts.receivedBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)) {
    const patientRef = patients.patientOf(task.taskId);
    if (task.cancelled || task.decidedAtMs === undefined || patientRef === undefined || !patientRef.startsWith('p-')) continue;
    for (const row of outcomesOf(task, patientRef, random)) {
      if (row.atMs > options.untilMs || (row.kind === 'death' && dead.has(patientRef))) continue;
      if (row.kind === 'death') dead.add(patientRef);
      rows.push(row);
    }
  }
  rows.sort((a, b) => a.atMs - b.atMs);
  const lines = rows.map((row) => `${row.patientRef},${row.kind},${new Date(row.atMs).toISOString()}`);
  return { csv: [REQUIRED_OUTCOME_CSV_COLUMNS.join(','), ...lines].join('\n') + '\n', rows: rows.length };
}

/** Writes the outcome CSV of the year in `store` to `out` (PSEUDONYM_KEY as the service reads it); what it wrote, in a line. */
export async function writeOutcomeRows(store: EventStore, out: string, seed: number): Promise<string> {
  // An empty setting is unset, as the service reads it.
  const key = PseudonymKey.safeParse(process.env.PSEUDONYM_KEY || DEV_PSEUDONYM_KEY);
  if (!key.success) throw new Error(`PSEUDONYM_KEY: ${key.error.issues[0]!.message}`);
  const { csv, rows } = await outcomeCsv(readAllBatches(store) as unknown as EventBatches, { seed, pseudonymKey: key.data, untilMs: Date.now() });
  writeFileSync(out, csv);
  return `${out}: ${rows} outcome rows; import them with npm run import-outcomes -- --file ${out}\n`;
}

/**
 * `node apps/simulator/dist/outcome-rows.js [--data-dir ./data] [--out outcomes.csv] [--seed N]`, after `--generate-year`:
 * the store `--data-dir` names, else EVENTSTORE_URL, else DATA_DIR (cliStoreLocation, as every CLI).
 */
export async function outcomeRowsCli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string', default: 'outcomes.csv' },
      seed: { type: 'string', default: '20261201' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number ≥ 0');
  const store = await openEventStore({ ...cliStoreLocation(values['data-dir']), readBoundary: readStoredEvent });
  try {
    process.stdout.write(await writeOutcomeRows(store, values.out!, seed));
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  outcomeRowsCli().catch((error: Error) => {
    process.stderr.write(`outcome rows failed: ${error.message}\n`);
    process.exit(1);
  });
}
