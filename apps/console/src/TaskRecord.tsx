import type { HistoryEvent } from './api';
import { helsinkiTime } from './format';
import { Translate, useLanguage, useT } from './i18n';

// The task's record as the panel shows it: earlier assessments, the keys, and the history in words.

/** What earlier assessments of this task found, for whoever picks it up next. */
export function RecordedAssessment({ history }: { history: HistoryEvent[] }) {
  const t = useT();
  const language = useLanguage();
  const recorded = history.filter((event) => event.type === 'AssessmentRecorded');
  if (recorded.length === 0) return null;
  return (
    <section className="recorded-assessment" data-testid="recorded-assessment">
      <h3>{t('recordedAssessments')}</h3>
      {recorded.map((event) => {
        const flags = (event.data.redFlags as string[] | undefined) ?? [];
        return (
          <dl key={event.position}>
            <dt>
              {helsinkiTime(event.metadata.occurredAt, language)} · {event.metadata.actor.id}
            </dt>
            {flags.length > 0 && <dd className="recorded-flags">⚠ {flags.map((flag) => t(flag)).join(', ')}</dd>}
            {event.data.concern === true && <dd className="recorded-flags">⚠ {t('concern')}</dd>}
            {event.data.identity === 'unverified' && <dd className="recorded-flags">⚠ {t('identity.unverified')}</dd>}
            {event.data.identity === 'verified' && <dd>{t('identity.verified')}</dd>}
            {String(event.data.symptoms ?? '').trim() && (
              <dd>
                {t('symptoms')}: {String(event.data.symptoms)}
              </dd>
            )}
            {String(event.data.notes ?? '').trim() && (
              <dd>
                {t('notes')}: {String(event.data.notes)}
              </dd>
            )}
          </dl>
        );
      })}
    </section>
  );
}

export function Shortcuts() {
  const t = useT();
  const keys: [string, string][] = [['j / k', 'key.move'], ['Enter', 'key.claim'], ['1–4', 'key.callback'], ['a', 'key.assessment'], ['d', 'key.decision'], ['e', 'key.escalation'], ['r', 'key.release'], ['c', 'key.close']];
  return (
    <p className="shortcuts" aria-label={t('shortcuts')}>
      {t('shortcuts')}:{' '}
      {keys.map(([key, label]) => (
        <span key={key}>
          <kbd>{key}</kbd> {t(label)}{' '}
        </span>
      ))}
    </p>
  );
}

export function History({ history }: { history: HistoryEvent[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <details>
      <summary>{t('history')}</summary>
      <ol className="history">
        {history.map((event) => (
          <li key={event.position} data-event-type={event.type}>
            {t('historyEvent', {
              time: helsinkiTime(event.metadata.occurredAt, language),
              event: historyEventText(t, event),
              actor: actorText(t, event),
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}


/** S1 and S2 send a unit inside the nurse's own command: the record names the rule, not her. */
const AUTOMATIC_UNIT: Record<string, string> = { unreachable: 'S1', 'waiting-limit': 'S2' };

function actorText(t: Translate, event: HistoryEvent): string {
  const rule = event.type === 'UnitRequested' ? AUTOMATIC_UNIT[String(event.data.reason)] : undefined;
  if (rule) return t('automaticActor', { rule });
  return event.metadata.actor.role === 'system' ? t('systemActor') : event.metadata.actor.id;
}

const WITH_OUTCOME = new Set(['CallbackAttempted', 'FollowUpCompleted', 'RecallCompleted']);

/** One event of the history in words: what happened, and how a call went or what the ERC sent. */
function historyEventText(t: Translate, event: HistoryEvent): string {
  const what = t(`event.${event.type}`);
  if (event.type === 'ErcUpdateReceived') return `${what}: ${t(`ercUpdate.${String(event.data.kind)}`)}`;
  // Why the centre took the patient back; a reason the console does not know yet is left unsaid, never shown as its code.
  if (event.type === 'HandoffWithdrawn') return event.data.reason === 'repeat-call' ? `${what}: ${t('withdrawnReason.repeat-call')}` : what;
  if (!event.data.outcome || !WITH_OUTCOME.has(event.type)) return what;
  const condition = event.data.condition ? `, ${t(`condition.${String(event.data.condition)}`)}` : '';
  return `${what}: ${t(String(event.data.outcome))}${condition}`;
}
