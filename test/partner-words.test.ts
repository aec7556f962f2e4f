import { DICTIONARIES } from '../apps/console/src/i18n';

const { fi, sv, en } = DICTIONARIES;

/** QA 6, item 15: the receiving service's view in the words a Finnish or Swedish partner uses. */
describe('the partner’s words', () => {
  it('labels the visit time as the nurse’s form labels a time (klo (tt.mm), kl. (hh.mm)), and asks for it so', () => {
    for (const words of [fi, sv, en]) expect(words.partnerVisitedAtTime).toBe(words.atTime);
    expect(fi.partnerVisitedAtTime).toBe('klo (tt.mm)');
    expect(fi.partnerVisitTimeInvalid).toContain('tt.mm');
    expect(fi.partnerVisitTimeInvalid).not.toContain('hh.mm');
  });

  it('says an empty list in Finnish by what the list holds, not as “no patient waits”', () => {
    for (const key of ['partnerEmpty', 'partnerVisitsEmpty', 'partnerVisitsEmptyCall']) {
      expect(fi[key]).not.toMatch(/yksikään|ei odota/i);
      expect(fi[key]).toMatch(/ ei ole\.$/);
    }
    expect(fi.partnerEmpty).toMatch(/^Vastattavia ohjauksia/);
    expect(fi.partnerVisitsEmpty).toMatch(/^Raportoitavia käyntejä/);
    expect(fi.partnerVisitsEmptyCall).toMatch(/^Raportoitavia soittoja/);
  });

  it('says why a referral left before its answer: the centre took the task back, as when the patient called 112 again', () => {
    expect(sv.partnerGone).toMatch(/lägescentralen tog tillbaka uppdraget/);
    expect(sv.partnerGone).toMatch(/patienten ringde 112 igen/);
    expect(fi.partnerGone).toMatch(/tilannekeskus otti tehtävän takaisin/);
    expect(fi.partnerGone).toMatch(/potilas soitti uudelleen 112:een/);
    expect(en.partnerGone).toMatch(/took the task back/);
    expect(en.partnerGone).toMatch(/the patient called 112 again/);
  });
});
