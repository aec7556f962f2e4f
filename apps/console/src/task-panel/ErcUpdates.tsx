import type { HistoryEvent, TaskDetail } from '../api';
import { formatNumber, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { phoneDisplay } from '../phone-display';

const ercUpdatesOf = (task: TaskDetail) => task.history.filter((event) => event.type === 'ErcUpdateReceived');

/** The ERC's latest update that changed `field` (the callback number, the address), if one did. */
export function lastChange(task: TaskDetail, field: 'callbackPhone' | 'address'): HistoryEvent | undefined {
  return [...ercUpdatesOf(task)].reverse().find((event) => typeof event.data[field] === 'string');
}

/** What the ERC has told since the intake, newest first, each with its time: new notes, numbers, addresses, repeat calls. */
export function ErcUpdates({ task }: { task: TaskDetail }) {
  const t = useT();
  const language = useLanguage();
  const updates = [...ercUpdatesOf(task)].reverse();
  if (updates.length === 0) return null;
  return (
    <section className="erc-updates" data-testid="erc-updates" aria-labelledby="erc-updates-title">
      <h3 id="erc-updates-title">
        {t('ercUpdates')}
        {task.repeatCalls && ` · ${t('repeatCallsSoFar', { count: formatNumber(task.repeatCalls.count, language) })}`}
      </h3>
      <ul>
        {updates.map((event) => {
          const data = event.data;
          const changed = [
            typeof data.callbackPhone === 'string' ? t('ercNewNumber', { phone: phoneDisplay(data.callbackPhone) }) : '',
            typeof data.address === 'string' ? t('ercNewAddress', { address: data.address }) : '',
            data.kind === 'urgency-changed' ? t('ercNewUrgency', { urgency: String(data.urgency) }) : '',
          ].filter(Boolean);
          return (
            <li key={event.position} className={data.kind === 'repeat-call' ? 'erc-update-repeat' : undefined} data-erc-update={String(data.kind)}>
              <strong>
                {helsinkiTime(event.metadata.occurredAt, language)} · {data.kind === 'repeat-call' ? '⚠ ' : ''}
                {t(`ercUpdate.${String(data.kind)}`)}
              </strong>
              {typeof data.notes === 'string' && data.notes && <>: {data.notes}</>}
              {changed.length > 0 && <span className="erc-changed"> ({changed.join(', ')})</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
