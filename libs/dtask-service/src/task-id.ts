import { nameBasedUuid } from './name-based-uuid';

/** Namespace of ERC task ids (a fixed random UUID): the same ERC id always maps to the same task. */
const ERC_TASK_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c1f8e3a5b6c7d8e9f01', 'hex');

/** Intake is idempotent by construction: a repeated ercTaskId targets the same stream. */
export const taskIdForErcTask = (ercTaskId: string): string => nameBasedUuid(ERC_TASK_NAMESPACE, ercTaskId);
