import type { DeskState, TaskDetail } from './api';
import { helsinkiTime } from './format';
import { useLanguage, useT } from './i18n';

/** A booked follow-up call: when, what was advised, how many calls failed; its outcome keys come as children. */
export function FollowUpCard({ task, limits, children }: { task: TaskDetail; limits: DeskState['limits']; children: React.ReactNode }) {
  const t = useT();
  const language = useLanguage();
  const advice = [...task.history].reverse().find((event) => event.type === 'PhoneAdviceGiven')?.data;
  return (
    <fieldset className="follow-up" data-testid="follow-up-card">
      <legend>{t('followUpCard')}</legend>
      <p>
        <strong>{t('followUpDue', { time: helsinkiTime(task.followUp!.dueAt, language) })}</strong> ·{' '}
        {t('followUpAttempts', { count: task.followUp!.failedAttempts, limit: limits.followUpFailedAttempts })}
      </p>
      {advice && (
        <dl>
          <dt>{t('adviceGiven')}</dt>
          <dd>{String(advice.advice)}</dd>
          <dt>{t('safetyNetGiven')}</dt>
          <dd>{String(advice.safetyNet)}</dd>
        </dl>
      )}
      {children}
    </fieldset>
  );
}
