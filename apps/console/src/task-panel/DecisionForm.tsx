import { useEffect, useRef } from 'react';
import { useLanguage, useT } from '../i18n';
import { placeName, serviceNameIn } from '../i18n/place-names';
import { UNIT_LEVELS } from '../../../../libs/events/src/vocabulary-values';
import { CallTimeChoice, WordSelect } from '../choices';
import type { RecordedConsult } from './consults';
import { beyondVisitLimit } from '../timeframe';
import { bringClearOfHeader } from './scroll-clear';
import { ConsultChoice, DispositionFields } from './DispositionFields';
import type { Drafts, PanelForm, UpdateDrafts } from './task-drafts';
import type { TaskRules } from './task-rules';

const DECISION_KINDS = ['send-unit', 'phone-advice', 'redirect'] as const;

/**
 * The decision (key `d`): a unit, phone advice with its follow-up call, or a redirect to a service;
 * the tab shown is `kind`. Advice and redirects carry their disposition; any decision may name a consult.
 */
export function DecisionForm({
  form, rules, overridden, services, municipality, consults, visitHours, refusal, onConfirm,
}: {
  form: PanelForm;
  /** The tab shown, the tabs allowed, why some are off (S4's override, S9's unverified identity), and what advice and a redirect still lack. */
  rules: Pick<TaskRules, 'kind' | 'allowed' | 'adviceNeedsOverride' | 'identityUnverified' | 'noUnitNeeds'>;
  /** The supervisor has overridden S4 for this second contact. */
  overridden: boolean;
  /** Only the services that serve the patient's municipality: a redirect elsewhere is refused. */
  services?: { id: string; name: string }[];
  municipality: string;
  consults: RecordedConsult[];
  /** The receiving service must visit within this many hours: a redirect's timeframe may not be longer. */
  visitHours: number;
  /** Why the last Confirm was refused, in words, and the refusal itself (each new one is focused). */
  refusal?: { text: string; of: object };
  onConfirm: () => void;
}) {
  const t = useT();
  const { drafts, update, busy } = form;
  const { kind, allowed, adviceNeedsOverride, identityUnverified, noUnitNeeds } = rules;
  // S9: advice and a redirect wait for a saved assessment with the identity verified and the symptoms; a unit never waits.
  const lacking = kind !== 'send-unit' && noUnitNeeds.length > 0 ? (noUnitNeeds.length === 2 ? 'noUnitNeeds.both' : `noUnitNeeds.${noUnitNeeds[0]}`) : undefined;
  // The refusal is said where the nurse pressed Confirm, and read out: never out of sight above the form.
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    alert.current?.focus({ preventScroll: true });
    alert.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal?.of]);
  // A decision chosen grows the form by its fields: they come into view with it, not under the header.
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const chosen = useRef(false);
  useEffect(() => {
    if (chosen.current) bringClearOfHeader(fieldset.current);
    chosen.current = false;
  }, [kind]);
  const choose = (option: (typeof DECISION_KINDS)[number]) => {
    chosen.current = true;
    update({ kind: option, ...(option === 'redirect' && beyondVisitLimit(drafts.within, visitHours) ? { within: '' } : {}) });
  };
  return (
    <fieldset data-testid="decision-panel" data-section="decision" ref={fieldset}>
      <legend>
        {t('decision')} <kbd>d</kbd>
      </legend>
      {overridden && <p className="note">{t('secondContactOverridden')}</p>}
      {adviceNeedsOverride && <p className="notice notice-severe">⚠ {t('second-contact-needs-override')}</p>}
      {identityUnverified && (
        <p className="notice notice-severe" data-testid="identity-blocks" id="identity-blocks">
          ⚠ {t('identityUnverifiedBlocks')}
        </p>
      )}
      <div role="tablist">
        {DECISION_KINDS.map((option) => (
          <button
            key={option}
            role="tab"
            aria-selected={kind === option}
            disabled={!allowed(option)}
            title={identityUnverified && option !== 'send-unit' ? t('identityUnverifiedBlocks') : undefined}
            aria-describedby={identityUnverified && option !== 'send-unit' ? 'identity-blocks' : undefined}
            onClick={() => choose(option)}
          >
            {t(option === 'send-unit' ? 'sendUnit' : option === 'phone-advice' ? 'phoneAdvice' : 'redirect')}
          </button>
        ))}
      </div>
      {kind === 'send-unit' && <UnitFields drafts={drafts} update={update} />}
      {kind === 'phone-advice' && <AdviceFields drafts={drafts} update={update} />}
      {kind === 'redirect' && <RedirectFields drafts={drafts} update={update} services={services} municipality={municipality} />}
      {kind !== 'send-unit' && <DispositionFields drafts={drafts} update={update} visitHours={kind === 'redirect' ? visitHours : undefined} />}
      <ConsultChoice consults={consults} drafts={drafts} update={update} />
      {kind !== 'send-unit' && (
        <label>
          <input type="checkbox" name="patientInformed" checked={drafts.informed} onChange={(event) => update({ informed: event.target.checked })} />
          {t('patientInformed')}
        </label>
      )}
      {lacking && (
        <p className="notice notice-severe" data-testid="no-unit-needs" id="no-unit-needs">
          ⚠ {t(lacking)}
        </p>
      )}
      <button className="primary" onClick={onConfirm} disabled={busy || lacking !== undefined} aria-describedby={lacking ? 'no-unit-needs' : undefined}>
        {t('confirm')}
      </button>
      {refusal && (
        <p role="alert" className="error decision-refusal" tabIndex={-1} ref={alert}>
          {refusal.text}
        </p>
      )}
    </fieldset>
  );
}

function UnitFields({ drafts, update }: { drafts: Drafts; update: UpdateDrafts }) {
  const t = useT();
  return (
    <>
      <WordSelect name="unitLevel" label={t('unitLevel')} value={drafts.unitLevel} options={UNIT_LEVELS} words={(level) => t(`unit.${level}`)} onChange={(unitLevel) => update({ unitLevel })} />
      <label>
        {t('urgency')}
        <select name="urgency" value={drafts.urgency} onChange={(event) => update({ urgency: event.target.value as 'D' | 'C' })}>
          <option value="D">{t('urgency.D')}</option>
          <option value="C">{t('urgency.C')}</option>
        </select>
      </label>
    </>
  );
}

/** The advice, its safety net, and when to call back: in some hours, at a wall time, or not at all. */
function AdviceFields({ drafts, update }: { drafts: Drafts; update: UpdateDrafts }) {
  const t = useT();
  return (
    <>
      <label>
        {t('advice')}
        <textarea name="advice" value={drafts.advice} onChange={(event) => update({ advice: event.target.value })} />
      </label>
      <label>
        {t('safetyNet')}
        <textarea name="safetyNet" value={drafts.safetyNet} onChange={(event) => update({ safetyNet: event.target.value })} />
      </label>
      <CallTimeChoice
        names={{ minutes: 'followUpIn', time: 'followUpTime' }}
        legend={t('followUpAt')}
        options={['', '60', '120', '240', '480']}
        minutes={drafts.followUpIn}
        time={drafts.followUpTime}
        minutesWords={(minutes) => (minutes ? t('inHours', { hours: Number(minutes) / 60 }) : t('noFollowUp'))}
        onMinutes={(followUpIn) => update({ followUpIn, followUpTime: '' })}
        onTime={(followUpTime) => update({ followUpTime })}
      />
    </>
  );
}

function RedirectFields({ drafts, update, services, municipality }: { drafts: Drafts; update: UpdateDrafts; services?: { id: string; name: string; nameSv?: string }[]; municipality: string }) {
  const t = useT();
  const language = useLanguage();
  const place = placeName(municipality, language);
  // Until the directory has answered, the list is empty but not "none serve".
  if (services?.length === 0) {
    return (
      <p className="notice" data-testid="no-redirect-targets">
        {t('redirectNoTargets', { municipality: place })}
      </p>
    );
  }
  return (
    <>
      <label title={t('redirectTargetsFor', { municipality: place })}>
        {t('target')}
        <select name="target" value={drafts.target} required onChange={(event) => update({ target: event.target.value })}>
          <option value="">{t('chooseService')}</option>
          {(services ?? []).map((service) => (
            <option key={service.id} value={service.id}>
              {serviceNameIn(service, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('handoffNote')}
        <textarea name="handoffNote" value={drafts.handoffNote} onChange={(event) => update({ handoffNote: event.target.value })} />
      </label>
    </>
  );
}
