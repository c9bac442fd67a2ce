/**
 * The measuring client of the live-session measures: one `ws` socket speaking the part of Paraat's
 * protocol (docs/protocol.md) that the bare baseline (./bareServer.mjs) speaks too, so the same code
 * measures both. It says hello, proposes and awaits the result, and checks every entry it gets — in a
 * result or in `entries` — against the chain it holds: seq one more than the last (a higher one is a gap,
 * a lower one a duplicate when seen before, a reorder when not), `prevHash` the last entry's hash, and
 * the hash recomputed (SHA-256 of the canonical JSON without `hash`; a redacted entry can only be linked).
 */
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { configure } from 'safe-stable-stringify';
import WebSocket from 'ws';

/** RFC 8785 for JSON values, as src/core/hashChain.ts configures it. */
const canonical = configure({ deterministic: true, strict: true, circularValue: Error, bigint: false });

const PROTOCOL_VERSION = 1;
const MACHINE_VERSION = 'escalation/1';
const GIVE_UP_MS = 30_000;

export const hashOfEntry = (entry) => {
  const rest = { ...entry };
  delete rest.hash;
  return createHash('sha256').update(canonical(rest)).digest('hex');
};

/** What a client counted about the entries it got. */
export const emptyCounts = () => ({ entries: 0, duplicates: 0, reorders: 0, badLinks: 0, badHashes: 0 });

export class LiveClient {
  /**
   * @param {{ url: string, exerciseId: string, token: string, address?: string,
   *   onEntry?: (entry: object, at: number, client: LiveClient) => void }} options
   */
  constructor({ url, exerciseId, token, address, onEntry, verify = true }) {
    this.url = url;
    this.exerciseId = exerciseId;
    this.token = token;
    this.address = address;
    this.onEntry = onEntry ?? (() => {});
    this.verify = verify;
    this.socket = null;
    /** The seq the client's copy starts after (the first welcome's headSeq), the highest seen, its hash. */
    this.base = null;
    this.maxSeq = 0;
    this.lastHash = null;
    /** Seen seqs above `base`, as a growing bitmap. */
    this.seen = new Uint8Array(1024);
    this.counts = emptyCounts();
    /** @type {Map<string, { resolve: (answer: object) => void, sentAt: number, timer: NodeJS.Timeout }>} */
    this.pending = new Map();
    this.rateLimited = 0;
    this.closes = [];
    this.next = 0;
    /** Message ids unique per client object: a device's ids are de-duplicated for the life of the exercise. */
    this.idPrefix = randomBytes(6).toString('hex');
    /** Reconnect when the socket is lost (see `reconnectSoon`). */
    this.reconnect = false;
    /** @type {((welcome: object, client: LiveClient) => void) | undefined} */
    this.onWelcome = undefined;
  }

  /** The highest seq up to which the client holds every entry: what it says as `lastSeq` on reconnect. */
  contiguous() {
    let seq = this.base ?? 0;
    while (seq < this.maxSeq && this.hasSeen(seq + 1)) seq += 1;
    return seq;
  }

  hasSeen(seq) {
    const at = seq - (this.base ?? 0);
    return at >= 1 && at < this.seen.length && this.seen[at] === 1;
  }

  markSeen(seq) {
    const at = seq - (this.base ?? 0);
    if (at < 1) return;
    if (at >= this.seen.length) {
      const grown = new Uint8Array(Math.max(this.seen.length * 2, at + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
    this.seen[at] = 1;
  }

  /** Seqs in (base, upTo] the client never got. */
  gaps(upTo) {
    let missing = 0;
    for (let seq = (this.base ?? 0) + 1; seq <= upTo; seq++) if (!this.hasSeen(seq)) missing += 1;
    return missing;
  }

  check(entry, at) {
    const seq = entry.seq;
    this.counts.entries += 1;
    if (this.base !== null && seq <= this.base) {
      this.counts.duplicates += 1;
      return;
    }
    if (seq <= this.maxSeq) {
      if (this.hasSeen(seq)) this.counts.duplicates += 1;
      else {
        this.counts.reorders += 1;
        this.markSeen(seq);
      }
      return;
    }
    if (seq === this.maxSeq + 1 && entry.prevHash !== this.lastHash) this.counts.badLinks += 1;
    if (this.verify && entry.kind !== 'redacted' && hashOfEntry(entry) !== entry.hash) this.counts.badHashes += 1;
    this.maxSeq = seq;
    this.lastHash = entry.hash;
    this.markSeen(seq);
    this.onEntry(entry, at, this);
  }

  /** Open the socket, say hello with the last seq held, and resolve at the welcome (after its catch-up). */
  connect() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, {
        headers: this.address ? { 'x-forwarded-for': this.address } : {},
        perMessageDeflate: false,
      });
      this.socket = socket;
      let welcomed = false;
      const timer = setTimeout(() => {
        reject(new Error('no welcome'));
        socket.terminate();
      }, GIVE_UP_MS);
      socket.on('open', () => {
        const lastSeq = this.base === null ? 0 : this.contiguous();
        socket.send(
          JSON.stringify({
            type: 'hello',
            protocolVersion: PROTOCOL_VERSION,
            machineVersion: MACHINE_VERSION,
            exerciseId: this.exerciseId,
            deviceToken: this.token,
            lastSeq,
          }),
        );
      });
      socket.on('message', (data) => {
        const at = performance.now();
        const message = JSON.parse(data.toString('utf8'));
        switch (message.type) {
          case 'welcome': {
            if (this.base === null) {
              this.base = message.headSeq;
              this.maxSeq = message.headSeq;
              this.lastHash = message.headHash;
            } else for (const { entry } of message.catchUp) this.check(entry, at);
            welcomed = true;
            clearTimeout(timer);
            resolve(message);
            return;
          }
          case 'result': {
            const entry = message.outcome.entry?.entry;
            if (entry) this.check(entry, at);
            this.answer(message.clientMessageId, { outcome: message.outcome, at });
            return;
          }
          case 'entries':
            for (const { entry } of message.entries) this.check(entry, at);
            return;
          case 'error':
            if (message.code === 'rateLimited') this.rateLimited += 1;
            if (message.clientMessageId) this.answer(message.clientMessageId, { outcome: message, at });
            return;
          case 'incompatible':
            if (!welcomed) {
              clearTimeout(timer);
              reject(new Error(`incompatible: ${String(message.reason)}`));
            }
            return;
          default:
        }
      });
      socket.on('error', (error) => {
        if (!welcomed) {
          clearTimeout(timer);
          reject(error);
        }
      });
      socket.on('close', (code) => {
        this.closes.push(code);
        if (!welcomed) {
          clearTimeout(timer);
          reject(new Error(`closed (${String(code)}) before the welcome`));
        } else if (this.reconnect) this.reconnectSoon();
        for (const [id, waiting] of this.pending) {
          clearTimeout(waiting.timer);
          waiting.resolve({ outcome: { type: 'closed', code }, at: performance.now(), sentAt: waiting.sentAt });
          this.pending.delete(id);
        }
      });
    });
  }

  /**
   * Keep reconnecting after a lost socket (with `reconnect` set): after 50–500 ms (jitter), then with
   * backoff up to 2 s, saying hello with the last seq it holds whole; `onWelcome` hears each welcome.
   */
  reconnectSoon(delay = 50 + Math.random() * 450) {
    setTimeout(() => {
      if (!this.reconnect) return;
      this.connect().then(
        (welcome) => {
          this.onWelcome?.(welcome, this);
        },
        () => {
          this.socket?.terminate();
          this.reconnectSoon(Math.min(2000, delay * 2));
        },
      );
    }, delay);
  }

  answer(clientMessageId, answer) {
    const waiting = this.pending.get(clientMessageId);
    if (!waiting) return;
    this.pending.delete(clientMessageId);
    clearTimeout(waiting.timer);
    waiting.resolve({ ...answer, sentAt: waiting.sentAt });
  }

  /**
   * Send a proposal and resolve with its answer: `{outcome, sentAt, at}` (performance.now() of the send
   * and of the answer's arrival; `at - sentAt` is the ack latency).
   */
  propose(proposal, clientMessageId = `${this.idPrefix}-${String(++this.next)}`) {
    return new Promise((resolve) => {
      const text = JSON.stringify({ type: 'propose', clientMessageId, proposal });
      const timer = setTimeout(() => {
        this.pending.delete(clientMessageId);
        resolve({ outcome: { type: 'timeout' }, at: performance.now(), sentAt });
      }, GIVE_UP_MS);
      const sentAt = performance.now();
      this.pending.set(clientMessageId, { resolve, sentAt, timer });
      this.socket.send(text);
    });
  }

  /** Send without waiting (a flood); the answers are counted, not awaited. */
  sendRaw(text) {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  get open() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  close() {
    return new Promise((resolve) => {
      if (!this.socket || this.socket.readyState === WebSocket.CLOSED) {
        resolve();
        return;
      }
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  /** Drop the connection at once, without a closing handshake. */
  terminate() {
    this.socket?.terminate();
  }
}
