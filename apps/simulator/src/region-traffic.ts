import { D_TASK_CODES, REGION_AREAS } from '@dtask/domain';
import { Random } from './random';

/**
 * Relative D-task arrivals by hour of day: quiet at night, rising through the morning, highest
 * late morning to early evening. Normalised to a mean of 1.
 */
const HOURLY = [0.35, 0.3, 0.25, 0.25, 0.25, 0.35, 0.6, 0.9, 1.2, 1.4, 1.5, 1.5, 1.45, 1.4, 1.35, 1.35, 1.3, 1.3, 1.25, 1.15, 1.0, 0.85, 0.65, 0.45];
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / HOURLY.length;
export const arrivalWeight = (hour: number) => HOURLY[hour % 24]! / HOURLY_MEAN;

const MUNICIPALITIES = Object.values(REGION_AREAS).flatMap((municipalities) => Object.entries(municipalities));

/** Falls and "unwell" among the elderly dominate D-tasks; the code weights say so. */
const CODE_WEIGHTS = D_TASK_CODES.map((code) => [code, ['703', '704', '745', '744'].includes(code) ? 4 : 1] as const);

/** A new task's intake; `samePatientAs` makes it the same patient's again (a relative called 112 too). */
export function randomIntake(random: Random, sequence: number, receivedAt: Date, samePatientAs?: Pick<Intake, 'patient' | 'callbackPhone' | 'municipality' | 'address'>): Intake {
  const intake = drawIntake(random, sequence, receivedAt);
  if (!samePatientAs) return intake;
  const { patient, callbackPhone, municipality, address } = samePatientAs;
  return { ...intake, patient, callbackPhone, municipality, address };
}

export type Intake = ReturnType<typeof drawIntake>;

function drawIntake(random: Random, sequence: number, receivedAt: Date) {
  const age = random.chance(0.6) ? random.int(75, 98) : random.int(18, 74);
  const patientNumber = random.int(0, 9999);
  const day = String((patientNumber % 28) + 1).padStart(2, '0');
  const withIdentity = random.chance(0.9);
  return {
    ercTaskId: `SIM-${receivedAt.getTime()}-${sequence}`,
    receivedAt: receivedAt.toISOString(),
    taskCode: random.weighted(CODE_WEIGHTS),
    urgency: 'D',
    municipality: random.weighted(MUNICIPALITIES),
    address: `Simulaatiokatu ${random.int(1, 120)}`,
    patient: {
      ageYears: age,
      sex: random.pick(['female', 'male'] as const),
      ...(withIdentity ? { personId: `${day}01${String(2026 - 1900 - age).slice(-2).padStart(2, '0')}-${String(patientNumber % 1000).padStart(3, '0')}A` } : {}),
    },
    callbackPhone: `+35840${String(patientNumber).padStart(7, '0')}`,
    ercNotes: random.pick(['kaatunut, ei pääse ylös', 'huonovointisuutta', 'huimausta', 'kipua alaselässä', 'kuumetta']),
  };
}
