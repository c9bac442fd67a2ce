/**
 * The memory adapter's promise that what is stored cannot change afterwards:
 * it freezes instead of copying (a copy of a head costs a third of an
 * attempt, bench `dispatch`), so a caller that tries to change a stored entry
 * or head is stopped at once instead of silently changing the store.
 */
import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { BY, newSession, stored } from '../../fixtures/exercise';

describe('the memory repository', () => {
  it('keeps what it stored as it was: a stored entry or head cannot be changed by the caller that handed it over', async () => {
    const { session, repository } = newSession();
    await session.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'onrust neemt toe' });
    await stored(session);
    const { head, log } = session.getState();
    const entry = log[1];
    expect(entry).toBeDefined();
    expect(() => {
      (entry as { wall: string }).wall = '1999-01-01T00:00:00.000Z';
    }).toThrow(TypeError);
    expect(() => {
      (head.setup as { title: string }).title = 'Anders';
    }).toThrow(TypeError);
    const again = await repository.entries(head);
    expect(again[1]?.wall).toBe(entry?.wall);
    expect((await repository.head(head.id))?.setup.title).toBe(head.setup.title);
  });

  it('hands out entries that cannot be changed either, and a new array each time', async () => {
    const repository = new MemoryRepository();
    const { session } = newSession();
    await stored(session);
    const { head, log } = session.getState();
    await repository.create(head, log);
    const first = await repository.entries(head);
    first.length = 0;
    expect(await repository.entries(head)).toHaveLength(head.length);
    expect(() => {
      (first as unknown[]).push(1);
    }).not.toThrow();
    const [genesis] = await repository.entries(head);
    expect(Object.isFrozen(genesis)).toBe(true);
  });
});
