import { DICTIONARIES } from '../apps/console/src/i18n';
import { REJECTION_REASONS } from '../libs/domain/src/dtask/rejection';

/**
 * QA 6, item 15: the what-if's refused actions were listed in the nurse's words for a 409 ("En annan
 * sjukskötare har tagit uppdraget", "En annan sjukskötare har uppdraget"). The analyst reads which
 * recorded action the limits would refuse and why, each reason a line of its own.
 */
describe('the what-if’s refused actions in the analyst’s words', () => {
  for (const language of ['en', 'fi', 'sv'] as const) {
    it(`names every refusal as an action and its reason in ${language}, no two alike`, () => {
      const words = DICTIONARIES[language];
      const lines = REJECTION_REASONS.map((reason) => words[`analyst.refused.${reason}`]);
      expect(REJECTION_REASONS.filter((reason) => words[`analyst.refused.${reason}`] === undefined)).toEqual([]);
      for (const [index, line] of lines.entries()) {
        const reason = REJECTION_REASONS[index]!;
        // Not the nurse's sentence, and a line of a list: a capital, no full stop.
        expect(line).not.toBe(words[`reason.${reason}`]);
        expect(line).toMatch(/^\p{Lu}[^.]*$/u);
      }
      expect(new Set(lines).size).toBe(lines.length);
      if (language !== 'en') expect(lines.filter((line, index) => line === DICTIONARIES.en[`analyst.refused.${REJECTION_REASONS[index]}`])).toEqual([]);
    });
  }
});
