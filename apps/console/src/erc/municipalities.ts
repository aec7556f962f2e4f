import { REGION_MUNICIPALITIES } from '../../../../libs/events/src/region';
import type { Language } from '../i18n/area';
import { placeName } from '../i18n/place-names';

/**
 * The region's municipalities for the intake's list, in the alphabetical order of the names shown:
 * Uleåborg under U in Swedish. The value sent is the region's Finnish spelling. English shows the
 * Finnish names, so it orders them as Finnish does (ä and ö after z).
 */
export function municipalityOptions(language: Language): { value: string; label: string }[] {
  const collator = new Intl.Collator(language === 'sv' ? 'sv' : 'fi');
  return REGION_MUNICIPALITIES.map((value) => ({ value, label: placeName(value, language) })).sort((a, b) => collator.compare(a.label, b.label));
}
