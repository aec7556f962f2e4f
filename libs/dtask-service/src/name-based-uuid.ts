import { createHash } from 'node:crypto';

/**
 * A name-based (v5, RFC 9562) UUID: the same namespace and name always give the same id. Task ids
 * from ERC ids and command and event ids from an Idempotency-Key are made this way, so a repeat
 * lands on what the first one wrote.
 */
export function nameBasedUuid(namespace: Buffer, name: string): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
