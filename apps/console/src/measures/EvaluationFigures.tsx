import { CARE_LEVELS } from '../../../../libs/events/src/vocabulary-values';
import { careLevelWord } from '../disposition-words';
import { formatDuration, formatNumber, formatPercent } from '../format';
import { Language, Translate, useLanguage, useT } from '../i18n';
import type { EvaluationMeasures } from './evaluation';
import './measures.css';

/**
 * The measures of the published evaluations for one window, as terms and values: measured unit
 * time beside the assumption, contact within the target, over-triage, re-contacts, consults,
 * interpreter use, failed visits, and advice and redirects by care level.
 */
/** One measure in words: its `data-measure` key, its name, its value, and what it counts where two are alike. */
export type EvaluationRow = [key: string, term: string, value: string, note?: string];

/** The measures a window has, in words; `withCareLevels` adds the care levels as one row (the what-if's table). */
export function evaluationRows(m: EvaluationMeasures, t: Translate, language: Language, withCareLevels = false): EvaluationRow[] {
  const n = (value: number) => formatNumber(value, language);
  const pct = (share: number) => formatPercent(share, language, 1);
  const minutes = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatDuration(value * 60));
  const assumed = m.assumedMissionMinutes === undefined ? '–' : formatDuration(m.assumedMissionMinutes * 60);
  const unit = m.unitMinutesMeasured;
  const rows: EvaluationRow[] = [];
  if (unit) {
    rows.push([
      'unit-time',
      t('measures.unitTime'),
      unit.median === null ? t('measures.unitTimeNone', { assumed }) : t('measures.unitTimeValue', { median: minutes(unit.median), p90: minutes(unit.p90), missions: unit.missions === 1 ? t('measures.missionsOne') : t('measures.missions', { count: n(unit.missions ?? 0) }), assumed }),
    ]);
  }
  if (m.unitHoursAvoided !== undefined && m.unitHoursAvoidedMeasured !== undefined) {
    rows.push([
      'unit-hours',
      t('measures.unitHoursAvoided'),
      m.unitHoursAvoidedMeasured === null
        ? t('measures.unitHoursAssumedOnly', { assumed: formatNumber(m.unitHoursAvoided, language, 1) })
        : t('measures.unitHoursValue', { assumed: formatNumber(m.unitHoursAvoided, language, 1), measured: formatNumber(m.unitHoursAvoidedMeasured, language, 1) }),
    ]);
  }
  if (m.withinTarget) {
    const w = m.withinTarget;
    const value = w.tasks === 0 ? '–' : t('measures.withinTargetValue', { share: pct(w.share), within: n(w.within ?? 0), tasks: n(w.tasks ?? 0) });
    rows.push(['within-target', t('measures.withinTarget', { minutes: n(w.targetMinutes) }), value]);
  }
  if (m.overTriage) {
    const o = m.overTriage;
    const values = { share: pct(o.share), notConveyed: n(o.notConveyed), units: n(o.unitsDecided) };
    const value = o.unitsDecided === 0 ? t('measures.overTriageNone') : o.unitsDecided === 1 ? t('measures.overTriageValueOne', values) : t('measures.overTriageValue', values);
    rows.push(['over-triage', t('measures.overTriage'), value]);
  }
  if (m.recontacts) {
    const r = m.recontacts;
    const value = t('measures.recontactsValue', { day: n(r.within24h), dayShare: pct(r.rate24h ?? 0), three: n(r.within72h), threeShare: pct(r.rate72h ?? 0) });
    rows.push(['recontacts', t('measures.recontacts'), value, t('measures.recontactsExplained')]);
  }
  if (m.consults !== undefined) {
    const median = m.timeToConsult?.medianSeconds;
    rows.push(['consults', t('measures.consults'), median === null || median === undefined ? n(m.consults) : t('measures.consultsValue', { count: n(m.consults), median: formatDuration(median) })]);
  }
  if (m.interpreter !== undefined) rows.push(['interpreter', t('measures.interpreter'), n(m.interpreter)]);
  if (m.failedVisits !== undefined) rows.push(['failed-visits', t('measures.failedVisits'), n(m.failedVisits)]);
  if (withCareLevels && m.careLevel) {
    const given = levelsOf(m);
    rows.push(['care-levels', t('measures.careLevels'), given.length === 0 ? '–' : given.map((level) => `${careLevelWord(level, t)} ${n(m.careLevel![level]!)}`).join(', ')]);
  }
  return rows;
}

const levelsOf = (m: EvaluationMeasures) => (m.careLevel ? CARE_LEVELS.filter((level) => (m.careLevel![level] ?? 0) > 0) : []);

/** `omit`: measures shown elsewhere on the same screen, by their `data-measure` keys. */
export function EvaluationFigures({ m, testId, omit = [] }: { m: EvaluationMeasures; testId: string; omit?: readonly string[] }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const rows = evaluationRows(m, t, language);
  const levels = levelsOf(m);
  return (
    <div className="evaluation" data-testid={testId}>
      <dl className="evaluation-figures">
        {rows.filter(([key]) => !omit.includes(key)).map(([key, term, value, note]) => (
          <div key={key} data-measure={key}>
            <dt>{term}</dt>
            <dd>{value}</dd>
            {note && <dd className="measure-note" data-testid={`explained-${key}`}>{note}</dd>}
          </div>
        ))}
      </dl>
      {m.careLevel && (
        <>
          <h4>{t('measures.careLevels')}</h4>
          {levels.length === 0 ? (
            <p className="wall-none">{t('measures.careLevelsNone')}</p>
          ) : (
            <ul className="evaluation-levels" data-testid={`${testId}-care-levels`}>
              {levels.map((level) => (
                <li key={level} data-care-level={level}>
                  {careLevelWord(level, t)} <strong>{n(m.careLevel![level]!)}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
