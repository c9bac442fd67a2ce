/**
 * When to try again after a lost connection: exponential backoff with "full
 * jitter" (a random delay up to the capped exponential), so a room of devices
 * that lost the server at the same moment does not come back in one wave
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 */
export interface Backoff {
  /** The first delay's ceiling, ms. */
  baseMs: number;
  /** No delay is longer than this, ms. */
  capMs: number;
  /** No delay is shorter than this, ms: a server that restarts needs a moment. */
  floorMs: number;
}

export const RECONNECT_BACKOFF: Backoff = { baseMs: 500, capMs: 10_000, floorMs: 200 };

/** The delay before reconnect attempt `attempt` (0 = the first), with `random` in [0, 1). */
export function reconnectDelay(attempt: number, random: number, backoff: Backoff = RECONNECT_BACKOFF): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempt, 20));
  return Math.max(backoff.floorMs, Math.floor(random * ceiling));
}
