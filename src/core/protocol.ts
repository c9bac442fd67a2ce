/**
 * The live-session protocol (issue #14): the messages a device and a Paraat
 * server exchange over the WebSocket `/ws`, as zod schemas shared by every
 * client and the server, so what one sends and the other accepts cannot drift
 * apart. docs/protocol.md explains each message with examples; keep the two
 * together.
 *
 * Who acts is never in a client's message: the server knows the device from
 * its token (hello) and puts the role and the person into every proposal
 * itself. A proposal here is the core's `Proposal` without `by`
 * (`toProposal` adds it); unknown keys are refused, so a message that tries to
 * say who acts fails its schema instead of being quietly obeyed.
 *
 * Server messages carry the core's own shapes (log entries, projected per
 * role, and the exercise head), so a client can verify the hash chain and
 * replay the log with the same core.
 *
 * Pure: zod and the core's types only.
 */
import * as z from 'zod/mini';
import { ROLES, SUBJECTS, VERDICTS, type By, type Role, type Text } from '../../machines';
import { injectSchema } from '../scenarios/schema';
import type { Proposal } from './applyAttempt';
import { INJECT_ACTIONS, type InjectAction } from './injects';
import {
  CLOCK_SPEEDS,
  LOG_LIMITS,
  exerciseHeadSchema,
  exerciseIdSchema,
  hashSchema,
  logEntrySchema,
  type CastMember,
  type ClockSpeed,
  type ExerciseHead,
} from './log';

// The built app's CSP has no 'unsafe-eval': keep zod from probing `new Function`.
z.config({ jitless: true });

/** The protocol's version: a server and a client talk only when theirs are equal. */
export const PROTOCOL_VERSION = 1;

/**
 * The version of the model's judgement (machines/): a client that judges
 * with another model would show other refusals than the server logs. Raise it
 * with every change that makes an attempt come out differently.
 */
export const MACHINE_VERSION = 'escalation/1';

/** A message larger than this is refused by the socket itself (ws `maxPayload`, close code 1009). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** WebSocket close codes the server uses (4000–4999 are the application's; 1008 is RFC 6455's). */
export const CLOSE_CODES = {
  /** The device kept sending over its rate limit (policy violation): reconnect with backoff. */
  rateLimited: 1008,
  /** After an `incompatible` message: reload, do not reconnect. */
  incompatible: 4400,
  /** No `hello` in time. */
  helloTimeout: 4408,
  /** The device read too slowly and its send buffer grew past the bound. */
  tooSlow: 4429,
} as const;

const LIMITS = LOG_LIMITS;
const text = (max: number = LIMITS.text) => z.string().check(z.maxLength(max));
const filled = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const seqSchema = z.int().check(z.gte(0), z.lte(LIMITS.entries * 10));
const bilingual = z.object({ nl: z.string(), en: z.string() });

// ---------------------------------------------------------------- proposals

const attemptOf = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** An operational event or decision, as the model's events (machines/types.ts) without `by` and `at`. */
const wireAttemptSchema = z.discriminatedUnion('type', [
  attemptOf('phase.escalate', { reason: text() }),
  attemptOf('phase.deescalate', { reason: text() }),
  attemptOf('crowd.warn', {}),
  attemptOf('mayor.decide', {
    subject: z.enum(SUBJECTS),
    verdict: z.enum(VERDICTS),
    grounds: text(),
    bob: z.optional(z.strictObject({ beeld: z.optional(text()), oordeel: z.optional(text()) })),
    conditions: z.optional(text()),
  }),
  attemptOf('mayor.revoke', { subject: z.enum(SUBJECTS), grounds: text() }),
  attemptOf('waterCannon.deploy', {}),
  attemptOf('waterCannon.withdraw', {}),
  attemptOf('tearGas.add', {}),
  attemptOf('tearGas.stop', {}),
]);

const WEEK_MINUTES = 7 * 24 * 60;
const wireClockActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({
    type: z.literal('speed'),
    speed: z.custom<ClockSpeed>((value) => (CLOCK_SPEEDS as readonly unknown[]).includes(value)),
  }),
  z.strictObject({ type: z.literal('jump'), minutes: z.number().check(z.gte(-WEEK_MINUTES), z.lte(WEEK_MINUTES)) }),
]);

const INJECT_ACTION_VALUES = INJECT_ACTIONS as [InjectAction, ...InjectAction[]];

/** What a device may try: the core's `Proposal` without `by` (the server adds it from the device's token). */
export const wireProposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('attempt'), attempt: wireAttemptSchema }),
  z.strictObject({
    kind: z.literal('note'),
    text: text(),
    refersTo: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.entries * 10))),
  }),
  z.strictObject({
    kind: z.literal('correction'),
    text: text(),
    corrects: z.int().check(z.gte(1), z.lte(LIMITS.entries * 10)),
  }),
  z.strictObject({ kind: z.literal('clock'), action: wireClockActionSchema }),
  z.strictObject({ kind: z.literal('inject'), injectId: filled(LIMITS.id), action: z.enum(INJECT_ACTION_VALUES) }),
]);

export type WireProposal = z.infer<typeof wireProposalSchema>;

/** The core's proposal for a device's wire proposal, in the name of `by` (from the device's token, never the message). */
export function toProposal(wire: WireProposal, by: By): Proposal {
  switch (wire.kind) {
    case 'attempt':
      return { kind: 'attempt', attempt: { ...wire.attempt, by } };
    case 'note':
      return { kind: 'note', by, text: wire.text, ...(wire.refersTo === undefined ? {} : { refersTo: wire.refersTo }) };
    case 'correction':
      return { kind: 'correction', by, text: wire.text, corrects: wire.corrects };
    case 'clock':
      return { kind: 'clock', by, action: wire.action };
    case 'inject':
      return { kind: 'inject', by, injectId: wire.injectId, action: wire.action };
  }
}

/** Who a cast member acts as: the console's `byOf`, so a live exercise logs the same `by` a local one does. */
export function byOfMember(member: CastMember): By {
  return member.municipality === undefined
    ? { role: member.role, name: member.name }
    : { role: member.role, name: member.name, municipality: member.municipality };
}

// ---------------------------------------------------------- client → server

/** The first message on a socket: who the device is (its token) and what it already holds. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  protocolVersion: z.int(),
  machineVersion: filled(LIMITS.id),
  exerciseId: exerciseIdSchema,
  /** The device token (slice 2) or, on the trainer's own device, the admin secret. */
  deviceToken: filled(200),
  /** The last seq the device holds and has verified; 0 for none. */
  lastSeq: seqSchema,
});

export const proposeSchema = z.strictObject({
  type: z.literal('propose'),
  /** Chosen by the client, unique on its device; the `result` names it. */
  clientMessageId: filled(LIMITS.id),
  proposal: wireProposalSchema,
  /**
   * Trainer devices only ("Handelt als"): the cast member (its `id` in the
   * set-up) the trainer acts as. Any other device that names someone else is
   * refused (`forbidden`).
   */
  actingAs: z.optional(filled(LIMITS.id)),
});

export const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, proposeSchema]);

export type Hello = z.infer<typeof helloSchema>;
export type Propose = z.infer<typeof proposeSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// ---------------------------------------------------------- server → client

/** The person a device acts as, from its token. */
export const personSchema = z.object({
  role: z.enum(ROLES),
  name: text(LIMITS.name),
  municipality: z.optional(text(LIMITS.name)),
  /** The cast member's id in the set-up, when the person is one. */
  castMemberId: z.optional(filled(LIMITS.id)),
});
export type Person = z.infer<typeof personSchema>;

/** An entry the device's role may not read: its place in the chain only (src/core/projections.ts). */
const redactedEntrySchema = z.object({
  kind: z.literal('redacted'),
  seq: z.int().check(z.gte(1)),
  prevHash: hashSchema,
  hash: hashSchema,
});

/** One log entry as the device's role may see it; a released inject comes with what it says. */
export const projectedEntrySchema = z.object({
  entry: z.union([logEntrySchema, redactedEntrySchema]),
  inject: z.optional(injectSchema),
});

/**
 * The head's parts that change with an entry: enough, with the entries, to
 * keep a whole head (`applyHeadUpdate`) without sending the set-up again.
 */
export const headUpdateSchema = z.pick(exerciseHeadSchema, {
  length: true,
  headHash: true,
  updatedAt: true,
  clock: true,
  snapshot: true,
});
export type HeadUpdate = z.infer<typeof headUpdateSchema>;

export const headUpdateOf = (head: ExerciseHead): HeadUpdate => ({
  length: head.length,
  headHash: head.headHash,
  updatedAt: head.updatedAt,
  clock: head.clock,
  snapshot: head.snapshot,
});

export const applyHeadUpdate = (head: ExerciseHead, update: HeadUpdate): ExerciseHead => ({ ...head, ...update });

/**
 * The exercise head as the role may see it. A player's scenario holds only
 * the injects released to them (possibly none), so it is checked as an object
 * here, not against the scenario schema.
 */
const projectedHeadSchema = z.custom<ExerciseHead>(
  (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

export const welcomeSchema = z.object({
  type: z.literal('welcome'),
  protocolVersion: z.literal(PROTOCOL_VERSION),
  machineVersion: z.string(),
  exerciseId: exerciseIdSchema,
  /** From the device's token: what the device sees and who it acts as. */
  role: z.enum(ROLES),
  person: z.optional(personSchema),
  headSeq: seqSchema,
  headHash: hashSchema,
  head: projectedHeadSchema,
  /** Every entry after the hello's `lastSeq` up to `headSeq`, in order (all of them when `lastSeq` was past `headSeq`). */
  catchUp: z.array(projectedEntrySchema),
});

const outcomeSchema = z.discriminatedUnion('type', [
  /** Judged, accepted, stored: `entry` is the sealed entry as the device sees it. */
  z.object({
    type: z.literal('accepted'),
    seq: z.int(),
    hash: hashSchema,
    entry: projectedEntrySchema,
    head: headUpdateSchema,
    /** The device sent this `clientMessageId` before: this is the entry it made then, not judged again. */
    repeated: z.optional(z.literal(true)),
  }),
  /** Judged, refused by the rule named, and stored as refused (R10). */
  z.object({
    type: z.literal('refused'),
    seq: z.int(),
    hash: hashSchema,
    rule: z.string(),
    reason: bilingual,
    entry: projectedEntrySchema,
    head: headUpdateSchema,
    repeated: z.optional(z.literal(true)),
  }),
  /** An inject step that names nothing of this exercise or would change nothing: nothing is logged. */
  z.object({ type: z.literal('ignored'), reason: bilingual }),
  /** Not judged, nothing logged (see ERROR_CODES). */
  z.object({ type: z.literal('error'), code: z.string(), message: bilingual }),
]);
export type Outcome = z.infer<typeof outcomeSchema>;

export const resultSchema = z.object({
  type: z.literal('result'),
  clientMessageId: z.string(),
  outcome: outcomeSchema,
});

/** What other devices (and the server's own inject releases) added, in order. */
export const entriesSchema = z.object({
  type: z.literal('entries'),
  entries: z.array(projectedEntrySchema),
  head: headUpdateSchema,
});

export const INCOMPATIBLE_REASONS = ['tooOld', 'forbidden', 'revoked', 'unknownExercise'] as const;
export type IncompatibleReason = (typeof INCOMPATIBLE_REASONS)[number];

/** The device cannot take part as it is: show a "reload" screen, never reconnect in a loop. The socket closes (4400). */
export const incompatibleSchema = z.object({
  type: z.literal('incompatible'),
  reason: z.enum(INCOMPATIBLE_REASONS),
  message: bilingual,
});

/**
 * Error codes, in `error` messages and in a `result`'s error outcome. None of
 * them logs anything in the exercise.
 */
export const ERROR_CODES = [
  /** Not JSON, or not text. */
  'malformed',
  /** JSON, but not a message of this protocol: `issues` says where. */
  'invalid',
  /** A second hello on one socket. */
  'alreadyWelcomed',
  /** A proposal before the welcome. */
  'notWelcomed',
  /** Acting as someone the device may not act as (`actingAs` on a device that is not the trainer's). */
  'forbidden',
  /** Another writer stored this seq first; the proposal was not judged again. Try again. */
  'conflict',
  /** The device used this `clientMessageId` before for another proposal: nothing judged, nothing logged. */
  'reusedMessageId',
  /** The store did not take the entry: nothing was acknowledged. Try again. */
  'storage',
  /** Too many messages from this device or address: this one was dropped unread, nothing judged or logged. */
  'rateLimited',
  /** Anything else that went wrong on the server. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const protocolIssueSchema = z.object({ path: z.string(), code: z.string(), message: z.optional(bilingual) });
export type ProtocolIssue = z.infer<typeof protocolIssueSchema>;

/** An error about a message that is not a proposal (or could not be read as one). */
export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.enum(ERROR_CODES),
  message: bilingual,
  /** For `invalid`: what was wrong, and where. */
  issues: z.optional(z.array(protocolIssueSchema)),
  /** The `clientMessageId` of the message this is about, when it had a readable one. */
  clientMessageId: z.optional(z.string()),
  /** For `rateLimited`: when a message would be taken again, in ms. */
  retryAfterMs: z.optional(z.int().check(z.gte(0))),
});

// ------------------------------------------------------------------ joining

/**
 * Join codes: 8 characters of Crockford's base32 (digits and letters without
 * I, L, O and U), 40 random bits, shown as `ABCD-EFGH`.
 */
export const JOIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** Where a join code's text may be, and what a device may name itself. */
export const JOIN_LIMITS = {
  /** What a device calls itself ("laptop burgemeester"). */
  deviceName: 80,
  /** A code as typed, with hyphens and spaces. */
  codeText: 32,
  maxUses: 100,
  defaultUses: 1,
  /** A week. */
  maxMinutes: 7 * 24 * 60,
  defaultMinutes: 60,
  /** How long `GET /api/join/:pendingId?wait=` may hold the answer. */
  maxWaitSeconds: 30,
} as const;

const CROCKFORD_READS: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * A join code as a person types it → its 8 characters, or null when it
 * cannot be one. Case does not matter, hyphens and spaces are ignored, and
 * I and L read as 1, O as 0 (Crockford's decoding; no code contains them).
 */
export function normalizeJoinCode(typed: string): string | null {
  if (typed.length > JOIN_LIMITS.codeText) return null;
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[ILO]/g, (letter) => CROCKFORD_READS[letter] ?? letter);
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const character of code) if (!JOIN_CODE_ALPHABET.includes(character)) return null;
  return code;
}

/** `ABCDEFGH` → `ABCD-EFGH`, as a code is shown. */
export const formatJoinCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** Roles a join code may bring a device in as. The trainer's own devices use the admin secret instead. */
export const JOINABLE_ROLES = ROLES.filter((role) => role !== 'trainer') as [Role, ...Role[]];

/** `POST /api/exercises/:id/join-codes` (admin). */
export const createJoinCodeSchema = z.strictObject({
  role: z.enum(JOINABLE_ROLES),
  /** A cast member of the set-up with that role: the device acts as them. */
  castMemberId: z.optional(filled(LIMITS.id)),
  maxUses: z.optional(z.int().check(z.gte(1), z.lte(JOIN_LIMITS.maxUses))),
  expiresInMinutes: z.optional(z.int().check(z.gte(1), z.lte(JOIN_LIMITS.maxMinutes))),
});
export type CreateJoinCode = z.infer<typeof createJoinCodeSchema>;

/** `POST /api/join`: a device asks to join with a code. */
export const joinRequestSchema = z.strictObject({
  code: z.string().check(z.maxLength(JOIN_LIMITS.codeText)),
  deviceName: z.string().check(z.trim(), z.minLength(1), z.maxLength(JOIN_LIMITS.deviceName)),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** `POST /api/exercises/:id/devices/:deviceId/approve` (admin): optionally the cast member it acts as. */
export const approveDeviceSchema = z.strictObject({ castMemberId: z.optional(filled(LIMITS.id)) });

export const DEVICE_STATUSES = ['pending', 'approved', 'refused', 'revoked'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

const isoTime = z.string().check(z.maxLength(40));

/** A device as the trainer sees it. */
export const deviceViewSchema = z.object({
  id: filled(LIMITS.id),
  /** What the device called itself when it joined. */
  name: text(JOIN_LIMITS.deviceName),
  role: z.enum(ROLES),
  /** Who it acts as (or will, once approved). */
  person: personSchema,
  status: z.enum(DEVICE_STATUSES),
  /** Whether it has a socket welcomed in this exercise now, and how many. */
  connected: z.boolean(),
  connections: z.int().check(z.gte(0)),
  joinedAt: isoTime,
  approvedAt: z.optional(isoTime),
  /** When it was refused or revoked. */
  endedAt: z.optional(isoTime),
  joinCodeId: z.optional(filled(LIMITS.id)),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** A join code as the trainer sees it afterwards: its text is shown once, when made. */
export const joinCodeViewSchema = z.object({
  id: filled(LIMITS.id),
  role: z.enum(ROLES),
  castMemberId: z.optional(filled(LIMITS.id)),
  expiresAt: isoTime,
  maxUses: z.int(),
  usesLeft: z.int(),
  createdAt: isoTime,
  revokedAt: z.optional(isoTime),
  /** Not revoked, not expired, a use left. */
  usable: z.boolean(),
});
export type JoinCodeView = z.infer<typeof joinCodeViewSchema>;

/** A new join code (`POST /api/exercises/:id/join-codes`): the only time its text is shown. */
export const createdJoinCodeSchema = z.object({ ...joinCodeViewSchema.shape, code: z.string() });
export type CreatedJoinCode = z.infer<typeof createdJoinCodeSchema>;

/** Who is in the room: what the trainer's devices are told (and `GET /api/exercises/:id/devices` answers). */
export const devicesViewSchema = z.object({
  exerciseId: exerciseIdSchema,
  /** Sockets welcomed with the admin secret: the trainer's own devices. */
  trainerConnections: z.int().check(z.gte(0)),
  devices: z.array(deviceViewSchema),
  joinCodes: z.array(joinCodeViewSchema),
});
export type DevicesView = z.infer<typeof devicesViewSchema>;

/** To the trainer's devices only (admin secret): after the welcome and on every change. */
export const devicesSchema = z.object({ type: z.literal('devices'), ...devicesViewSchema.shape });

/** `POST /api/join` → 201: the device waits; nothing of the exercise yet. */
export const joinPendingSchema = z.object({
  status: z.literal('pending'),
  pendingId: filled(LIMITS.id),
  /** Keep it: it is how this device asks for its token (`GET /api/join/:pendingId`). Shown once. */
  pendingSecret: filled(200),
  role: z.enum(ROLES),
});
export type JoinPending = z.infer<typeof joinPendingSchema>;

/** `GET /api/join/:pendingId`: what became of a device that joined. */
export const joinStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({
    status: z.literal('approved'),
    deviceId: filled(LIMITS.id),
    exerciseId: exerciseIdSchema,
    /** The device token for `hello`: shown once; fetching it again makes a new one and ends this one. */
    deviceToken: filled(200),
    role: z.enum(ROLES),
    person: personSchema,
  }),
  z.object({ status: z.literal('refused') }),
  z.object({ status: z.literal('revoked') }),
]);
export type JoinStatus = z.infer<typeof joinStatusSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  resultSchema,
  entriesSchema,
  incompatibleSchema,
  errorMessageSchema,
  devicesSchema,
]);

export type Welcome = z.infer<typeof welcomeSchema>;
export type Result = z.infer<typeof resultSchema>;
export type Entries = z.infer<typeof entriesSchema>;
export type Incompatible = z.infer<typeof incompatibleSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type Devices = z.infer<typeof devicesSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;

// ------------------------------------------------------------------ helpers

const pathOf = (path: readonly PropertyKey[]) =>
  path.length === 0
    ? '(message)'
    : path.map((key) => (typeof key === 'number' ? `[${String(key)}]` : String(key))).join('.');

const isText = (value: unknown): value is Text =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>).nl === 'string' &&
  typeof (value as Record<string, unknown>).en === 'string';

/** A schema's issues as the protocol reports them: where, what, and the core's own sentence where it has one. */
export function issuesOf(error: z.core.$ZodError, max = 10): ProtocolIssue[] {
  return error.issues.slice(0, max).map((issue) => {
    const params = (issue as { params?: unknown }).params;
    const named = (issue as { keys?: unknown }).keys;
    const keys = Array.isArray(named) ? ` (${named.map(String).join(', ')})` : '';
    return {
      path: pathOf(issue.path),
      code: `${issue.code}${keys}`,
      ...(isText(params) ? { message: { nl: params.nl, en: params.en } } : {}),
    };
  });
}

/** Whether `role` may act as someone else (the "Handelt als" switch): the trainer only. */
export const mayActAsOthers = (role: Role) => role === 'trainer';
