import type { HistoryEvent } from './api';
import { helsinkiTime } from './format';
import { Translate, useLanguage, useT } from './i18n';
import { ruleOf } from './task-panel/rule-credits';
import { helplineKey } from './task-panel/stage-words';

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

/** The keys that act on this panel now, by what they open: the legend never shows a key that does nothing. */
export type ActiveKeys = Record<'callback' | 'assessment' | 'decision' | 'escalation' | 'close', boolean>;

export function Shortcuts({ active }: { active: ActiveKeys }) {
  const t = useT();
  const panelKeys: [string, string, keyof ActiveKeys | undefined][] = [
    ['1–4', 'key.callback', 'callback'], ['a', 'key.assessment', 'assessment'], ['d', 'key.decision', 'decision'], ['e', 'key.escalation', 'escalation'], ['r', 'key.release', undefined], ['c', 'key.close', 'close'],
  ];
  const keys = [['j / k', 'key.move'], ['Enter', 'key.claim'], ...panelKeys.filter(([, , when]) => when === undefined || active[when]), ['Esc', 'key.leaveField']];
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

/** The task's events in words; `helpline`: the event is of a referral to the helpline, whose report is of a call. */
export function History({ history, helpline = () => false }: { history: HistoryEvent[]; helpline?: (event: HistoryEvent) => boolean }) {
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
              event: historyEventText(t, event, helpline(event)),
              actor: actorText(t, event),
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Who did it: the rule that wrote it on its own (S1–S8), else the person, else the scheduler's rules. */
function actorText(t: Translate, event: HistoryEvent): string {
  const rule = ruleOf(event);
  if (rule) return t('automaticActor', { rule: /^S\d$/.test(rule) ? rule : t(`rule.${rule}`) });
  return event.metadata.actor.role === 'system' ? t('systemActor') : event.metadata.actor.id;
}

const WITH_OUTCOME = new Set(['CallbackAttempted', 'FollowUpCompleted', 'RecallCompleted']);

/** One event of the history in words: what happened, and how a call went or what the ERC sent. */
function historyEventText(t: Translate, event: HistoryEvent, helpline: boolean): string {
  const what = t(helplineKey(`event.${event.type}`, helpline));
  if (event.type === 'ErcUpdateReceived') return `${what}: ${t(`ercUpdate.${String(event.data.kind)}`)}`;
  // Why the centre took the patient back; a reason the console does not know yet is left unsaid, never shown as its code.
  if (event.type === 'HandoffWithdrawn') return event.data.reason === 'repeat-call' ? `${what}: ${t('withdrawnReason.repeat-call')}` : what;
  if (!event.data.outcome || !WITH_OUTCOME.has(event.type)) return what;
  const condition = event.data.condition ? `, ${t(`condition.${String(event.data.condition)}`)}` : '';
  return `${what}: ${t(String(event.data.outcome))}${condition}`;
}
