/**
 * Joining without accounts (issue #14 item 4), the HTTP side:
 *
 *   trainer  POST /api/exercises/:id/join-codes          a role-bound code (shown once)
 *   device   POST /api/join {code, deviceName}            → pending id + pending secret
 *   trainer  sees it in `devices` (WebSocket) or GET /api/exercises/:id/devices
 *   trainer  POST /api/exercises/:id/devices/:d/approve  (or /refuse, later /revoke)
 *   device   GET /api/join/:pendingId (Bearer pending secret, ?wait=s) → its device token
 *   device   hello with the token on /ws
 *
 * Nothing of the exercise reaches a device before approval: the join answers
 * carry only the device's own id, secret, role and status, and a hello needs
 * the token that only approval gives. Codes, pending secrets and tokens are
 * stored as SHA-256 only. The device token is made when the approved device
 * fetches it (approval does not need the device online, and the token never
 * sits on the server in clear); fetching it again makes a new one and ends
 * the last, until the device has used one in a hello.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_LIMITS,
  approveDeviceSchema,
  createJoinCodeSchema,
  formatJoinCode,
  issuesOf,
  joinRequestSchema,
  normalizeJoinCode,
  type CreatedJoinCode,
  type DeviceView,
  type JoinPending,
  type JoinStatus,
} from '../src/core';
import { deviceView, devicePerson, devicesView, iso, isCastMemberOf, joinCodeView } from './devices';
import type { ExerciseHosts, Logger } from './exerciseHost';
import { tooMany, type Defences } from './rateLimit';
import { matchesHash, newSecret, sha256Hex } from './secrets';
import { StoreConflictError, type DeviceRecord, type DeviceStatus, type EventStore } from './store/eventStore';

/** 40 random bits as 8 characters of Crockford's base32: 5 bytes, 5 bits a character, no bias. */
export function newJoinCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = JOIN_CODE_LENGTH - 1; index >= 0; index--)
    code += JOIN_CODE_ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)] ?? '';
  return code;
}

const newId = () => randomBytes(16).toString('hex');
const bilingual = (nl: string, en: string) => ({ nl, en });

export interface JoiningDeps {
  store: EventStore;
  hosts: ExerciseHosts;
  now: () => number;
  log: Logger;
}

type Failure = { status: number; error: string; message: { nl: string; en: string }; extra?: object };
const failure = (status: number, error: string, nl: string, en: string, extra?: object): Failure => ({
  status,
  error,
  message: bilingual(nl, en),
  ...(extra === undefined ? {} : { extra }),
});
const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && 'error' in value && 'status' in value;

const UNKNOWN_EXERCISE = failure(
  404,
  'unknownExercise',
  'Deze oefening bestaat niet op deze server.',
  'This exercise does not exist on this server.',
);
const UNKNOWN_DEVICE = failure(
  404,
  'unknownDevice',
  'Dit apparaat hoort niet bij deze oefening.',
  'This device is not part of this exercise.',
);
/** One answer for every code that does not let anyone in, so a guess learns nothing. */
const BAD_CODE = failure(
  403,
  'badCode',
  'Deze code is onbekend, verlopen of al gebruikt. Vraag de oefenleider om een nieuwe.',
  'This code is unknown, expired or used up. Ask the trainer for a new one.',
);

const STATUS_NL: Record<DeviceStatus, string> = {
  pending: 'in afwachting',
  approved: 'toegelaten',
  refused: 'geweigerd',
  revoked: 'verwijderd',
};

/** The rules and records of joining; the routes below are its HTTP face. */
export class Joining {
  private readonly waiters = new Map<string, Set<() => void>>();
  private closing = false;

  constructor(private readonly deps: JoiningDeps) {}

  /** A new join code for an exercise: its text (shown once) and how the trainer sees it afterwards. */
  async createCode(exerciseId: string, body: unknown): Promise<CreatedJoinCode | Failure> {
    const parsed = createJoinCodeSchema.safeParse(body ?? {});
    if (!parsed.success)
      return failure(400, 'invalid', 'Deze code kan zo niet.', 'This code cannot be made so.', {
        issues: issuesOf(parsed.error),
      });
    const head = await this.deps.store.head(exerciseId);
    if (!head) return UNKNOWN_EXERCISE;
    const { role, castMemberId, maxUses = JOIN_LIMITS.defaultUses } = parsed.data;
    const minutes = parsed.data.expiresInMinutes ?? JOIN_LIMITS.defaultMinutes;
    if (castMemberId !== undefined && !isCastMemberOf(head.setup, castMemberId, role))
      return failure(
        400,
        'unknownCastMember',
        `De oefening heeft geen deelnemer "${castMemberId}" met deze rol.`,
        `The exercise has no cast member "${castMemberId}" in this role.`,
      );
    const now = this.deps.now();
    for (let attempt = 0; ; attempt++) {
      const code = newJoinCode();
      const record = {
        id: newId(),
        codeHash: sha256Hex(code),
        exerciseId,
        role,
        castMemberId: castMemberId ?? null,
        expires: iso(now + minutes * 60_000),
        maxUses,
        usesLeft: maxUses,
        created: iso(now),
        revoked: null,
      };
      try {
        await this.deps.store.saveJoinCode(record);
      } catch (error) {
        // The same 40 bits as a stored code (about one in 10^12): draw again.
        if (error instanceof StoreConflictError && attempt < 3) continue;
        throw error;
      }
      this.deps.log.info(
        { exercise: exerciseId, joinCode: record.id, role, castMemberId, maxUses, expires: record.expires },
        'join code made',
      );
      this.deps.hosts.peek(exerciseId)?.devicesChanged();
      return { ...joinCodeView(record, now), code: formatJoinCode(code) };
    }
  }

  async revokeCode(exerciseId: string, codeId: string) {
    const code = await this.deps.store.joinCode(codeId);
    if (!code || code.exerciseId !== exerciseId)
      return failure(404, 'unknownJoinCode', 'Deze oefening heeft die code niet.', 'This exercise has no such code.');
    const now = this.deps.now();
    const revoked = code.revoked === null ? { ...code, revoked: iso(now) } : code;
    if (revoked !== code) {
      await this.deps.store.saveJoinCode(revoked);
      this.deps.log.info({ exercise: exerciseId, joinCode: codeId }, 'join code revoked');
      this.deps.hosts.peek(exerciseId)?.devicesChanged();
    }
    return { joinCode: joinCodeView(revoked, now) };
  }

  /** A device asks in with a code: it waits for the trainer, knowing nothing of the exercise. */
  async join(body: unknown, remote: string): Promise<JoinPending | Failure> {
    const parsed = joinRequestSchema.safeParse(body);
    if (!parsed.success)
      return failure(400, 'invalid', 'Geef een code en een naam voor dit apparaat.', 'Give a code and a device name.', {
        issues: issuesOf(parsed.error),
      });
    const code = normalizeJoinCode(parsed.data.code);
    if (code === null) return this.badCode(remote);
    const now = this.deps.now();
    const pendingId = newId();
    const pendingSecret = newSecret();
    const used = await this.deps.store.redeemJoinCode(sha256Hex(code), now, (joinCode) => ({
      id: pendingId,
      exerciseId: joinCode.exerciseId,
      tokenHash: null,
      pendingSecretHash: sha256Hex(pendingSecret),
      joinCodeId: joinCode.id,
      role: joinCode.role,
      castMemberId: joinCode.castMemberId,
      label: parsed.data.deviceName,
      status: 'pending',
      created: iso(now),
      approved: null,
      refused: null,
      revoked: null,
    }));
    if (!used) return this.badCode(remote);
    this.deps.log.info(
      { exercise: used.exerciseId, device: pendingId, name: parsed.data.deviceName, role: used.role, remote },
      'device joined with a code, waits for approval',
    );
    this.deps.hosts.peek(used.exerciseId)?.devicesChanged();
    return { status: 'pending', pendingId, pendingSecret, role: used.role };
  }

  /** A join refused by its rate limit, for the server's log. */
  refusedJoin(remote: string) {
    this.deps.log.warn({ remote }, 'join rate limit');
  }

  private badCode(remote: string) {
    this.deps.log.warn({ remote }, 'join with a bad code');
    return BAD_CODE;
  }

  /**
   * What became of a device that joined, for the device (its pending secret).
   * `waitMs`: hold the answer while it is still pending, until the trainer
   * decides or the time is up. An approved device gets its token here.
   */
  async status(pendingId: string, secret: string | null, waitMs: number): Promise<JoinStatus | null> {
    const known = async () => {
      const device = await this.deps.store.device(pendingId);
      return device?.pendingSecretHash && secret !== null && matchesHash(secret, device.pendingSecretHash)
        ? device
        : null;
    };
    let device = await known();
    if (!device) return null;
    if (device.status === 'pending' && waitMs > 0 && !this.closing) {
      await this.decided(pendingId, waitMs);
      device = await known();
      if (!device) return null;
    }
    switch (device.status) {
      case 'pending':
      case 'refused':
      case 'revoked':
        return { status: device.status };
      case 'approved': {
        const head = await this.deps.store.head(device.exerciseId);
        if (!head) return null;
        const deviceToken = newSecret();
        await this.deps.store.saveDevice({ ...device, tokenHash: sha256Hex(deviceToken) });
        this.deps.log.info({ exercise: device.exerciseId, device: device.id }, 'device token issued');
        return {
          status: 'approved',
          deviceId: device.id,
          exerciseId: device.exerciseId,
          deviceToken,
          role: device.role,
          person: devicePerson(head.setup, device),
        };
      }
    }
  }

  /** Resolves when the device's status changes, the time is up, or the server stops. */
  private decided(deviceId: string, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(deviceId) ?? new Set();
      this.waiters.set(deviceId, waiting);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0) this.waiters.delete(deviceId);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      timer.unref();
      waiting.add(done);
    });
  }

  private wake(deviceId: string) {
    for (const done of [...(this.waiters.get(deviceId) ?? [])]) done();
  }

  /** The server stops: answer every held request now. */
  stop() {
    this.closing = true;
    for (const deviceId of [...this.waiters.keys()]) this.wake(deviceId);
  }

  /** The trainer decides on a device: approve (optionally as a cast member), refuse, or revoke. */
  async decide(
    exerciseId: string,
    deviceId: string,
    decision: 'approve' | 'refuse' | 'revoke',
    body: unknown,
  ): Promise<{ device: DeviceView } | Failure> {
    const parsed = approveDeviceSchema.safeParse(body ?? {});
    if (!parsed.success)
      return failure(400, 'invalid', 'Dit verzoek klopt niet.', 'This request is not valid.', {
        issues: issuesOf(parsed.error),
      });
    const head = await this.deps.store.head(exerciseId);
    if (!head) return UNKNOWN_EXERCISE;
    const device = await this.deps.store.device(deviceId);
    if (!device || device.exerciseId !== exerciseId) return UNKNOWN_DEVICE;
    const now = iso(this.deps.now());
    const target: DeviceStatus = { approve: 'approved', refuse: 'refused', revoke: 'revoked' }[
      decision
    ] as DeviceStatus;
    /** Which statuses each decision may start from (the target itself: nothing to do). */
    const from: Record<typeof decision, DeviceStatus[]> = {
      approve: ['pending'],
      refuse: ['pending'],
      revoke: ['pending', 'approved'],
    };
    const castMemberId = decision === 'approve' ? parsed.data.castMemberId : undefined;
    if (castMemberId !== undefined && !isCastMemberOf(head.setup, castMemberId, device.role))
      return failure(
        400,
        'unknownCastMember',
        `De oefening heeft geen deelnemer "${castMemberId}" met de rol van dit apparaat.`,
        `The exercise has no cast member "${castMemberId}" in this device's role.`,
      );
    let next: DeviceRecord = device;
    if (device.status !== target) {
      if (!from[decision].includes(device.status))
        return failure(
          409,
          'wrongStatus',
          `Dit apparaat is al ${STATUS_NL[device.status]}; dat kan nu niet meer.`,
          `This device is ${device.status} already; that can no longer be done.`,
          { status: device.status },
        );
      next = {
        ...device,
        status: target,
        ...(decision === 'approve' ? { approved: now, castMemberId: castMemberId ?? device.castMemberId } : {}),
        ...(decision === 'refuse' ? { refused: now } : {}),
        ...(decision === 'revoke' ? { revoked: now } : {}),
      };
      await this.deps.store.saveDevice(next);
      this.deps.log.info(
        { exercise: exerciseId, device: deviceId, name: device.label, role: device.role, status: target },
        `device ${target}`,
      );
      this.wake(deviceId);
    }
    const host = this.deps.hosts.peek(exerciseId);
    if (host) {
      if (target === 'revoked') await host.disconnect(deviceId, 'revoked');
      else host.devicesChanged();
      const view = await host.devices();
      return { device: view.devices.find((seen) => seen.id === deviceId) ?? deviceView(head.setup, next, 0) };
    }
    return { device: deviceView(head.setup, next, 0) };
  }

  /** Who is in the room, for `GET /api/exercises/:id/devices`. */
  async devices(exerciseId: string) {
    const host = this.deps.hosts.peek(exerciseId);
    if (host) return host.devices();
    const head = await this.deps.store.head(exerciseId);
    if (!head) return UNKNOWN_EXERCISE;
    return devicesView(this.deps.store, exerciseId, head.setup, new Map(), this.deps.now());
  }
}

const send = async (reply: FastifyReply, status: number, result: object) => {
  if (isFailure(result)) {
    const { status: code, error, message, extra } = result;
    return reply.code(code).send({ error, message, ...extra });
  }
  return reply.code(status).send(result);
};

/** A pending secret from `Authorization: Bearer …`. */
const bearer = (request: FastifyRequest) =>
  /^Bearer ([\x21-\x7e]{1,200})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

interface ExerciseParams {
  id: string;
}

/**
 * The routes of joining; `admin` guards the trainer's. A join attempt takes a
 * token from its address's bucket and the shared one before its body is read
 * (./rateLimit.ts); a join that lets a device in gives them back, so only
 * wrong codes use them up.
 */
export function registerJoining(
  app: FastifyInstance,
  joining: Joining,
  admin: preHandlerAsyncHookHandler,
  defences: Defences,
) {
  app.post<{ Params: ExerciseParams }>('/api/exercises/:id/join-codes', { preHandler: admin }, async (request, reply) =>
    send(reply, 201, await joining.createCode(request.params.id, request.body)),
  );
  app.get<{ Params: ExerciseParams }>(
    '/api/exercises/:id/join-codes',
    { preHandler: admin },
    async (request, reply) => {
      const view = await joining.devices(request.params.id);
      return send(reply, 200, isFailure(view) ? view : { joinCodes: view.joinCodes });
    },
  );
  app.delete<{ Params: ExerciseParams & { codeId: string } }>(
    '/api/exercises/:id/join-codes/:codeId',
    { preHandler: admin },
    async (request, reply) => send(reply, 200, await joining.revokeCode(request.params.id, request.params.codeId)),
  );
  app.get<{ Params: ExerciseParams }>('/api/exercises/:id/devices', { preHandler: admin }, async (request, reply) =>
    send(reply, 200, await joining.devices(request.params.id)),
  );
  for (const decision of ['approve', 'refuse', 'revoke'] as const)
    app.post<{ Params: ExerciseParams & { deviceId: string } }>(
      `/api/exercises/:id/devices/:deviceId/${decision}`,
      { preHandler: admin },
      async (request, reply) =>
        send(reply, 200, await joining.decide(request.params.id, request.params.deviceId, decision, request.body)),
    );

  app.post(
    '/api/join',
    {
      bodyLimit: 1024,
      onRequest: async (request, reply) => {
        const allowed = defences.join(request.ip);
        if (allowed.ok) return;
        joining.refusedJoin(request.ip);
        await tooMany(reply, allowed.retryAfterMs);
      },
    },
    async (request, reply) => {
      const joined = await joining.join(request.body, request.ip);
      if (!isFailure(joined)) defences.joined(request.ip);
      return send(reply, 201, joined);
    },
  );
  app.get<{ Params: { pendingId: string }; Querystring: { wait?: string } }>(
    '/api/join/:pendingId',
    async (request, reply) => {
      const seconds = Math.min(Math.max(Number(request.query.wait ?? 0) || 0, 0), JOIN_LIMITS.maxWaitSeconds);
      const status = await joining.status(request.params.pendingId, bearer(request), seconds * 1000);
      if (!status)
        return reply.code(404).send({
          error: 'unknownJoin',
          message: bilingual(
            'Onbekend, of het token is al in gebruik genomen.',
            'Unknown, or its token has been taken into use already.',
          ),
        });
      return reply.send(status);
    },
  );
}
