/** Conflicting writers decide again this many times before the caller is told `concurrent-update`. */
export const MAX_ATTEMPTS = 6;

/**
 * Waits before the next attempt after a conflict: a random share of a window that doubles each
 * time (1, 2, 4 … ms, at most 32), so writers that collided do not collide again in step.
 */
export function backOff(attempt: number, random: () => number = Math.random): Promise<void> {
  const windowMs = Math.min(32, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.floor(random() * windowMs)));
}
