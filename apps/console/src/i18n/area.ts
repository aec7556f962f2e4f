export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/**
 * The words of one view in the three languages. English names the keys; Finnish and Swedish must
 * give every one of them, so a missing word is a compile error, not an English fallback.
 */
export function area<K extends string>(en: Record<K, string>, fi: NoInfer<Record<K, string>>, sv: NoInfer<Record<K, string>>): Record<Language, Record<K, string>> {
  return { en, fi, sv };
}

/**
 * The words of one view one key a line, English, Finnish and Swedish side by side: a missing
 * translation is a missing element (a compile error), and one that drifted is seen beside the others.
 */
export function sideBySide<K extends string>(words: Record<K, readonly [en: string, fi: string, sv: string]>): Record<Language, Record<K, string>> {
  const entries = Object.entries(words) as [K, readonly [string, string, string]][];
  const pick = (index: 0 | 1 | 2) => Object.fromEntries(entries.map(([key, said]) => [key, said[index]])) as Record<K, string>;
  return { en: pick(0), fi: pick(1), sv: pick(2) };
}
