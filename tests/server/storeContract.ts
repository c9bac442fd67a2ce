/**
 * The event store's contract (server/store/eventStore.ts), run on every
 * store: SQLite (store.test.ts) and PostgreSQL (postgresStore.test.ts) keep
 * exercises, logs, devices and join codes the same way. The primary key
 * (exercise, seq) and the stored length fence a second writer; an append is
 * all or nothing; a proposal is recorded with its entry; a join code is used
 * in one transaction with its device.
 *
 * `fresh` makes a new, empty place for the store (a file, a database) before
 * each test; its `open` may be called more than once: each is another
 * connection to the same data, as a second server process would have.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import { applyAttempt, newExercise, verifyChain, genesisOf, type ExerciseState } from '../../src/core';
import { scenarioToSetup } from '../../src/scenarios';
import { parseScenario } from '../../src/scenarios/parseScenario';
import {
  StoreConflictError,
  type DeviceRecord,
  type EventStore,
  type JoinCodeRecord,
} from '../../server/store/eventStore';

export const T0 = Date.UTC(2026, 11, 31, 21, 0);
const trainer: By = { role: 'trainer', name: 'Petra de Wit' };
const parsed = parseScenario(
  readFileSync(new URL('../../public/scenarios/jaarwisseling.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the built-in scenario does not parse');
export const setup = { ...scenarioToSetup(parsed.scenario), scenario: parsed.scenario };

/** A new exercise and a note judged on it: the entry and the head after it. */
export function noted(state: ExerciseState, text: string, wall: number) {
  const applied = applyAttempt(state, { kind: 'note', by: trainer, text }, { wall });
  if (applied.outcome !== 'logged') throw new Error('ignored');
  return applied;
}

export interface StorePlace {
  /** Open a store on this place: another connection each time. */
  open: () => Promise<EventStore>;
  /** Remove the place, once every store opened on it is closed. */
  remove: () => Promise<void> | void;
}

export function describeStoreContract(name: string, fresh: () => Promise<StorePlace>) {
  describe(`the ${name} store (the event store's contract)`, () => {
    let place: StorePlace;
    const opened: EventStore[] = [];
    const store = async () => {
      const one = await place.open();
      opened.push(one);
      return one;
    };

    beforeEach(async () => {
      place = await fresh();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((one) => one.close()));
      await place.remove();
    });

    it('keeps an exercise and its log as written, across a reopen', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000001', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const a = noted(created.state, 'Eerste', T0 + 1000);
      await one.append(a.state.head, [{ entry: a.entry, text: a.text }]);
      const b = noted(a.state, 'Tweede', T0 + 2000);
      await one.append(b.state.head, [{ entry: b.entry, text: b.text }]);
      await one.close();

      const two = await store();
      const head = await two.head(created.head.id);
      expect(head).toEqual(b.state.head);
      const log = await two.entries(created.head.id);
      expect(log).toEqual([created.entry, a.entry, b.entry]);
      expect(verifyChain(genesisOf(created.head), log)).toBeNull();
      expect(await two.entries(created.head.id, 1, 2)).toEqual([a.entry]);
      expect((await two.list()).map((listing) => [listing.id, listing.length])).toEqual([[created.head.id, 3]]);
      expect(await two.head('ffffffff00000000')).toBeNull();
    });

    it('refuses a second exercise under a stored id', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000002', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      await expect(one.create(created.head, [{ entry: created.entry, text: created.text }])).rejects.toBeInstanceOf(
        StoreConflictError,
      );
    });

    it('fences a second writer on the primary key: the same seq twice is a conflict, the first one stays', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000003', wall: T0 });
      const writerA = await store();
      const writerB = await store(); // another connection to the same database: another server process
      await writerA.create(created.head, [{ entry: created.entry, text: created.text }]);
      // Both judged seq 2 from the same state.
      const mine = noted(created.state, 'Van A', T0 + 1000);
      const theirs = noted(created.state, 'Van B', T0 + 1000);
      expect(theirs.entry.seq).toBe(mine.entry.seq);
      await writerA.append(mine.state.head, [{ entry: mine.entry, text: mine.text }]);
      const conflict = writerB.append(theirs.state.head, [{ entry: theirs.entry, text: theirs.text }]);
      await expect(conflict).rejects.toBeInstanceOf(StoreConflictError);
      await expect(conflict).rejects.toMatchObject({ exerciseId: created.head.id, seq: 2 });
      expect(await writerB.entries(created.head.id)).toEqual([created.entry, mine.entry]);
      expect((await writerB.head(created.head.id))?.headHash).toBe(mine.entry.hash);
    });

    it('fences a gap on the stored length, and stores nothing of a refused append', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000004', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const a = noted(created.state, 'Twee', T0 + 1000);
      const b = noted(a.state, 'Drie', T0 + 2000);
      // Seq 3 without seq 2: the primary key would take it, the length fence does not.
      await expect(one.append(b.state.head, [{ entry: b.entry, text: b.text }])).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await one.entries(created.head.id)).toEqual([created.entry]);
      expect((await one.head(created.head.id))?.length).toBe(1);
      // Two at once, in one transaction.
      await one.append(b.state.head, [
        { entry: a.entry, text: a.text },
        { entry: b.entry, text: b.text },
      ]);
      expect((await one.entries(created.head.id)).map((entry) => entry.seq)).toEqual([1, 2, 3]);
    });

    it('keeps the set-up as created, and refuses an append whose head carries another one', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa0000000b', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const a = noted(created.state, 'Een', T0 + 1000);
      // Another connection, which never saw this set-up object: it compares it with the stored one.
      const other = await store();
      await other.append(a.state.head, [{ entry: a.entry, text: a.text }]);
      // An equal copy (a head read back or built elsewhere) is the same set-up.
      const b = noted(a.state, 'Twee', T0 + 2000);
      const copied = { ...b.state.head, setup: structuredClone(b.state.head.setup) };
      await one.append(copied, [{ entry: b.entry, text: b.text }]);
      // The genesis seals the set-up: a head with another one is refused, and nothing of the append stored.
      const c = noted(b.state, 'Drie', T0 + 3000);
      const retitled = { ...c.state.head, setup: { ...c.state.head.setup, title: 'Een andere oefening' } };
      await expect(one.append(retitled, [{ entry: c.entry, text: c.text }])).rejects.toThrow(
        /set-up is sealed by its genesis/,
      );
      expect(await one.entries(created.head.id)).toEqual([created.entry, a.entry, b.entry]);
      await one.close();
      const reopened = await store();
      expect(await reopened.head(created.head.id)).toEqual(b.state.head);
      expect((await reopened.list()).map((listing) => listing.title)).toEqual([setup.title]);
      await reopened.append(c.state.head, [{ entry: c.entry, text: c.text }]);
      expect((await reopened.head(created.head.id))?.setup).toEqual(setup);
    });

    it('keeps the admin secret’s hash and devices', async () => {
      const one = await store();
      expect(await one.adminSecretHash()).toBeNull();
      await one.setAdminSecretHash('ab'.repeat(32));
      const created = newExercise(setup, { id: 'aaaaaaaa00000005', wall: T0 });
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const device: DeviceRecord = {
        id: 'd1',
        exerciseId: created.head.id,
        tokenHash: 'cd'.repeat(32),
        pendingSecretHash: null,
        joinCodeId: null,
        role: 'mayor',
        castMemberId: 'burgemeester',
        label: 'laptop',
        status: 'approved',
        created: new Date(T0).toISOString(),
        approved: new Date(T0).toISOString(),
        refused: null,
        revoked: null,
      };
      await one.saveDevice(device);
      await one.saveDevice({ ...device, status: 'revoked', revoked: new Date(T0 + 1).toISOString() });
      await one.close();
      const two = await store();
      expect(await two.adminSecretHash()).toBe('ab'.repeat(32));
      expect(await two.deviceByTokenHash('cd'.repeat(32))).toMatchObject({ id: 'd1', status: 'revoked' });
      expect(await two.deviceByTokenHash('ef'.repeat(32))).toBeNull();
      expect(await two.devices(created.head.id)).toEqual([
        { ...device, status: 'revoked', revoked: new Date(T0 + 1).toISOString() },
      ]);
    });

    it('records the proposal that made an entry in the same transaction, and only with it', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000006', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const a = noted(created.state, 'Een', T0 + 1000);
      const origin = { deviceId: 'admin', clientMessageId: 'c-1', fingerprint: 'ab'.repeat(32) };
      await one.append(a.state.head, [{ entry: a.entry, text: a.text }], origin);
      expect(await one.proposal(created.head.id, 'admin', 'c-1')).toEqual({ seq: 2, fingerprint: 'ab'.repeat(32) });
      expect(await one.proposal(created.head.id, 'other-device', 'c-1')).toBeNull();
      // Refused append (a gap): neither the entry nor the record is stored.
      const b = noted(a.state, 'Twee', T0 + 2000);
      const c = noted(b.state, 'Drie', T0 + 3000);
      await expect(
        one.append(c.state.head, [{ entry: c.entry, text: c.text }], { ...origin, clientMessageId: 'c-3' }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await one.proposal(created.head.id, 'admin', 'c-3')).toBeNull();
      // The same proposal recorded twice (a second writer): a conflict, and the entry it came with is not stored.
      await expect(one.append(b.state.head, [{ entry: b.entry, text: b.text }], origin)).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect((await one.head(created.head.id))?.length).toBe(2);
      await one.close();
      expect(await (await store()).proposal(created.head.id, 'admin', 'c-1')).toEqual({
        seq: 2,
        fingerprint: 'ab'.repeat(32),
      });
    });

    it('uses a join code once per use, in one transaction with the pending device, and never past its expiry', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000007', wall: T0 });
      const one = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      const code: JoinCodeRecord = {
        id: 'code-1',
        codeHash: '12'.repeat(32),
        exerciseId: created.head.id,
        role: 'mayor',
        castMemberId: 'burgemeester',
        expires: new Date(T0 + 60_000).toISOString(),
        maxUses: 2,
        usesLeft: 2,
        created: new Date(T0).toISOString(),
        revoked: null,
      };
      await one.saveJoinCode(code);
      await expect(one.saveJoinCode({ ...code, id: 'code-2' })).rejects.toBeInstanceOf(StoreConflictError);
      const pending = (n: number) => (used: JoinCodeRecord) => ({
        id: `pending-${String(n)}`,
        exerciseId: used.exerciseId,
        tokenHash: null,
        pendingSecretHash: String(n).repeat(64),
        joinCodeId: used.id,
        role: used.role,
        castMemberId: used.castMemberId,
        label: `apparaat ${String(n)}`,
        status: 'pending' as const,
        created: new Date(T0).toISOString(),
        approved: null,
        refused: null,
        revoked: null,
      });
      expect(await one.redeemJoinCode('ff'.repeat(32), T0, pending(0))).toBeNull();
      expect(await one.redeemJoinCode(code.codeHash, T0 + 60_000, pending(1))).toBeNull(); // expired
      expect(await one.redeemJoinCode(code.codeHash, T0, pending(2))).toMatchObject({ id: 'code-1', usesLeft: 2 });
      expect(await one.redeemJoinCode(code.codeHash, T0, pending(3))).toMatchObject({ usesLeft: 1 });
      expect(await one.redeemJoinCode(code.codeHash, T0, pending(4))).toBeNull(); // used up
      expect((await one.devices(created.head.id)).map((device) => device.id)).toEqual(['pending-2', 'pending-3']);
      expect(await one.joinCode('code-1')).toMatchObject({ usesLeft: 0 });
      await one.saveJoinCode({ ...code, id: 'code-3', codeHash: '34'.repeat(32) });
      await one.saveJoinCode({ ...code, id: 'code-3', codeHash: '34'.repeat(32), revoked: new Date(T0).toISOString() });
      expect(await one.redeemJoinCode('34'.repeat(32), T0, pending(5))).toBeNull(); // revoked
      expect((await one.joinCodes(created.head.id)).map((listed) => listed.id).sort()).toEqual(['code-1', 'code-3']);
    });

    it('lets one of two writers racing for the same seq store it, and refuses the other', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa00000009', wall: T0 });
      const writerA = await store();
      const writerB = await store();
      await writerA.create(created.head, [{ entry: created.entry, text: created.text }]);
      const mine = noted(created.state, 'Van A', T0 + 1000);
      const theirs = noted(created.state, 'Van B', T0 + 1000);
      // At once, not one after the other: on PostgreSQL the second waits for the first's transaction.
      const [ofA, ofB] = await Promise.allSettled([
        writerA.append(mine.state.head, [{ entry: mine.entry, text: mine.text }]),
        writerB.append(theirs.state.head, [{ entry: theirs.entry, text: theirs.text }]),
      ]);
      expect([ofA.status, ofB.status].toSorted()).toEqual(['fulfilled', 'rejected']);
      const refused = ofA.status === 'rejected' ? ofA : ofB;
      expect(refused.status === 'rejected' ? refused.reason : null).toBeInstanceOf(StoreConflictError);
      const winner = ofA.status === 'fulfilled' ? mine : theirs;
      const log = await writerA.entries(created.head.id);
      expect(log).toEqual([created.entry, winner.entry]);
      expect(await writerB.head(created.head.id)).toEqual(winner.state.head);
    });

    it('gives the last use of a join code to one of two devices redeeming it at once', async () => {
      const created = newExercise(setup, { id: 'aaaaaaaa0000000a', wall: T0 });
      const one = await store();
      const other = await store();
      await one.create(created.head, [{ entry: created.entry, text: created.text }]);
      await one.saveJoinCode({
        id: 'code-last',
        codeHash: '56'.repeat(32),
        exerciseId: created.head.id,
        role: 'commander',
        castMemberId: null,
        expires: new Date(T0 + 60_000).toISOString(),
        maxUses: 1,
        usesLeft: 1,
        created: new Date(T0).toISOString(),
        revoked: null,
      });
      const device = (id: string) => (used: JoinCodeRecord) => ({
        id,
        exerciseId: used.exerciseId,
        tokenHash: null,
        pendingSecretHash: id.padEnd(64, '0'),
        joinCodeId: used.id,
        role: used.role,
        castMemberId: used.castMemberId,
        label: id,
        status: 'pending' as const,
        created: new Date(T0).toISOString(),
        approved: null,
        refused: null,
        revoked: null,
      });
      const used = await Promise.all([
        one.redeemJoinCode('56'.repeat(32), T0, device('a')),
        other.redeemJoinCode('56'.repeat(32), T0, device('b')),
      ]);
      expect(used.filter((code) => code !== null)).toHaveLength(1);
      expect(await one.devices(created.head.id)).toHaveLength(1);
      expect(await other.joinCode('code-last')).toMatchObject({ usesLeft: 0 });
    });
  });
}
