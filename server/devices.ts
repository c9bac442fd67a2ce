/**
 * Devices as the trainer sees them (issue #14 item 4): who joined with which
 * code, who waits for approval, who is connected. Built from the store's
 * records, the set-up (who a device acts as) and the host's open sockets.
 */
import type { Role } from '../machines';
import {
  byOfMember,
  type DeviceView,
  type DevicesView,
  type ExerciseSetup,
  type JoinCodeView,
  type Person,
} from '../src/core';
import type { DeviceRecord, EventStore, JoinCodeRecord } from './store/eventStore';

const TRAINER_FALLBACK_NAME = 'Oefenleider';

/** The device key of the admin secret: the trainer's own devices (device ids are 32 hex characters). */
export const ADMIN_DEVICE = 'admin';

/** The person the trainer's own device acts as: the set-up's (first) trainer. */
export function trainerPerson(setup: ExerciseSetup): Person {
  const trainer = setup.cast.find((member) => member.role === 'trainer');
  return trainer
    ? { ...byOfMember(trainer), castMemberId: trainer.id }
    : { role: 'trainer', name: TRAINER_FALLBACK_NAME };
}

/** Who a device acts as: its cast member when it has one of its role, else its role under the name it gave. */
export function devicePerson(
  setup: ExerciseSetup,
  device: Pick<DeviceRecord, 'role' | 'castMemberId' | 'label'>,
): Person {
  const member = setup.cast.find((candidate) => candidate.id === device.castMemberId);
  return member && member.role === device.role
    ? { ...byOfMember(member), castMemberId: member.id }
    : { role: device.role, name: device.label };
}

/** Whether `castMemberId` names a cast member of `role` in the set-up. */
export const isCastMemberOf = (setup: ExerciseSetup, castMemberId: string, role: Role) =>
  setup.cast.some((member) => member.id === castMemberId && member.role === role);

/** Epoch ms as the store keeps times. */
export const iso = (ms: number) => new Date(ms).toISOString();

export function deviceView(setup: ExerciseSetup, device: DeviceRecord, connections: number): DeviceView {
  const ended = device.refused ?? device.revoked;
  return {
    id: device.id,
    name: device.label,
    role: device.role,
    person: devicePerson(setup, device),
    status: device.status,
    connected: connections > 0,
    connections,
    joinedAt: device.created,
    ...(device.approved === null ? {} : { approvedAt: device.approved }),
    ...(ended === null ? {} : { endedAt: ended }),
    ...(device.joinCodeId === null ? {} : { joinCodeId: device.joinCodeId }),
  };
}

export function joinCodeView(code: JoinCodeRecord, now: number): JoinCodeView {
  return {
    id: code.id,
    role: code.role,
    ...(code.castMemberId === null ? {} : { castMemberId: code.castMemberId }),
    expiresAt: code.expires,
    maxUses: code.maxUses,
    usesLeft: code.usesLeft,
    createdAt: code.created,
    ...(code.revoked === null ? {} : { revokedAt: code.revoked }),
    usable: code.revoked === null && code.usesLeft > 0 && Date.parse(code.expires) > now,
  };
}

/** Everything the trainer sees of an exercise's devices; `connections` counts open sockets per device key. */
export async function devicesView(
  store: EventStore,
  exerciseId: string,
  setup: ExerciseSetup,
  connections: ReadonlyMap<string, number>,
  now: number,
): Promise<DevicesView> {
  const [devices, codes] = [await store.devices(exerciseId), await store.joinCodes(exerciseId)];
  return {
    exerciseId,
    trainerConnections: connections.get(ADMIN_DEVICE) ?? 0,
    devices: devices.map((device) => deviceView(setup, device, connections.get(device.id) ?? 0)),
    joinCodes: codes.map((code) => joinCodeView(code, now)),
  };
}
