import { formatDuration } from '../format';
import { useT } from '../i18n';
import { FlagChips } from '../words';
import { areaName, codeWithWords } from './AlertTiles';
import type { SecondsSince } from './wall-clock';
import type { ClaimedTask } from './wall-load';

/** The tasks in nurses' hands: which, whose, held how long, with their flags; each opens in the task panel. */
export function ClaimedTasksTable({ tasks, since, onOpenTask }: { tasks: ClaimedTask[]; since: SecondsSince; onOpenTask: (taskId: string) => void }) {
  const t = useT();
  return (
    <section className="card wall-claimed" aria-labelledby="wall-claimed-title" data-testid="wall-claimed-tasks">
      <h3 id="wall-claimed-title">{t('wall.claimedTasks')}</h3>
      {tasks.length === 0 ? (
        <p>{t('wall.noClaimed')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('wall.task')}</th>
              <th scope="col">{t('wall.nurse')}</th>
              <th scope="col">{t('wall.held')}</th>
              <th scope="col">{t('flags')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.taskId} data-task-id={task.taskId}>
                <td>
                  <button className="wall-link" onClick={() => onOpenTask(task.taskId)} title={t('wall.openTask', { code: task.taskCode, area: areaName(t, task.area) })}>
                    {areaName(t, task.area)} · {codeWithWords(t, task.taskCode)}
                    {task.ageYears !== undefined && <> · {t('wall.ageYears', { age: task.ageYears })}</>}
                  </button>
                </td>
                <td>{task.owner}</td>
                <td className="num" data-testid="held">{task.claimedAt ? formatDuration(since(task.claimedAt, task.heldSeconds ?? 0)) : '–'}</td>
                <td>
                  <FlagChips flags={task.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
