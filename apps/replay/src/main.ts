import { failCli } from '@dtask/event-store';
import { createDTaskDecider, SafetyRules } from '@dtask/domain';
import { GROUP_BY, GroupBy, helsinkiDay, loadAt, loadThroughDay, OutcomeLinkageReplay, replayLoadReduction, WHAT_IF_LIMITS, WhatIfReplay } from '@dtask/read-models';
import { parseArgs } from 'node:util';
import { Format, renderDay, renderLoadReduction, renderPastLoad, renderWhatIf } from './format';
import { pseudonymiserFromEnv } from './pseudonym-key';
import { configuredRules } from './rules-from-env';
import { allEventBatches, openStoreToRead } from './store-events';

const PROJECTIONS = ['load-reduction', 'load', 'day', 'what-if'] as const;
const FORMATS: Format[] = ['table', 'csv', 'json'];
/** `--s1-failed-attempts` for `s1FailedAttempts`, and so on. */
const flagOf = (limit: string) => limit.replace(/([A-Z])/g, '-$1').toLowerCase();

const USAGE = `npm run replay -- [--projection load-reduction|load|day|what-if] [--format table|csv|json] [--data-dir ./data]
  load-reduction  --from ISO --to ISO [--group-by ${GROUP_BY.join('|')}]   with the outcome section (PSEUDONYM_KEY as the service's)
  load            --at ISO                       the queue and load as they stood then
  day             --date YYYY-MM-DD [--step-minutes 15]
  what-if         --from ISO --to ISO ${WHAT_IF_LIMITS.map((limit) => `[--${flagOf(limit)} N]`).join(' ')}`;

/** Rebuilds a projection from `$all` with the live service's folds; never writes to the store. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      projection: { type: 'string', default: 'load-reduction' },
      format: { type: 'string', default: 'table' },
      from: { type: 'string' },
      to: { type: 'string' },
      at: { type: 'string' },
      date: { type: 'string' },
      'step-minutes': { type: 'string', default: '15' },
      'group-by': { type: 'string' },
      // No default: without it EVENTSTORE_URL, then DATA_DIR, picks the store (cliStoreLocation).
      'data-dir': { type: 'string' },
      'assumed-mission-minutes': { type: 'string', default: process.env.ASSUMED_MISSION_MINUTES ?? '75' },
      'contact-target-minutes': { type: 'string', default: process.env.CONTACT_TARGET_MINUTES ?? '30' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(WHAT_IF_LIMITS.map((limit) => [flagOf(limit), { type: 'string' as const }])),
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const projection = values.projection as (typeof PROJECTIONS)[number];
  if (!PROJECTIONS.includes(projection)) failCli(`--projection must be one of ${PROJECTIONS.join(', ')}\n${USAGE}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) failCli(`--format must be one of ${FORMATS.join(', ')}`);
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !GROUP_BY.includes(groupBy as GroupBy)) failCli(`--group-by must be one of ${GROUP_BY.join(', ')}`);
  const fromMs = values.from ? Date.parse(values.from) : Date.UTC(new Date().getUTCFullYear(), 0, 1) - 2 * 3_600_000;
  const toMs = values.to ? Date.parse(values.to) : Date.now();
  if (!Number.isFinite(fromMs)) failCli('--from must be an ISO 8601 time');
  if (!Number.isFinite(toMs) || toMs <= fromMs) failCli('--to must be an ISO 8601 time after --from');
  const assumedMissionMinutes = Number(values['assumed-mission-minutes']);
  if (!(assumedMissionMinutes > 0)) failCli('--assumed-mission-minutes must be a positive number');
  const contactTargetMinutes = Number(values['contact-target-minutes']);
  if (!Number.isInteger(contactTargetMinutes) || contactTargetMinutes < 1) failCli('--contact-target-minutes must be a positive whole number');
  const actualRules = configuredRules(process.env);
  const timeTravel = { decider: createDTaskDecider(actualRules), assumedMissionMinutes, contactTargetMinutes };

  const store = await openStoreToRead(values['data-dir']);
  try {
    switch (projection) {
      case 'load-reduction': {
        // A recall still pending counts as due once its time has come, now, as in the service's report.
        const options = { assumedMissionMinutes, contactTargetMinutes, asOfMs: Date.now(), ...(groupBy ? { groupBy: groupBy as GroupBy } : {}) };
        // Outcomes are keyed by the analysts' pseudonyms: the patient index needs the service's key.
        const key = pseudonymiserFromEnv(process.env);
        if ('error' in key) failCli(key.error);
        const outcomes = new OutcomeLinkageReplay(key.pseudonymiser);
        const result = await replayLoadReduction(outcomes.tap(allEventBatches(store)), { fromMs, toMs }, options);
        const linkage = outcomes.linkage({ fromMs, toMs });
        if (key.devKey && linkage.outcomesImported > 0) process.stderr.write('replay: PSEUDONYM_KEY is not set; outcomes are linked by the dev key, and none imported under the service\'s key will match\n');
        const replayed = { linkage, breakdowns: outcomes.breakdowns({ fromMs, toMs }), ...(groupBy ? { groupBy: groupBy as GroupBy } : {}) };
        return void process.stdout.write(renderLoadReduction(result, replayed, format));
      }
      case 'load': {
        const atMs = values.at ? Date.parse(values.at) : Number.NaN;
        if (!Number.isFinite(atMs)) failCli('--at must be an ISO 8601 time');
        return void process.stdout.write(renderPastLoad(await loadAt(allEventBatches(store), atMs, timeTravel), format));
      }
      case 'day': {
        if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !Number.isFinite(Date.parse(values.date))) failCli('--date must be a date YYYY-MM-DD');
        const stepMinutes = Number(values['step-minutes']);
        if (!Number.isInteger(stepMinutes) || stepMinutes < 1) failCli('--step-minutes must be a positive whole number');
        const steps = await loadThroughDay(allEventBatches(store), { ...helsinkiDay(values.date), stepMs: stepMinutes * 60_000 }, timeTravel);
        return void process.stdout.write(renderDay({ date: values.date, steps }, format));
      }
      case 'what-if': {
        const whatIfRules: SafetyRules = { ...actualRules };
        for (const limit of WHAT_IF_LIMITS) {
          const raw = (values as Record<string, string | boolean | undefined>)[flagOf(limit)];
          if (raw === undefined) continue;
          const value = Number(raw);
          if (!Number.isInteger(value) || value < 1) failCli(`--${flagOf(limit)} must be a positive whole number`);
          whatIfRules[limit] = value;
        }
        if (whatIfRules.s2AlertMinutes >= whatIfRules.s2DispatchMinutes) failCli('--s2-alert-minutes must be less than --s2-dispatch-minutes');
        const replay = new WhatIfReplay({ fromMs, toMs, actualRules, whatIfRules, assumedMissionMinutes, contactTargetMinutes });
        for await (const batch of allEventBatches(store)) for (const event of batch) replay.apply(event);
        return void process.stdout.write(renderWhatIf(replay.report(), format));
      }
    }
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`replay failed: ${error.message}\n`);
  process.exit(1);
});
