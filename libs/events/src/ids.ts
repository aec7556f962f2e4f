/**
 * Time-ordered (v7, RFC 9562) UUIDs for event ids: 48 bits of Unix milliseconds, then random bits.
 * Ids written together sort together, so the store's unique index on them grows at one edge
 * instead of touching a random page per event.
 */
/** Random bytes are drawn in blocks: one call to the system's generator per 256 ids, not per id. */
const RANDOM_BLOCK = 4096;
const randomPool = new Uint8Array(RANDOM_BLOCK);
let randomOffset = RANDOM_BLOCK;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function uuidv7(now: number = Date.now()): string {
  if (randomOffset === RANDOM_BLOCK) {
    globalThis.crypto.getRandomValues(randomPool);
    randomOffset = 0;
  }
  const bytes = randomPool.slice(randomOffset, randomOffset + 16);
  randomOffset += 16;
  let time = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const byte of bytes) hex += HEX[byte];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
