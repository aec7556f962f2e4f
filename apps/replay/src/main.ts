import { openEventStore } from '@dtask/event-store';
import { GROUP_BY, GroupBy, replayLoadReduction } from '@dtask/read-models';
import { parseArgs } from 'node:util';
import { Format, render } from './format';
import { allEvents } from './store-events';

const PROJECTIONS = ['load-reduction'] as const;
const FORMATS: Format[] = ['table', 'csv', 'json'];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** `npm run replay -- --from … --to … --projection load-reduction [--group-by area] --format table|csv|json` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      projection: { type: 'string', default: 'load-reduction' },
      'group-by': { type: 'string' },
      format: { type: 'string', default: 'table' },
      'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
      'assumed-mission-minutes': { type: 'string', default: process.env.ASSUMED_MISSION_MINUTES ?? '75' },
    },
  });
  if (!PROJECTIONS.includes(values.projection as (typeof PROJECTIONS)[number])) fail(`--projection must be one of ${PROJECTIONS.join(', ')}`);
  if (!FORMATS.includes(values.format as Format)) fail(`--format must be one of ${FORMATS.join(', ')}`);
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !GROUP_BY.includes(groupBy as GroupBy)) fail(`--group-by must be one of ${GROUP_BY.join(', ')}`);
  const fromMs = values.from ? Date.parse(values.from) : Date.UTC(new Date().getUTCFullYear(), 0, 1) - 2 * 3_600_000;
  const toMs = values.to ? Date.parse(values.to) : Date.now();
  if (!Number.isFinite(fromMs)) fail('--from must be an ISO 8601 time');
  if (!Number.isFinite(toMs) || toMs <= fromMs) fail('--to must be an ISO 8601 time after --from');
  const assumedMissionMinutes = Number(values['assumed-mission-minutes']);
  if (!(assumedMissionMinutes > 0)) fail('--assumed-mission-minutes must be a positive number');

  const store = await openEventStore({ eventStoreUrl: process.env.EVENTSTORE_URL, dataDir: values['data-dir']! });
  try {
    const result = await replayLoadReduction(allEvents(store), { fromMs, toMs }, { assumedMissionMinutes, ...(groupBy ? { groupBy: groupBy as GroupBy } : {}) });
    process.stdout.write(render(result, values.format as Format));
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`replay failed: ${error.message}\n`);
  process.exit(1);
});
