import { EventData, RedFlag } from '@dtask/events';
import { Random } from './random';

export type Assessment = EventData<'AssessmentRecorded'>;
type Facts = Pick<Assessment, 'language' | 'interpreter' | 'caller' | 'spokeWithPatient' | 'identity'>;

/** Languages besides Finnish and Swedish the centre meets; English the nurses mostly speak themselves. */
const OTHER_LANGUAGES = ['en', 'ru', 'ar', 'so', 'et', 'uk', 'fa'] as const;

/**
 * Languages per 10,000 assessed patients. Swedish: 0.2 % of Pohjois-Pohjanmaa's inhabitants have it
 * as their registered language (Statistics Finland's figures as the Swedish Wikipedia's article on
 * Norra Österbotten gives them: 744 of about 404,000); we take 0.3 % for visitors from the
 * Swedish-speaking coast to the south and summer residents. Not 5 %: that is the country's share,
 * and Central Ostrobothnia's 9 % (domain.md) is the neighbour's. Other languages: 2.2 % of the
 * inhabitants there, fewer among the old who make most D-tasks, so 1.5 %.
 */
const LANGUAGES = [['fi', 9820], ['sv', 30], ['other', 150]] as const;

/**
 * Who is on the line and in which language, and how the nurse checked who the patient is (S9).
 * The caller: an assumption from who calls 112 for the old (most D patients are over 75): the
 * patient about 3 in 5, a relative a quarter, home-care staff or another professional the rest,
 * now and then a neighbour or passer-by ("other"). An interpreter (by phone) for most patients of
 * another language but English, rarely for a Swedish speaker (most speak Finnish too). Identity is
 * checked against the identity code, and now and then, mostly when the ERC had none, it cannot be.
 */
export function callFacts(random: Random, identityCodeKnown: boolean): Facts {
  const group = random.weighted(LANGUAGES);
  const language = group === 'other' ? random.pick(OTHER_LANGUAGES) : group;
  const caller = random.weighted([['patient', 57], ['relative', 27], ['carer', 9], ['professional', 6], ['other', 1]] as const);
  const unverified = random.chance(identityCodeKnown ? 0.004 : 0.2);
  const interpreter = language === 'sv' ? random.chance(0.05) : language !== 'fi' && language !== 'en' && random.chance(0.8);
  return {
    language,
    interpreter,
    caller,
    spokeWithPatient: caller === 'patient' || random.chance(0.55),
    identity: unverified ? 'unverified' : 'verified',
  };
}

export function assessment(facts: Facts, redFlags: RedFlag[] = []): Assessment {
  return { redFlags, concern: false, symptoms: 'generated', existingServices: [], notes: '', ...facts };
}
