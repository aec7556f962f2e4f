import { CARE_LEVELS, TRANSPORTS } from '../../../../libs/events/src/vocabulary-values';
import { WordSelect } from '../choices';
import { careLevelWord, consultantWord, transportWord, withinWords } from '../disposition-words';
import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { beyondVisitLimit, TIMEFRAMES } from '../timeframe';
import type { RecordedConsult } from './consults';
import type { Drafts, UpdateDrafts } from './task-drafts';

/**
 * Where phone advice or a redirect sends the patient, within what time and how (contract v1.1):
 * so "rest at home" and "to the ED within two hours" are never the same decision. Self-care asks
 * for no time and no transport (the service refuses them); every other level asks for both. A
 * redirect (`visitHours` given) offers only timeframes within the service's visit limit.
 */
const LABELS = { careLevel: 'dispositionCareLevel', within: 'dispositionWithin', transport: 'dispositionTransport' } as const;

export function DispositionFields({ drafts, update, visitHours }: { drafts: Drafts; update: UpdateDrafts; visitHours?: number }) {
  const t = useT();
  const selfCare = drafts.careLevel === 'self-care';
  const timeframes = TIMEFRAMES.filter((within) => !beyondVisitLimit(within, visitHours));
  // Each select is labelled by its field and offers "choose" first: none is preselected.
  const select = <V extends string>(name: keyof typeof LABELS, options: readonly V[], words: (option: V) => string, onChange: (value: V) => void) => (
    <WordSelect name={name} label={t(LABELS[name])} value={drafts[name] as '' | V} options={options} words={words} empty={t('dispositionChoose')} onChange={onChange} />
  );
  return (
    <fieldset className="disposition" data-testid="disposition">
      <div className="inline">
        {select('careLevel', CARE_LEVELS, (level) => careLevelWord(level, t), (careLevel) => update(careLevel === 'self-care' ? { careLevel, within: '', transport: '' } : { careLevel }))}
        {!selfCare && select('within', timeframes, (within) => withinWords(within, t), (within) => update({ within }))}
        {!selfCare && select('transport', TRANSPORTS, (transport) => transportWord(transport, t), (transport) => update({ transport }))}
      </div>
      {selfCare && <p className="note">{t('selfCareNoTimeframe')}</p>}
    </fieldset>
  );
}

/** Which recorded consult, if any, the decision rests on; shown only once one is recorded. */
export function ConsultChoice({ consults, drafts, update }: { consults: RecordedConsult[]; drafts: Drafts; update: UpdateDrafts }) {
  const t = useT();
  const language = useLanguage();
  if (consults.length === 0) return null;
  return (
    <label>
      {t('decisionConsult')}
      <select name="consultId" value={drafts.consultId} onChange={(event) => update({ consultId: event.target.value })}>
        <option value="">{t('decisionConsultNone')}</option>
        {consults.map((consult) => (
          <option key={consult.consultId} value={consult.consultId}>
            {t('decisionConsultOption', { consultant: consultantWord(consult.consultant, t), time: helsinkiTime(consult.at, language) })}
          </option>
        ))}
      </select>
    </label>
  );
}
