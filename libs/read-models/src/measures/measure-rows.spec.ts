import { FoldEvent } from '../fold-event';
import { GROUP_BY, measure, measureGroups } from './load-reduction';
import { BREAKDOWNS, measureRows, measuresCsv } from './measure-rows';
import { TaskFactsFold } from './task-facts';

let position = 0;
const at = (minutes: number) => new Date(Date.parse('2026-11-02T08:00:00Z') + minutes * 60_000).toISOString();
function ev(task: string, type: string, minute: number, data: Record<string, unknown> = {}, actor = { id: 'n1', role: 'nurse' }): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${task}`, type, data, metadata: { occurredAt: at(minute), actor } };
}
const received = (task: string, minute: number, municipality: string, area: string) =>
  ev(task, 'DTaskReceived', minute, { taskId: task, receivedAt: at(minute), taskCode: '745', municipality, area, patient: { personId: `pid-${task}` } }, { id: 'erc', role: 'erc' });

/** Two areas; only Raahe has a primary-care redirect, only Oulu a home-care one. */
function tasks() {
  const fold = new TaskFactsFold();
  for (const event of [
    received('A', 0, 'Oulu', 'Oulu-Hailuoto'),
    ev('A', 'RedirectRequested', 10, { target: 'hc', targetKind: 'home-care', patientInformed: true }),
    ev('A', 'HandoffAccepted', 20, { target: 'hc' }, { id: 'p1', role: 'partner' }),
    ev('A', 'DTaskClosed', 20, { outcome: 'redirect' }, { id: 'p1', role: 'partner' }),
    received('B', 60, 'Raahe', 'Raahe'),
    ev('B', 'RedirectRequested', 70, { target: 'pc', targetKind: 'primary-care', patientInformed: true }, { id: 'n2', role: 'nurse' }),
    received('C', 130, 'Oulu', 'Oulu-Hailuoto'),
    ev('C', 'UnitRequested', 135, { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' }),
  ]) fold.apply(event);
  return [...fold.tasks.values()];
}

const options = { assumedMissionMinutes: 75, windowDays: 1 };

describe('measure rows', () => {
  it('puts the totals first, then every group of every breakdown, each as the report measures it', () => {
    const all = tasks();
    const rows = measureRows(all, options);
    expect(rows[0]).toEqual({ breakdown: 'total', key: 'total', ...measure(all, options) });
    for (const by of GROUP_BY) {
      expect(rows.filter((row) => row.breakdown === by)).toEqual(measureGroups(all, by, options).map((group) => ({ breakdown: by, ...group })));
    }
    expect(rows.map((row) => row.breakdown)).toEqual(['total', 'area', 'area', 'municipality', 'municipality', 'hour', 'hour', 'hour', 'nurse', 'nurse', 'taskCode']);
    expect(new Set(rows.map((row) => row.breakdown))).toEqual(new Set(BREAKDOWNS));
  });

  it('lays out as CSV with breakdown and key first and a redirect column per kind seen in any row', () => {
    const [header, total, ...rows] = measuresCsv(measureRows(tasks(), options)).trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 3)).toEqual(['breakdown', 'key', 'tasks']);
    expect(columns).toEqual(expect.arrayContaining(['redirect.home-care', 'redirect.primary-care', 'timeToContact.medianSeconds', 'secondContacts.rate72h']));
    const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    expect(cell(total!, 'tasks')).toBe('3');
    const raahe = rows.find((line) => line.startsWith('area,Raahe,'))!;
    expect([cell(raahe, 'redirect.primary-care'), cell(raahe, 'redirect.home-care')]).toEqual(['1', '0']);
  });
});
