import { EventData, RedFlag } from '@dtask/events';
import { Random } from './random';

export type Assessment = EventData<'AssessmentRecorded'>;
type Facts = Pick<Assessment, 'language' | 'interpreter' | 'caller' | 'spokeWithPatient' | 'identity'>;

/** Languages besides Finnish and Swedish the centre meets, most of them through an interpreter. */
const OTHER_LANGUAGES = ['en', 'ru', 'ar', 'so', 'et', 'uk', 'fa'] as const;

/**
 * Who is on the line and in which language, and how the nurse checked who the patient is (S9):
 * mostly the patient in Finnish, about 5 % Swedish, a few other languages (an interpreter most
 * often); identity is checked against the identity code, and now and then, mostly when the ERC
 * had none, it cannot be verified.
 */
export function callFacts(random: Random, identityCodeKnown: boolean): Facts {
  const language = random.weighted([['fi', 930], ['sv', 50], ['other', 20]] as const);
  const caller = random.weighted([['patient', 58], ['relative', 27], ['carer', 9], ['professional', 6]] as const);
  const unverified = random.chance(identityCodeKnown ? 0.004 : 0.2);
  return {
    language: language === 'other' ? random.pick(OTHER_LANGUAGES) : language,
    interpreter: language === 'other' && random.chance(0.8),
    caller,
    spokeWithPatient: caller === 'patient' || random.chance(0.55),
    identity: unverified ? 'unverified' : 'verified',
  };
}

export function assessment(facts: Facts, redFlags: RedFlag[] = []): Assessment {
  return { redFlags, concern: false, symptoms: 'generated', existingServices: [], notes: '', ...facts };
}
