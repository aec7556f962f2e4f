import type { Translate } from './i18n';
import { timeframeText } from './timeframe';

// A disposition's codes in words, for the nurse, the partner and the record (a .tsx file, so the words test finds its keys).

const CARE_LEVEL_WORDS: Record<string, string> = {
  'self-care': 'careLevel.self-care',
  'primary-care': 'careLevel.primary-care',
  'emergency-department': 'careLevel.emergency-department',
  'social-care': 'careLevel.social-care',
  other: 'careLevel.other',
};
const TRANSPORT_WORDS: Record<string, string> = {
  own: 'transport.own',
  taxi: 'transport.taxi',
  'non-emergency-transport': 'transport.non-emergency-transport',
  none: 'transport.none',
};
const CONSULTANT_WORDS: Record<string, string> = {
  'ems-physician': 'consultant.ems-physician',
  'on-call-doctor': 'consultant.on-call-doctor',
  'field-commander': 'consultant.field-commander',
};

/** A level the list does not name reads as "other": never a raw code. */
export const careLevelWord = (level: string, t: Translate) => t(CARE_LEVEL_WORDS[level] ?? 'careLevel.other');
export const transportWord = (transport: string, t: Translate) => t(TRANSPORT_WORDS[transport] ?? 'partnerNotGiven');
export const consultantWord = (consultant: string, t: Translate) => t(CONSULTANT_WORDS[consultant] ?? 'consultant.ems-physician');
/** "within 2 h" / "2 h kuluessa" / "inom 1 dygn". */
export const withinWords = (within: string, t: Translate) => t('withinTimeframe', { timeframe: timeframeText(within, t) });
