import { CareLevel, ServiceKind, Transport } from '@dtask/events';
import { Random } from './random';

/** Where a no-unit decision sends the patient, within what time, and how (contract v1.1). */
export interface Disposition {
  careLevel: CareLevel;
  /** An ISO 8601 duration; self-care has none, there is nothing to reach in time. */
  within?: string;
  transport: Transport;
}

type Weights<T> = readonly (readonly [T, number])[];

interface Shape {
  within: Weights<string>;
  transport: Weights<Transport>;
}

/**
 * What each care level looks like on the phone. Timeframes are the console's choices (PT1H … P7D,
 * NTS practice: every urgency has a time). An assumption, no published Finnish figures: an ED
 * visit within two to four hours by own car or taxi (a few by non-emergency transport), the health
 * centre the same or the next day, self-care needs neither a time nor a ride.
 */
const SHAPES: Record<CareLevel, Shape> = {
  'self-care': { within: [], transport: [['none', 1]] },
  'primary-care': { within: [['PT8H', 25], ['P1D', 60], ['P3D', 15]], transport: [['own', 80], ['taxi', 15], ['non-emergency-transport', 5]] },
  'emergency-department': { within: [['PT2H', 45], ['PT4H', 45], ['PT8H', 10]], transport: [['own', 55], ['taxi', 35], ['non-emergency-transport', 10]] },
  'social-care': { within: [['PT4H', 40], ['P1D', 60]], transport: [['none', 1]] },
  other: { within: [['P1D', 60], ['P3D', 40]], transport: [['own', 70], ['none', 30]] },
};

/**
 * Phone advice: half care at home, a third to the health centre, one in seven to the ED on their
 * own. Our assumption: the published evaluations (domain.md) give no split of advice by care
 * level; an advised D patient is one the nurse judged safe without a unit, so self-care leads.
 */
const ADVICE_LEVELS: Weights<CareLevel> = [['self-care', 50], ['primary-care', 30], ['emergency-department', 14], ['social-care', 2], ['other', 4]];

/** The advice after a failed visit, or on a doctor's consult: the ED or the health centre more often. */
const CAUTIOUS_LEVELS: Weights<CareLevel> = [['self-care', 20], ['primary-care', 35], ['emergency-department', 45]];

/**
 * A redirect's level follows the service: home care and mental-health services are primary care,
 * social services on call social care, hospital-at-home and the helpline neither ("other"). The
 * service comes to the patient or calls, so no ride is needed, except to the health centre. No
 * redirect's timeframe is longer than the visit limit (24 h): the service must report by then.
 */
const REDIRECTS: Record<ServiceKind, { careLevel: CareLevel } & Shape> = {
  'home-care': { careLevel: 'primary-care', within: [['PT4H', 30], ['PT8H', 40], ['P1D', 30]], transport: [['none', 1]] },
  'hospital-at-home': { careLevel: 'other', within: [['PT2H', 40], ['PT4H', 45], ['PT8H', 15]], transport: [['none', 1]] },
  'social-on-call': { careLevel: 'social-care', within: [['PT1H', 35], ['PT2H', 40], ['PT4H', 25]], transport: [['none', 1]] },
  'mental-health': { careLevel: 'primary-care', within: [['PT8H', 40], ['P1D', 60]], transport: [['own', 50], ['none', 50]] },
  'primary-care': { careLevel: 'primary-care', within: [['PT8H', 40], ['P1D', 60]], transport: [['own', 80], ['taxi', 20]] },
  helpline: { careLevel: 'other', within: [['PT1H', 60], ['PT2H', 40]], transport: [['none', 1]] },
};

function shaped(random: Random, careLevel: CareLevel, shape: Shape): Disposition {
  const within = shape.within.length > 0 ? random.weighted(shape.within) : undefined;
  return { careLevel, ...(within ? { within } : {}), transport: random.weighted(shape.transport) };
}

/** Phone advice's disposition; `cautious` after a failed visit or a doctor's word. */
export function adviceDisposition(random: Random, cautious = false): Disposition {
  const careLevel = random.weighted(cautious ? CAUTIOUS_LEVELS : ADVICE_LEVELS);
  return shaped(random, careLevel, SHAPES[careLevel]);
}

export function redirectDisposition(random: Random, kind: ServiceKind): Disposition {
  const redirect = REDIRECTS[kind];
  return shaped(random, redirect.careLevel, redirect);
}
