/**
 * The memory adapter's promise that what is stored cannot change afterwards,
 * kept with frozen copies instead of `structuredClone` (bench `dispatch`):
 * the caller's objects are copied and stay the caller's to change, and what
 * the repository hands out cannot be changed at all.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/core/log';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { BY, newSession, stored } from '../../fixtures/exercise';

describe('the memory repository', () => {
  it('keeps what it stored as it was when the caller later changes what it handed over, and never freezes the caller’s objects', async () => {
    const { session } = newSession();
    await session.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'onrust neemt toe' });
    await stored(session);
    const { head, log } = session.getState();
    const repository = new MemoryRepository();
    const entries = log.map((entry) => structuredClone<LogEntry>(entry));
    const setup = structuredClone(head.setup);
    await repository.create({ ...head, setup }, entries);
    const before = entries[1]?.wall;
    (entries[1] as { wall: string }).wall = '1999-01-01T00:00:00.000Z';
    setup.title = 'Anders';
    expect(Object.isFrozen(BY.commander)).toBe(false);
    expect((await repository.entries(head))[1]?.wall).toBe(before);
    expect((await repository.head(head.id))?.setup.title).toBe(head.setup.title);
  });

  it('hands out entries and heads that cannot be changed, in a new array each time', async () => {
    const repository = new MemoryRepository();
    const { session } = newSession();
    await stored(session);
    const { head, log } = session.getState();
    await repository.create(head, log);
    const first = await repository.entries(head);
    first.length = 0;
    expect(await repository.entries(head)).toHaveLength(head.length);
    const [genesis] = await repository.entries(head);
    expect(() => {
      (genesis as { wall: string }).wall = 'x';
    }).toThrow(TypeError);
    const storedHead = await repository.head(head.id);
    expect(() => {
      (storedHead?.setup as { title: string }).title = 'x';
    }).toThrow(TypeError);
  });
});
