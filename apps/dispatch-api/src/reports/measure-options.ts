import { MeasureOptions } from '@dtask/read-models';
import { AppConfig } from '../config/app-config';

/**
 * The options every route measures by: the assumed mission time and the contact target as
 * configured, and a recall still pending counted as due once its time has come by `nowMs`.
 */
export function measureOptionsOf(config: Pick<AppConfig, 'ASSUMED_MISSION_MINUTES' | 'CONTACT_TARGET_MINUTES'>, windowDays: number, nowMs: number): MeasureOptions {
  return { assumedMissionMinutes: config.ASSUMED_MISSION_MINUTES, contactTargetMinutes: config.CONTACT_TARGET_MINUTES, windowDays, asOfMs: nowMs };
}
