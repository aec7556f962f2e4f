/**
 * One Idempotency-Key per intended command. A press whose answer never came (the network dropped
 * it, the service answered 5xx) may have been written; pressing again with the same body sends the
 * same key, so the service answers the first outcome instead of writing a second "no answer". Once
 * an answer arrives the key is spent, and the next press is a new command.
 */
const unanswered = new Map<string, string>();

const intentOf = (path: string, body: unknown) => `${path}\n${JSON.stringify(body ?? null)}`;

export function keyFor(path: string, body: unknown): string {
  const intent = intentOf(path, body);
  let key = unanswered.get(intent);
  if (key === undefined) {
    key = randomKey();
    unanswered.set(intent, key);
  }
  return key;
}

export function answered(path: string, body: unknown): void {
  unanswered.delete(intentOf(path, body));
}

/** 128 random bits as hex: crypto.randomUUID needs a secure context, a control room's LAN address may not be one. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
