import { createHash } from 'node:crypto';

/** Namespace of ERC task ids (a fixed random UUID): the same ERC id always maps to the same task. */
const ERC_TASK_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c1f8e3a5b6c7d8e9f01', 'hex');

/**
 * A name-based (v5) UUID of the ERC's own task id. Intake is then idempotent by construction:
 * a repeated ercTaskId targets the same stream, and `no-stream` refuses the second write.
 */
export function taskIdForErcTask(ercTaskId: string): string {
  const hash = createHash('sha1').update(ERC_TASK_NAMESPACE).update(ercTaskId, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
