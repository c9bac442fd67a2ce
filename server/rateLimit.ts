/**
 * Rate limits (issue #14 item 7): token buckets per key (an address, a
 * device), on the server's clock, so a test can drive them with a fake one.
 * Every limit is checked when a message or request arrives, before it is read
 * as a proposal, judged or logged: a flood costs the server a bucket lookup
 * and an `error`, and cannot make the exercise log grow.
 */
import type { FastifyReply } from 'fastify';

/** A bucket holds up to `capacity` tokens and gains `perSecond` a second; each message or request takes one. */
export interface BucketRule {
  capacity: number;
  perSecond: number;
}

export interface Limits {
  /** WebSocket upgrades per address. */
  connectsPerIp: BucketRule;
  /** WebSocket messages per address, all its sockets together (a room behind one NAT address shares it). */
  messagesPerIp: BucketRule;
  /** WebSocket messages per device, all its sockets together (every admin-secret socket is one device). */
  messagesPerDevice: BucketRule;
  /** HTTP requests to /api/ per address. */
  httpPerIp: BucketRule;
  /** Join attempts (POST /api/join) per address; a join that succeeds gives its token back. */
  joinsPerIp: BucketRule;
  /** Join attempts from every address together, the same way: a guesser with many addresses is held too. */
  joinsTotal: BucketRule;
  /** A socket that sends this many messages in a row over its limits is closed (1008). */
  floodCloseAfter: number;
  /** Bytes waiting to be sent to a socket before it is too slow and is closed (4429). */
  maxBufferedBytes: number;
  /** How long a too-slow socket gets to take its close frame before it is cut off. */
  slowCloseGraceMs: number;
}

const perMinute = (count: number): BucketRule => ({ capacity: count, perSecond: count / 60 });

export const DEFAULT_LIMITS: Limits = {
  connectsPerIp: { capacity: 60, perSecond: 1 },
  messagesPerIp: { capacity: 300, perSecond: 30 },
  messagesPerDevice: { capacity: 60, perSecond: 5 },
  httpPerIp: { capacity: 120, perSecond: 2 },
  joinsPerIp: perMinute(10),
  joinsTotal: perMinute(100),
  floodCloseAfter: 100,
  maxBufferedBytes: 8 * 1024 * 1024,
  slowCloseGraceMs: 5_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key. Buckets that have filled up again are forgotten now and then, so memory stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: BucketRule,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  private bucket(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.rule.capacity, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const gained = (Math.max(0, now - bucket.at) / 1000) * this.rule.perSecond;
    bucket.tokens = Math.min(this.rule.capacity, bucket.tokens + gained);
    bucket.at = now;
    return bucket;
  }

  private prune(now: number) {
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + ((now - bucket.at) / 1000) * this.rule.perSecond >= this.rule.capacity;
      if (full) this.buckets.delete(key);
    }
  }

  /** Whether `key` has a token now. */
  has(key: string): boolean {
    return this.bucket(key).tokens >= 1;
  }

  /** Take a token if there is one. */
  take(key: string): boolean {
    const bucket = this.bucket(key);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Give a token back (a join that succeeded). */
  giveBack(key: string) {
    const bucket = this.bucket(key);
    bucket.tokens = Math.min(this.rule.capacity, bucket.tokens + 1);
  }

  /** How long until `key` has a token again, in ms. */
  retryAfterMs(key: string): number {
    const bucket = this.bucket(key);
    if (bucket.tokens >= 1) return 0;
    return this.rule.perSecond > 0 ? Math.ceil(((1 - bucket.tokens) / this.rule.perSecond) * 1000) : 60_000;
  }
}

/** Take a token from every (limiter, key) pair, or from none: a message refused by one limit costs the others nothing. */
export function takeAll(
  pairs: readonly (readonly [RateLimiter, string])[],
): { ok: true } | { ok: false; retryAfterMs: number } {
  const empty = pairs.filter(([limiter, key]) => !limiter.has(key));
  if (empty.length > 0)
    return { ok: false, retryAfterMs: Math.max(...empty.map(([limiter, key]) => limiter.retryAfterMs(key))) };
  for (const [limiter, key] of pairs) limiter.take(key);
  return { ok: true };
}

/** The server's limiters, one per rule. */
export class Defences {
  readonly connects: RateLimiter;
  readonly messagesIp: RateLimiter;
  readonly messagesDevice: RateLimiter;
  readonly http: RateLimiter;
  readonly joinsIp: RateLimiter;
  readonly joinsTotal: RateLimiter;

  constructor(
    readonly limits: Limits,
    now: () => number,
  ) {
    this.connects = new RateLimiter(limits.connectsPerIp, now);
    this.messagesIp = new RateLimiter(limits.messagesPerIp, now);
    this.messagesDevice = new RateLimiter(limits.messagesPerDevice, now);
    this.http = new RateLimiter(limits.httpPerIp, now);
    this.joinsIp = new RateLimiter(limits.joinsPerIp, now);
    this.joinsTotal = new RateLimiter(limits.joinsTotal, now);
  }

  /** A WebSocket message from `remote` (and, once welcomed, from `device`). */
  message(remote: string, device: string | null) {
    return takeAll(
      device === null
        ? [[this.messagesIp, remote]]
        : [
            [this.messagesIp, remote],
            [this.messagesDevice, device],
          ],
    );
  }

  /** A join attempt from `remote`: from its bucket and the shared one. */
  join(remote: string) {
    return takeAll([
      [this.joinsIp, remote],
      [this.joinsTotal, '*'],
    ]);
  }

  /** A join that let a device in: it was no guess. */
  joined(remote: string) {
    this.joinsIp.giveBack(remote);
    this.joinsTotal.giveBack('*');
  }
}

/** HTTP 429 with when to try again (`Retry-After` in seconds, `retryAfterMs` in the body). */
export async function tooMany(reply: FastifyReply, retryAfterMs: number) {
  await reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))))
    .send({
      error: 'rateLimited',
      message: {
        nl: 'Te veel verzoeken achter elkaar; probeer het zo weer.',
        en: 'Too many requests in a row; try again shortly.',
      },
      retryAfterMs,
    });
}
