import { formatNumber } from '../format';
import { useLanguage, useT } from '../i18n';
import { areaName } from './AlertTiles';
import { oldestWait } from './HeadlineFigures';
import type { SecondsSince } from './wall-clock';
import type { AreaFigures } from './wall-load';

/** Per EMS area: tasks queued, the oldest wait (of those awaiting their first decision), tasks claimed. */
export function AreaTable({ areas, since }: { areas: AreaFigures[]; since: SecondsSince }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <section className="card wall-areas" aria-labelledby="wall-areas-title" data-testid="wall-areas">
      <h3 id="wall-areas-title">{t('wall.perArea')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('area')}</th>
            <th scope="col">{t('wall.queued')}</th>
            <th scope="col">{t('wall.oldestWaitNew')}</th>
            <th scope="col">{t('claimed')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((figures) => (
            <tr key={figures.area} data-area={figures.area}>
              <th scope="row">{areaName(t, figures.area)}</th>
              <td className="num" data-testid="area-queue">{n(figures.queueLength)}</td>
              <td className="num" data-testid="area-oldest">{oldestWait(since, figures)}</td>
              <td className="num">{n(figures.claimed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
