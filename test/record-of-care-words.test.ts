import { StoredEvent } from '@dtask/events';
import { careFacts } from '../apps/dispatch-api/src/record/care-facts';
import { readableRecord } from '../apps/dispatch-api/src/record/readable-record';

const TASK = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
/** 14.00 in Helsinki (EET, UTC+2): a fixed instant, whatever the hour the test runs at. */
const T0 = '2026-11-24T12:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

let revision = 0;
function stored(type: string, data: Record<string, unknown>, minute: number, actor: StoredEvent['metadata']['actor'] = { id: 'nurse-anna', role: 'nurse' }): StoredEvent {
  revision += 1;
  const id = globalThis.crypto.randomUUID();
  return { position: String(revision), streamId: `dtask-${TASK}`, revision, type, data, metadata: { eventId: id, correlationId: id, causationId: id, actor, occurredAt: at(minute), schemaVersion: 1 } };
}

const erc = { id: 'erica', role: 'erc' as const };
const history = (municipality: string) => [
  stored('DTaskReceived', { taskId: TASK, ercTaskId: 'ERC-9', receivedAt: T0, taskCode: '745', urgency: 'D', municipality, area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 72, sex: 'female' }, callbackPhone: '+358407770061' }, 0, erc),
  stored('ErcUpdateReceived', { kind: 'new-information', callbackPhone: '+358401234567', notes: 'uusi numero' }, 2, erc),
];
const record = (municipality: string, language: 'fi' | 'sv' | 'en') => readableRecord(careFacts(TASK, history(municipality)), language, () => undefined);
const item = (read: ReturnType<typeof record>, label: RegExp) => read.sections.flatMap((section) => section.items).find((entry) => label.test(entry.label))?.text;

/** QA 6, item 15: the record of care names places and numbers as staff say them in its language. */
describe('the record of care in the words of its language', () => {
  it('names a municipality by its official Swedish name in Swedish, and by its Finnish one in Finnish and English', () => {
    const swedish = record('Oulu', 'sv');
    expect(swedish.summary).toContain('(Uleåborg, uppdragskod 745)');
    expect(item(swedish, /^Kommun och adress$/)).toBe('Uleåborg, Isokatu 1');
    expect(record('Oulu', 'fi').summary).toContain('(Oulu, tehtäväkoodi 745)');
    expect(record('Oulu', 'en').summary).toContain('(Oulu, task code 745)');
    // A municipality with no Swedish name of its own keeps its Finnish one in Swedish.
    expect(record('Kempele', 'sv').summary).toContain('(Kempele, uppdragskod 745)');
  });

  it('writes the callback number as a Finnish nurse reads it, the ERC’s new number too, in every language', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const read = record('Oulu', language);
      expect(item(read, /^(Takaisinsoittonumero|Nummer för återuppringning|Callback number)$/)).toBe('040 777 0061');
      const update = read.sections.flatMap((section) => section.items).find((entry) => entry.text.includes('uusi numero'))?.text;
      expect(update).toContain('040 123 4567');
      expect(JSON.stringify(read)).not.toContain('+358');
    }
  });
});
