import { formatDuration, formatNumber } from '../format';
import { useLanguage, useT } from '../i18n';
import type { WallLoad } from './wall-load';

/** Per nurse: tasks in hand, the longest held, decisions today. */
export function NurseTable({ load, asOfMs }: { load: WallLoad; asOfMs: number }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <section className="card wall-nurses" aria-labelledby="wall-nurses-title" data-testid="wall-nurses">
      <h3 id="wall-nurses-title">{t('wall.perNurse')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('wall.nurse')}</th>
            <th scope="col">{t('wall.inHand')}</th>
            <th scope="col">{t('wall.longestHeld')}</th>
            <th scope="col">{t('wall.decisionsToday')}</th>
          </tr>
        </thead>
        <tbody>
          {(load.nurses ?? []).map((nurse) => (
            <tr key={nurse.nurseId} data-nurse={nurse.nurseId}>
              <th scope="row">{nurse.nurseId}</th>
              <td className="num">{n(nurse.claimedNow)}</td>
              <td className="num">{nurse.claimedNow > 0 ? formatDuration(longestHeld(load, nurse.nurseId, asOfMs) ?? 0) : '–'}</td>
              <td className="num">{n(nurse.decisionsToday)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function longestHeld(load: WallLoad, nurseId: string, asOfMs: number): number | undefined {
  const held = (load.claimedTasks ?? []).filter((task) => task.owner === nurseId && task.claimedAt).map((task) => (asOfMs - Date.parse(task.claimedAt!)) / 1000);
  return held.length ? Math.max(0, ...held) : undefined;
}
