import type { Disposition } from './commands';

/**
 * Only the disposition fields (care level, timeframe, transport, consult) that are given: the
 * decision's event carries no absent field, and an older decision folds to the shape it always had.
 */
export function dispositionOf({ careLevel, within, transport, consultId }: Disposition): Disposition {
  return {
    ...(careLevel === undefined ? {} : { careLevel }),
    ...(within === undefined ? {} : { within }),
    ...(transport === undefined ? {} : { transport }),
    ...(consultId === undefined ? {} : { consultId }),
  };
}
