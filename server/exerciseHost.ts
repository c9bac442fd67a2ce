/**
 * One writer per exercise: every change to an exercise on this server goes
 * through its host's serial queue, one at a time, in the order received.
 *
 * For each proposal: who acts comes from the device (its token, never the
 * message) → the core judges it (`applyAttempt`, the server's clock as its
 * time) → the store appends the sealed entry durably → only then the sender
 * hears the result → then every other device gets the entry, each through
 * `projectEntry` for its role. A welcome (catch-up) runs in the same queue,
 * so a device joining never misses or doubles an entry.
 *
 * Injects are released by the server at exercise time, by the core's release
 * policy (`nextReleaseAt`, `dueForRelease`), in the trainer's name, as the
 * browser's console does for a local exercise.
 *
 * On PostgreSQL several processes may serve one exercise (./cluster/): one of
 * them owns it (judges, stores, releases injects); the others are followers.
 * A follower forwards its devices' proposals to the owner and relays the
 * outcome, and sends its devices what the owner stored, read from the store
 * after the owner's notification. When the owner dies, a follower takes over
 * (`tick`). On SQLite there is one process, always the owner.
 */
import type { By, Role } from '../machines';
import {
  MACHINE_VERSION,
  PROTOCOL_VERSION,
  applyAttempt,
  byOfMember,
  dueForRelease,
  exerciseNow,
  exerciseStateOf,
  hashOf,
  headUpdateOf,
  issuesOf,
  logEntrySchema,
  mayActAsOthers,
  nextReleaseAt,
  projectEntry,
  projectExercise,
  toProposal,
  type Applied,
  type ExerciseState,
  type LogEntry,
  type Outcome,
  type Person,
  type Proposal,
  type Propose,
  type ServerMessage,
} from '../src/core';
import type { Cluster } from './cluster/cluster';
import type { ForwardedProposal } from './cluster/forwarding';
import { ADMIN_DEVICE, devicesView, trainerPerson } from './devices';
import { StoreConflictError, type EventStore, type ProposalOrigin } from './store/eventStore';

/** A device connected to an exercise, as its host sees it. */
export interface Client {
  /** The connection, for the server's log. */
  readonly id: string;
  /**
   * The device: its id in the store, or `admin` for the admin secret (the
   * trainer's own devices). Proposals are de-duplicated per device.
   */
  readonly deviceKey: string;
  readonly role: Role;
  readonly person: Person;
  send(message: ServerMessage): void;
  /** Tell the device it cannot take part (`incompatible`) and close its socket. */
  end(reason: 'revoked' | 'forbidden'): void;
}

/** How a hello ended: welcomed, or why not. */
export type Joined = 'joined' | 'revoked' | 'forbidden';

export interface Logger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface HostDeps {
  store: EventStore;
  /** The wall clock (epoch ms): the only time the core gets. */
  now: () => number;
  log: Logger;
  /** Other server processes on the same PostgreSQL database; none on SQLite (one process, always the owner). */
  cluster?: Cluster;
}

/** How often a process looks at the exercises it serves with the others (ownership, missed entries, the inbox). */
export const CLUSTER_TICK_MS = 1_000;

/** setTimeout's largest delay; a later release is re-planned when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After the store failed to take a release, try again this much later. */
const RELEASE_RETRY_MS = 5_000;

const byOfPerson = (person: Person): By =>
  person.municipality === undefined
    ? { role: person.role, name: person.name }
    : { role: person.role, name: person.name, municipality: person.municipality };

const errorOutcome = (code: string, nl: string, en: string): Outcome => ({
  type: 'error',
  code,
  message: { nl, en },
});

export class ExerciseHost {
  private readonly clients = new Set<Client>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;
  /**
   * Devices waiting for a forwarded proposal's outcome, with the last seq each
   * was sent: entries stored meanwhile wait for the outcome, so the device
   * hears them in order around its own, as the owner's devices do.
   */
  private readonly held = new Map<Client, number>();
  private catchUpQueued = false;
  private ticking = false;
  private draining = false;
  private drainAgain = false;

  private constructor(
    private state: ExerciseState,
    private readonly deps: HostDeps,
    /** This process judges and stores the exercise's proposals (always, without a cluster). */
    private owner: boolean,
  ) {
    this.schedule();
  }

  /** The host of a stored exercise, or null when the store has none by that id. */
  static async open(id: string, deps: HostDeps): Promise<ExerciseHost | null> {
    if (!(await deps.store.head(id))) return null;
    // Own it first, then read it: what the last owner stored before it let go is in.
    const owner = deps.cluster ? await deps.cluster.ownership.tryOwn(id) : true;
    const head = await deps.store.head(id);
    if (!head) return null;
    const log = await deps.store.entries(id, 0, head.length);
    return new ExerciseHost(exerciseStateOf(head, log), deps, owner);
  }

  /** This process owns the exercise: it judges, stores and releases. */
  get owns(): boolean {
    return this.owner;
  }

  get id(): string {
    return this.state.head.id;
  }

  get head() {
    return this.state.head;
  }

  get connected(): number {
    return this.clients.size;
  }

  /** Run `task` after everything queued before it; a failed task does not stop the queue. */
  private run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Welcome `client` with everything after `lastSeq`, then keep it posted.
   * A device's record is read again here, in the queue, so a revocation that
   * lands while its hello is on its way is never missed: either the device is
   * welcomed first and then closed by the revocation, or it is refused.
   */
  join(client: Client, lastSeq: number): Promise<Joined> {
    return this.run(async (): Promise<Joined> => {
      if (this.disposed) return 'forbidden';
      await this.catchUpHere();
      if (client.deviceKey !== ADMIN_DEVICE) {
        const device = await this.deps.store.device(client.deviceKey);
        if (!device || device.exerciseId !== this.id) return 'forbidden';
        if (device.status === 'revoked') return 'revoked';
        if (device.status !== 'approved') return 'forbidden';
        // Its token is in use: the secret it joined with can fetch no other.
        if (device.pendingSecretHash !== null) await this.deps.store.saveDevice({ ...device, pendingSecretHash: null });
      }
      const { head } = this.state;
      const log = await this.deps.store.entries(head.id, 0, head.length);
      const projected = projectExercise(head, log, client.role);
      const from = lastSeq <= head.length ? lastSeq : 0;
      client.send({
        type: 'welcome',
        protocolVersion: PROTOCOL_VERSION,
        machineVersion: MACHINE_VERSION,
        exerciseId: head.id,
        role: client.role,
        person: client.person,
        headSeq: head.length,
        headHash: head.headHash,
        head: projected.head,
        catchUp: projected.entries.slice(from),
      });
      this.clients.add(client);
      this.devicesChanged();
      return 'joined';
    });
  }

  leave(client: Client) {
    this.held.delete(client);
    if (this.clients.delete(client)) this.devicesChanged();
  }

  /** Close every socket of a device (revoked): each is told why; on the other processes too, unless it came from one. */
  disconnect(deviceId: string, reason: 'revoked' | 'forbidden', tellOthers = true): Promise<void> {
    if (tellOthers) this.deps.cluster?.deviceClosed(this.id, deviceId, reason);
    return this.run(() => {
      for (const client of [...this.clients]) {
        if (client.deviceKey !== deviceId) continue;
        this.clients.delete(client);
        this.deps.log.info({ exercise: this.id, device: deviceId, connection: client.id, reason }, 'device closed');
        client.end(reason);
      }
      this.devicesChanged();
      return Promise.resolve();
    });
  }

  /** Open sockets per device key. */
  private connections(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const client of this.clients) counts.set(client.deviceKey, (counts.get(client.deviceKey) ?? 0) + 1);
    return counts;
  }

  /** Who is in the room, as the trainer sees it. */
  async devices() {
    const connections = await this.connectionsEverywhere();
    return devicesView(this.deps.store, this.id, this.state.head.setup, connections, this.deps.now());
  }

  /** Open sockets per device key on every live process (./cluster/presence.ts), this one's alone without a cluster. */
  private async connectionsEverywhere(): Promise<Map<string, number>> {
    const counts = this.connections();
    const cluster = this.deps.cluster;
    if (!cluster) return counts;
    try {
      for (const [key, count] of await cluster.presence.others(this.id))
        counts.set(key, (counts.get(key) ?? 0) + count);
    } catch (error) {
      this.deps.log.warn({ exercise: this.id, err: error }, 'cluster: other processes’ connections not read');
    }
    return counts;
  }

  private devicesQueued = false;
  /** The last devices view sent to the trainer's devices here, to send a refreshed one only when it differs. */
  private lastDevices = '';

  private trainers(): Client[] {
    return [...this.clients].filter((client) => client.deviceKey === ADMIN_DEVICE);
  }

  /**
   * Tell the trainer's devices who is in the room now: once, in the queue,
   * however many changes came meanwhile (each message is the whole picture).
   */
  devicesChanged() {
    if (this.devicesQueued || this.disposed) return;
    this.devicesQueued = true;
    this.run(async () => {
      this.devicesQueued = false;
      // The trainer may be on another process: it reads this one's sockets from the presence table.
      await this.deps.cluster?.presence.publish(this.id, this.connections());
      const trainers = this.trainers();
      if (trainers.length === 0) return;
      const view = await this.devices();
      this.lastDevices = JSON.stringify(view);
      for (const client of trainers) client.send({ type: 'devices', ...view });
    }).catch((error: unknown) => {
      this.deps.log.error({ exercise: this.id, err: error }, 'devices not told');
    });
  }

  /**
   * With other processes: what changed there (a device joined or connected
   * through another one) reaches this process's trainer devices by looking
   * again each tick; a view is sent only when it differs from the last.
   */
  private refreshDevices() {
    if (this.devicesQueued || this.disposed || this.trainers().length === 0) return;
    this.run(async () => {
      const trainers = this.trainers();
      if (trainers.length === 0) return;
      const view = await this.devices();
      const text = JSON.stringify(view);
      if (text === this.lastDevices) return;
      this.lastDevices = text;
      for (const client of trainers) client.send({ type: 'devices', ...view });
    }).catch((error: unknown) => {
      this.deps.log.warn({ exercise: this.id, err: error }, 'devices not refreshed');
    });
  }

  /** Who acts for this proposal: the device's person, or (trainer only) the cast member it acts as. */
  private byFor(client: Client, actingAs: string | undefined): By | Outcome {
    if (actingAs === undefined || actingAs === client.person.castMemberId) return byOfPerson(client.person);
    if (!mayActAsOthers(client.role))
      return errorOutcome(
        'forbidden',
        'Dit apparaat handelt alleen als zijn eigen rol; alleen de oefenleider kan als een ander handelen.',
        'This device acts only in its own role; only the trainer can act as someone else.',
      );
    const member = this.state.head.setup.cast.find((candidate) => candidate.id === actingAs);
    if (!member)
      return errorOutcome(
        'invalid',
        `De oefening heeft geen deelnemer "${actingAs}".`,
        `The exercise has no cast member "${actingAs}".`,
      );
    return byOfMember(member);
  }

  /**
   * Judge, store, acknowledge, broadcast: one proposal, in the queue. A
   * proposal this device sent before (the same `clientMessageId`, re-sent
   * after a lost result) is answered with the entry it made, not judged again.
   */
  propose(client: Client, message: Propose): Promise<void> {
    if (!this.owner && !this.disposed) return this.forward(client, message);
    let forward = false;
    return this.run(async () => {
      // Not the owner any more (its lock's connection broke): forwarded, outside the queue, as a follower's are.
      if (!this.owner && !this.disposed) {
        forward = true;
        return;
      }
      await this.proposeHere(client, message, (outcome) => {
        client.send({ type: 'result', clientMessageId: message.clientMessageId, outcome });
      });
    }).then(() => (forward ? this.forward(client, message) : undefined));
  }

  /** Judge, store, answer (`reply`), broadcast: in the queue, as the owner. */
  private async proposeHere(client: Client, message: Propose, reply: (outcome: Outcome) => void): Promise<void> {
    if (this.disposed) {
      reply(errorOutcome('internal', 'De server stopt.', 'The server is stopping.'));
      return;
    }
    const origin: ProposalOrigin = {
      deviceId: client.deviceKey,
      clientMessageId: message.clientMessageId,
      fingerprint: hashOf({ proposal: message.proposal, actingAs: message.actingAs ?? null }),
    };
    const earlier = await this.deps.store.proposal(this.id, origin.deviceId, origin.clientMessageId);
    if (earlier) {
      reply(await this.repeated(client, origin, earlier));
      return;
    }
    const by = this.byFor(client, message.actingAs);
    if ('type' in by) {
      this.deps.log.warn(
        {
          exercise: this.id,
          connection: client.id,
          device: client.deviceKey,
          role: client.role,
          person: client.person.name,
          actingAs: message.actingAs,
        },
        'acting as another refused',
      );
      reply(by);
      return;
    }
    const applied = this.judge(toProposal(message.proposal, by));
    if (applied.outcome === 'ignored') {
      reply({ type: 'ignored', reason: applied.reason });
      return;
    }
    const stored = await this.store(applied, origin);
    if (stored !== 'stored') {
      reply(stored);
      return;
    }
    const { entry } = applied;
    const outcome = this.outcomeOf(entry, client);
    reply(outcome);
    if (outcome.type === 'refused')
      this.deps.log.info(
        { exercise: this.id, seq: entry.seq, rule: outcome.rule, device: client.deviceKey },
        'refused',
      );
    this.broadcast([entry], client);
    this.schedule();
  }

  /**
   * A follower's proposal: to the owner through the inbox, outside the queue
   * (the queue must stay free for the catch-ups, and for taking over should
   * the owner be gone); then, in the queue, the device hears what was stored
   * before its entry, its result, and what came after.
   */
  private async forward(client: Client, message: Propose): Promise<void> {
    const cluster = this.deps.cluster;
    if (!cluster) return;
    if (!this.held.has(client)) this.held.set(client, this.state.head.length);
    let outcome: Outcome | null;
    try {
      outcome = await cluster.forwarding.forward(
        this.id,
        { deviceKey: client.deviceKey, role: client.role, person: client.person, connection: client.id },
        message,
        () => {
          this.tick(true);
        },
      );
    } catch (error) {
      this.deps.log.error({ exercise: this.id, connection: client.id, err: error }, 'cluster: forward failed');
      outcome = errorOutcome(
        'storage',
        'De server kon dit niet doorgeven; er is niets vastgelegd. Probeer het nog eens.',
        'The server could not pass this on; nothing was recorded. Try again.',
      );
    }
    const answer =
      outcome ??
      errorOutcome(
        'internal',
        'Geen antwoord van de server die deze oefening bijhoudt. Stuur het opnieuw: wat al is vastgelegd, wordt niet nog eens vastgelegd.',
        'No answer from the server keeping this exercise. Send it again: what was recorded already is not recorded twice.',
      );
    await this.run(async () => {
      try {
        await this.catchUpHere();
      } catch (error) {
        this.deps.log.warn({ exercise: this.id, err: error }, 'cluster: catch-up failed');
      }
      const from = this.held.get(client) ?? this.state.head.length;
      this.held.delete(client);
      const known = this.state.head.length;
      const missed = from < known ? await this.deps.store.entries(this.id, from, known) : [];
      const seq = answer.type === 'accepted' || answer.type === 'refused' ? answer.seq : null;
      this.sendEntries(
        client,
        missed.filter((entry) => seq === null || entry.seq < seq),
      );
      client.send({ type: 'result', clientMessageId: message.clientMessageId, outcome: answer });
      this.sendEntries(
        client,
        missed.filter((entry) => seq !== null && entry.seq > seq),
      );
    });
  }

  /** A follower reads what the owner stored after the last seq it knows and sends it on. */
  private async catchUpHere() {
    if (this.owner || this.disposed) return;
    const known = this.state.head.length;
    const head = await this.deps.store.head(this.id);
    if (!head || head.length <= known) return;
    // The head first: the entries it counts are committed with it.
    const entries = await this.deps.store.entries(this.id, known, head.length);
    // A follower never judges: its model snapshot and inject states are read afresh when it takes over.
    this.state = { ...this.state, head };
    this.broadcast(entries);
  }

  /** Another process stored entries (its notification), or one may have been missed: catch up, once, in the queue. */
  entriesStored(seq = Number.MAX_SAFE_INTEGER) {
    if (this.owner || this.disposed || this.catchUpQueued || seq <= this.state.head.length) return;
    this.catchUpQueued = true;
    this.run(async () => {
      this.catchUpQueued = false;
      await this.catchUpHere();
    }).catch((error: unknown) => {
      this.deps.log.warn({ exercise: this.id, err: error }, 'cluster: catch-up failed');
    });
  }

  /** The lock went with its connection: stop judging and releasing; forward from now on. */
  ownershipLost() {
    if (!this.owner) return;
    this.owner = false;
    this.deps.log.warn({ exercise: this.id }, 'cluster: no longer the owner');
    this.schedule();
  }

  /**
   * Every second (and, `force`d, when a forward waits too long): a follower
   * that serves the exercise tries to own it, for when the owner is gone, and
   * otherwise reads what it may have missed; an owner looks in its inbox; the
   * trainer's devices here get what other processes changed of the room.
   */
  tick(force = false) {
    const cluster = this.deps.cluster;
    if (!cluster || this.disposed) return;
    if (!force) this.refreshDevices();
    if (this.ticking) return;
    if (this.owner) {
      this.drainInbox();
      return;
    }
    if (!force && this.clients.size === 0 && this.held.size === 0 && !this.state.head.clock.running) return;
    this.ticking = true;
    cluster.ownership
      .tryOwn(this.id)
      .then(async (owned) => {
        if (owned) await this.run(() => this.takeOver());
        else this.entriesStored();
      })
      .catch((error: unknown) => {
        this.deps.log.warn({ exercise: this.id, err: error }, 'cluster: ownership check failed');
      })
      .finally(() => {
        this.ticking = false;
        if (this.owner) this.drainInbox();
      });
  }

  /** This process holds the lock now: read the exercise whole, send on what was missed, and carry on as its writer. */
  private async takeOver() {
    if (this.owner || this.disposed) return;
    const known = this.state.head.length;
    const head = await this.deps.store.head(this.id);
    if (!head) return;
    const log = await this.deps.store.entries(this.id, 0, head.length);
    this.state = exerciseStateOf(head, log);
    this.owner = true;
    this.deps.log.warn({ exercise: this.id, seq: head.length }, 'cluster: took the exercise over');
    this.broadcast(log.slice(known));
    this.schedule();
  }

  /** Proposals forwarded to this owner: judged in the order they came, each answered once stored. */
  drainInbox() {
    const cluster = this.deps.cluster;
    if (!cluster || !this.owner || this.disposed) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = true;
    const drain = async () => {
      do {
        this.drainAgain = false;
        const open = await cluster.forwarding.open(this.id);
        // Queued all at once (the queue keeps their order); each is answered as soon as it is judged. All are
        // waited for, even when one answer fails, so no row is queued twice by the next look.
        const answered = await Promise.allSettled(
          open.map(async (forwarded) => {
            const outcome = await this.judgeForwarded(forwarded);
            if (outcome) await cluster.forwarding.answer(forwarded.id, outcome);
          }),
        );
        for (const result of answered)
          if (result.status === 'rejected')
            this.deps.log.error(
              { exercise: this.id, err: result.reason as unknown },
              'cluster: a forwarded proposal not answered',
            );
      } while (this.drainWanted());
    };
    drain()
      .catch((error: unknown) => {
        this.deps.log.error({ exercise: this.id, err: error }, 'cluster: forwarded proposals not answered');
      })
      .finally(() => {
        this.draining = false;
      });
  }

  /** A notification came while the inbox was being read: read it again. */
  private drainWanted(): boolean {
    return this.drainAgain && this.owner && !this.disposed;
  }

  /** One forwarded proposal, judged as the owner's own device's would be; null when this process is no longer the owner. */
  private judgeForwarded(forwarded: ForwardedProposal): Promise<Outcome | null> {
    const { sender, message } = forwarded;
    // The device as its own process identified it; it is on no socket of this one.
    const client: Client = {
      id: `${sender.connection} (doorgestuurd / forwarded)`,
      deviceKey: sender.deviceKey,
      role: sender.role,
      person: sender.person,
      send: () => undefined,
      end: () => undefined,
    };
    return this.run(async () => {
      if (!this.owner || this.disposed) return null;
      // Its process may not have heard yet that the trainer removed it: the owner reads the device again.
      if (sender.deviceKey !== ADMIN_DEVICE) {
        const device = await this.deps.store.device(sender.deviceKey);
        if (!device || device.exerciseId !== this.id || device.status !== 'approved')
          return errorOutcome(
            'forbidden',
            'Dit apparaat heeft geen toegang (meer) tot deze oefening; niets vastgelegd.',
            'This device has no (longer any) access to this exercise; nothing recorded.',
          );
      }
      let outcome: Outcome | null = null;
      await this.proposeHere(client, message, (answer) => {
        outcome = answer;
      });
      return outcome;
    });
  }

  /** The result of a stored entry for `client`: accepted or refused, with the head as it stands now. */
  private outcomeOf(entry: LogEntry, client: Client, repeated = false): Outcome {
    const projected = projectEntry(this.state.head.setup, entry, client.role);
    const head = headUpdateOf(this.state.head);
    const again = repeated ? { repeated: true as const } : {};
    const refusal = entry.kind === 'attempt' || entry.kind === 'steeringRefused' ? entry.refusal : undefined;
    return refusal
      ? {
          type: 'refused',
          seq: entry.seq,
          hash: entry.hash,
          rule: refusal.rule,
          reason: refusal.message,
          entry: projected,
          head,
          ...again,
        }
      : { type: 'accepted', seq: entry.seq, hash: entry.hash, entry: projected, head, ...again };
  }

  /** A proposal the device sent before: the entry it made, once more; another proposal under its id is refused. */
  private async repeated(
    client: Client,
    origin: ProposalOrigin,
    earlier: { seq: number; fingerprint: string },
  ): Promise<Outcome> {
    if (earlier.fingerprint !== origin.fingerprint) {
      this.deps.log.warn(
        { exercise: this.id, device: origin.deviceId, clientMessageId: origin.clientMessageId },
        'clientMessageId reused for another proposal',
      );
      return errorOutcome(
        'reusedMessageId',
        `Dit apparaat gebruikte "${origin.clientMessageId}" al voor een ander voorstel (regel ${String(earlier.seq)}); niets vastgelegd.`,
        `This device already used "${origin.clientMessageId}" for another proposal (line ${String(earlier.seq)}); nothing recorded.`,
      );
    }
    const [entry] = await this.deps.store.entries(this.id, earlier.seq - 1, earlier.seq);
    if (!entry)
      return errorOutcome('internal', 'Er ging iets mis op de server.', 'Something went wrong on the server.');
    this.deps.log.info(
      { exercise: this.id, seq: entry.seq, device: origin.deviceId, clientMessageId: origin.clientMessageId },
      'proposal re-sent: answered with its entry',
    );
    return this.outcomeOf(entry, client, true);
  }

  private judge(proposal: Proposal): Applied {
    return applyAttempt(this.state, proposal, { wall: this.deps.now() });
  }

  /**
   * Store a judged entry; only when stored does the host's state move on.
   * What went wrong otherwise, as the outcome the sender hears.
   */
  private async store(
    applied: Extract<Applied, { outcome: 'logged' }>,
    origin?: ProposalOrigin,
  ): Promise<'stored' | Outcome> {
    // The log format's own check on what is about to be stored, so every stored line can be imported elsewhere.
    const checked = logEntrySchema.safeParse(applied.entry);
    if (!checked.success) {
      const issue = issuesOf(checked.error, 1)[0];
      return errorOutcome(
        'invalid',
        `Deze poging gaat niet in het logboek: ${issue?.path ?? ''} klopt niet.`,
        `This attempt cannot go into the log: ${issue?.path ?? ''} is not valid.`,
      );
    }
    try {
      await this.deps.store.append(applied.state.head, [{ entry: applied.entry, text: applied.text }], origin);
    } catch (error) {
      if (error instanceof StoreConflictError) {
        this.deps.log.error(
          { exercise: this.id, seq: applied.entry.seq, err: error },
          'another writer stored this seq',
        );
        await this.reload();
        return errorOutcome(
          'conflict',
          'Iemand anders schreef deze regel eerst; de oefening is opnieuw ingelezen. Probeer het nog eens.',
          'Another writer stored this line first; the exercise was read again. Try again.',
        );
      }
      this.deps.log.error({ exercise: this.id, seq: applied.entry.seq, err: error }, 'store failed');
      return errorOutcome(
        'storage',
        'De server kon dit niet opslaan; er is niets vastgelegd. Probeer het nog eens.',
        'The server could not store this; nothing was recorded. Try again.',
      );
    }
    this.state = applied.state;
    this.deps.cluster?.entriesStored(this.id, applied.entry.seq);
    return 'stored';
  }

  /** Read the exercise again from the store (after another writer's commit) and pass on what it added. */
  private async reload() {
    const known = this.state.head.length;
    const head = await this.deps.store.head(this.id);
    if (!head) return;
    const log = await this.deps.store.entries(this.id, 0, head.length);
    this.state = exerciseStateOf(head, log);
    this.broadcast(log.slice(known));
  }

  /** Send `entries` to every device but `except` (and those waiting for a forwarded outcome), each as its role may see them. */
  private broadcast(entries: readonly LogEntry[], except?: Client) {
    if (entries.length === 0) return;
    for (const client of this.clients) {
      if (client === except || this.held.has(client)) continue;
      this.sendEntries(client, entries);
    }
  }

  private sendEntries(client: Client, entries: readonly LogEntry[]) {
    if (entries.length === 0) return;
    const { setup } = this.state.head;
    client.send({
      type: 'entries',
      entries: entries.map((entry) => projectEntry(setup, entry, client.role)),
      head: headUpdateOf(this.state.head),
    });
  }

  /** Plan the next release of an inject on the exercise clock: one timer, none while the clock stands still. */
  private schedule(delay?: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Only the owner releases: every process serving the exercise has the same clock.
    if (this.disposed || !this.owner) return;
    const { setup, clock } = this.state.head;
    if (delay === undefined) {
      if (!clock.running) return;
      const next = nextReleaseAt(setup, this.state.injects);
      if (next === null) return;
      delay = Math.max(0, Math.ceil((next - exerciseNow(clock, this.deps.now())) / clock.speed));
    }
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.run(() => this.releaseDue()).catch((error: unknown) => {
          this.deps.log.error({ exercise: this.id, err: error }, 'release failed');
          this.schedule(RELEASE_RETRY_MS);
        });
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    this.timer.unref();
  }

  /** Release every inject due now, in the trainer's name, each stored before it is told. */
  private async releaseDue() {
    if (this.disposed || !this.owner) return;
    const trainer = byOfPerson(trainerPerson(this.state.head.setup));
    const { head, injects } = this.state;
    const due = dueForRelease(head.setup, injects, exerciseNow(head.clock, this.deps.now()));
    for (const inject of due) {
      const applied = this.judge({ kind: 'inject', by: trainer, injectId: inject.id, action: 'released' });
      if (applied.outcome === 'ignored') continue;
      const stored = await this.store(applied);
      if (stored !== 'stored') {
        this.schedule(RELEASE_RETRY_MS);
        return;
      }
      this.deps.log.info({ exercise: this.id, seq: applied.entry.seq, inject: inject.id }, 'inject released');
      this.broadcast([applied.entry]);
    }
    this.schedule();
  }

  /** Stop: no more releases; queued work finishes, new proposals are refused. */
  async dispose() {
    this.disposed = true;
    this.schedule();
    this.clients.clear();
    this.held.clear();
    await this.queue;
  }
}

/** The hosts of the exercises in use, one each, opened on first use. */
export class ExerciseHosts {
  private readonly hosts = new Map<string, Promise<ExerciseHost | null>>();
  private readonly opened = new Map<string, ExerciseHost>();

  private readonly ticker: NodeJS.Timeout | null = null;

  constructor(private readonly deps: HostDeps) {
    const { cluster } = deps;
    if (!cluster) return;
    cluster.connect({
      entriesStored: (id, seq) => this.peek(id)?.entriesStored(seq),
      forwarded: (id) => this.peek(id)?.drainInbox(),
      ownershipLost: (id) => this.peek(id)?.ownershipLost(),
      resync: () => {
        for (const host of this.opened.values()) host.entriesStored();
      },
      deviceClosed: (id, deviceId, reason) => {
        void this.peek(id)?.disconnect(deviceId, reason, false);
      },
    });
    this.ticker = setInterval(() => {
      for (const host of this.opened.values()) host.tick();
    }, CLUSTER_TICK_MS);
    this.ticker.unref();
  }

  get(id: string): Promise<ExerciseHost | null> {
    let host = this.hosts.get(id);
    if (!host) {
      host = ExerciseHost.open(id, this.deps);
      this.hosts.set(id, host);
      host.then(
        (opened) => {
          if (opened) this.opened.set(id, opened);
          else this.hosts.delete(id);
        },
        () => this.hosts.delete(id),
      );
    }
    return host;
  }

  /** The host of an exercise when it is open (a device is or was connected, or its clock runs), else null. */
  peek(id: string): ExerciseHost | null {
    return this.opened.get(id) ?? null;
  }

  /** Open every exercise whose clock runs, so its injects are released on time without a device connected. */
  async openRunning() {
    for (const listing of await this.deps.store.list()) {
      if (listing.clockRunning) await this.get(listing.id);
    }
  }

  async dispose() {
    if (this.ticker) clearInterval(this.ticker);
    const hosts = await Promise.allSettled([...this.hosts.values()]);
    this.hosts.clear();
    this.opened.clear();
    const opened = hosts.flatMap((host) => (host.status === 'fulfilled' && host.value ? [host.value] : []));
    await Promise.all(opened.map((host) => host.dispose()));
  }
}
