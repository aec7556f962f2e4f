export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/**
 * The words of one view in the three languages. English names the keys; Finnish and Swedish must
 * give every one of them, so a missing word is a compile error, not an English fallback.
 */
export function area<K extends string>(en: Record<K, string>, fi: NoInfer<Record<K, string>>, sv: NoInfer<Record<K, string>>): Record<Language, Record<K, string>> {
  return { en, fi, sv };
}
