/** Seconds waited or held since `iso` as of the wall's time; the server's count when it sent no instant. */
export type SecondsSince = (iso: string | undefined, fallbackSeconds: number) => number;

/** While the connection is down the figures are as they stood at the stamp: waits are counted to `asOfMs`. */
export function secondsSince(asOfMs: number): SecondsSince {
  return (iso, fallbackSeconds) => (iso ? Math.max(0, (asOfMs - Date.parse(iso)) / 1000) : fallbackSeconds);
}
