import { RecordedLike } from '@dtask/events';
import { AllEventsReader, EXPORT_BATCH, exportLine, pseudonymisedNdjson } from './event-export';
import { Pseudonymiser } from './pseudonymiser';

const pseudonymiser = new Pseudonymiser('k'.repeat(32));
const minute = (n: number) => new Date(Date.parse('2026-11-02T08:00:00Z') + n * 60_000).toISOString();

function recorded(position: number, streamId = `dtask-t${position % 7}`): RecordedLike {
  const received = position % 7 === 0;
  return {
    position: String(position),
    streamId,
    revision: 0,
    type: received ? 'DTaskReceived' : 'DTaskClaimed',
    data: received
      ? { taskId: 't', receivedAt: minute(position), patient: { personId: '010142-123A', ageYears: 80 }, callbackPhone: '+358401234567', ercNotes: 'Maija' }
      : { nurseId: 'n1' },
    metadata: { occurredAt: minute(position), actor: { id: 'n1', role: 'nurse' }, reason: 'Maija asked', schemaVersion: 1 },
  };
}

/** `$all` of `count` events in memory, counting reads. */
function store(count: number, extra: RecordedLike[] = []) {
  const all = [...Array.from({ length: count }, (_, i) => recorded(i + 1)), ...extra].sort((a, b) => Number(a.position) - Number(b.position));
  const reader = {
    reads: 0,
    async readAll({ fromPosition, maxCount = 100 }: { fromPosition?: string; maxCount?: number }) {
      reader.reads += 1;
      const start = fromPosition === undefined ? 0 : all.findIndex((event) => Number(event.position) > Number(fromPosition));
      const events = start < 0 ? [] : all.slice(start, start + maxCount);
      return { events, lastPosition: events.at(-1)?.position ?? fromPosition, isEnd: start < 0 || start + maxCount >= all.length };
    },
  } satisfies AllEventsReader & { reads: number };
  return reader;
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return chunks;
}

describe('NDJSON export of events', () => {
  it('yields one pseudonymised chunk per batch read, in position order', async () => {
    const reader = store(EXPORT_BATCH * 2 + 10);
    const chunks = await collect(pseudonymisedNdjson(reader, pseudonymiser, {}, String(EXPORT_BATCH * 2 + 10)));
    expect(chunks).toHaveLength(3);
    const lines = chunks.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(EXPORT_BATCH * 2 + 10);
    expect(lines.map((line) => Number(line.position))).toEqual(lines.map((_, i) => i + 1));
    expect(Object.keys(lines[0])).toEqual(['position', 'streamId', 'type', 'data', 'metadata']);
    const text = chunks.join('');
    for (const secret of ['010142-123A', '+358401234567', 'Maija']) expect(text).not.toContain(secret);
  });

  it('reads the next batch only when the writer asks for more', async () => {
    const reader = store(EXPORT_BATCH * 5);
    const source = pseudonymisedNdjson(reader, pseudonymiser, {}, String(EXPORT_BATCH * 5));
    await source.next();
    expect(reader.reads).toBe(1);
    await source.return(undefined);
    expect(reader.reads).toBe(1);
  });

  it('keeps D-task streams only, events in [from, to), and stops at the head it was given', async () => {
    const reader = store(100, [recorded(101, 'audit-dtask-t1')]);
    const text = (await collect(pseudonymisedNdjson(reader, pseudonymiser, { fromMs: Date.parse(minute(10)), toMs: Date.parse(minute(20)) }, '200'))).join('');
    expect(text.trim().split('\n').map((line) => JSON.parse(line).position)).toEqual(['10', '11', '12', '13', '14', '15', '16', '17', '18', '19']);
    const head = (await collect(pseudonymisedNdjson(reader, pseudonymiser, {}, '40'))).join('');
    expect(head.trim().split('\n').at(-1)).toMatch(/^\{"position":"40",/);
    expect(await collect(pseudonymisedNdjson(reader, pseudonymiser, {}, undefined))).toEqual([]);
    expect(exportLine(recorded(101, 'audit-dtask-t1'), pseudonymiser, {})).toBeUndefined();
  });
});
