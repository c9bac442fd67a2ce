/**
 * The devices and join-codes tables' rows as both stores read and write them
 * (the same columns in SQLite and PostgreSQL), and their records.
 */
import type { DeviceRecord, JoinCodeRecord } from './eventStore';

export interface DeviceRow {
  id: string;
  exercise_id: string;
  token_hash: string | null;
  pending_secret_hash: string | null;
  join_code_id: string | null;
  role: DeviceRecord['role'];
  cast_member_id: string | null;
  label: string;
  status: DeviceRecord['status'];
  created: string;
  approved: string | null;
  refused: string | null;
  revoked: string | null;
}

export interface JoinCodeRow {
  id: string;
  code_hash: string;
  exercise_id: string;
  role: JoinCodeRecord['role'];
  cast_member_id: string | null;
  expires: string;
  max_uses: number;
  uses_left: number;
  created: string;
  revoked: string | null;
}

export const deviceOf = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  exerciseId: row.exercise_id,
  tokenHash: row.token_hash,
  pendingSecretHash: row.pending_secret_hash,
  joinCodeId: row.join_code_id,
  role: row.role,
  castMemberId: row.cast_member_id,
  label: row.label,
  status: row.status,
  created: row.created,
  approved: row.approved,
  refused: row.refused,
  revoked: row.revoked,
});

export const deviceRow = (device: DeviceRecord): DeviceRow => ({
  id: device.id,
  exercise_id: device.exerciseId,
  token_hash: device.tokenHash,
  pending_secret_hash: device.pendingSecretHash,
  join_code_id: device.joinCodeId,
  role: device.role,
  cast_member_id: device.castMemberId,
  label: device.label,
  status: device.status,
  created: device.created,
  approved: device.approved,
  refused: device.refused,
  revoked: device.revoked,
});

export const joinCodeRow = (code: JoinCodeRecord): JoinCodeRow => ({
  id: code.id,
  code_hash: code.codeHash,
  exercise_id: code.exerciseId,
  role: code.role,
  cast_member_id: code.castMemberId,
  expires: code.expires,
  max_uses: code.maxUses,
  uses_left: code.usesLeft,
  created: code.created,
  revoked: code.revoked,
});

export const joinCodeOf = (row: JoinCodeRow): JoinCodeRecord => ({
  id: row.id,
  codeHash: row.code_hash,
  exerciseId: row.exercise_id,
  role: row.role,
  castMemberId: row.cast_member_id,
  expires: row.expires,
  maxUses: row.max_uses,
  usesLeft: row.uses_left,
  created: row.created,
  revoked: row.revoked,
});
