import { municipalityOptions } from '../apps/console/src/erc/municipalities';
import { REGION_MUNICIPALITIES } from '../libs/events/src/region';

/** QA 6, item 15: the ERC's intake lists the municipalities in the order of the names it shows. */
describe('the municipalities of the ERC intake', () => {
  it('sorts them by their Swedish names in Swedish (Uleåborg under U, Brahestad under B), by the Finnish ones otherwise', () => {
    const swedish = municipalityOptions('sv');
    const labels = swedish.map((option) => option.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('sv').compare));
    expect(labels.indexOf('Uleåborg')).toBeGreaterThan(labels.indexOf('Tyrnävä'));
    expect(labels.indexOf('Brahestad')).toBe(labels.indexOf('Alavieska') + 1);
    expect(labels.indexOf('Karlö')).toBe(labels.indexOf('Kalajoki') + 1);
    // The value sent stays the region's Finnish spelling.
    expect(swedish.find((option) => option.label === 'Uleåborg')?.value).toBe('Oulu');
    for (const language of ['fi', 'en'] as const) {
      const finnish = municipalityOptions(language).map((option) => option.label);
      expect(finnish).toEqual([...REGION_MUNICIPALITIES].sort(new Intl.Collator('fi').compare));
      expect(finnish.indexOf('Oulu')).toBeLessThan(finnish.indexOf('Pudasjärvi'));
    }
    expect(new Set(swedish.map((option) => option.value))).toEqual(new Set(REGION_MUNICIPALITIES));
  });
});
