/**
 * Release on time with the console open in two tabs: one session per tab on one store, and a Web
 * Locks stand-in shared by both (jsdom has none; each tab has its own `navigator.locks` in a
 * browser, one lock manager behind them). jsdom fires no `storage` event across sessions: where
 * the browser would tell a tab that the other wrote, the test calls `markConflict` as the console's
 * listener does.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InjectsPanel } from '../../../src/features/injects/InjectsPanel';
import { i18n } from '../../../src/i18n';
import { openSession, SessionContext, type ExerciseSession, type InjectEntry } from '../../../src/session';
import { scenarioSession, TRAINER } from '../../fixtures/scenario';

/** Exclusive locks only, granted in order of asking, as `navigator.locks.request` does. */
class FakeLocks {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  request(name: string, options: { signal?: AbortSignal }, callback: () => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name);
        void Promise.resolve()
          .then(callback)
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            this.waiting.get(name)?.shift()?.();
          });
      };
      if (!this.held.has(name)) {
        grant();
        return;
      }
      const queue = this.waiting.get(name) ?? [];
      queue.push(grant);
      this.waiting.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(grant);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(new DOMException('The request was aborted', 'AbortError'));
      });
    });
  }
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  Object.defineProperty(navigator, 'locks', { value: new FakeLocks(), configurable: true });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
});

const releases = (entries: readonly { kind: string }[]) =>
  entries.filter((entry): entry is InjectEntry => entry.kind === 'inject').map((entry) => entry.injectId);

/** Lets granted locks and the effects they start run. */
const settle = () =>
  act(async () => {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** The exercise with its clock running, open in a first tab; `openTab` opens it in another. */
function runningExercise() {
  const fixture = scenarioSession();
  fixture.session.clock(TRAINER, { type: 'start' });
  const tabs: { session: ExerciseSession; view: RenderResult }[] = [];
  const openTab = async (session = openSession(fixture.store, fixture.id, fixture.clock.now)) => {
    const view = render(
      <SessionContext.Provider value={session}>
        <InjectsPanel trainer={TRAINER} now={fixture.clock.now} />
      </SessionContext.Provider>,
    );
    tabs.push({ session, view });
    await settle();
    return session;
  };
  const stored = () => {
    const head = fixture.store.head(fixture.id);
    if (!head) throw new Error('the exercise is not stored');
    return fixture.store.entries(head);
  };
  return { ...fixture, openTab, stored, tabs };
}

describe('release on time in two console tabs', () => {
  it('releases a due inject once: the tab not holding the release lock writes nothing', async () => {
    const { session, openTab, stored, store, id, clock } = runningExercise();
    // Both tabs read the exercise before either released anything: both see the opening inject due.
    const secondSession = openSession(store, id, clock.now);
    const first = await openTab(session);
    const second = await openTab(secondSession);
    const opening = releases(stored());
    expect(opening).toHaveLength(1); // the 22:00 opening inject, due as the clock starts
    expect(releases(first.getState().log)).toEqual(opening);
    expect(releases(second.getState().log)).toEqual([]);
    expect(second.getState().savedLength).toBe(second.getState().log.length);
    expect(second.getState().storage.state).toBe('saved');
  });

  it('hands the release over to the other tab when the releasing one falls into conflict, and nothing is released twice', async () => {
    const { session, openTab, stored, clock } = runningExercise();
    const first = await openTab(session);
    // The second tab opens after the first released the opening inject: it is up to date.
    const second = await openTab();
    expect(releases(second.getState().log)).toHaveLength(1);

    // The trainer writes in the second tab; the first hears of it (the `storage` event) and lets go.
    second.annotate(TRAINER, 'Vanuit het tweede tabblad');
    act(() => {
      first.markConflict();
    });
    await settle();

    // Ten minutes on, "Vuurwerk naar de brandweer" falls due: the second tab releases it, the first does not.
    clock.advance(10);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });
    await settle();
    const released = releases(stored());
    expect(released).toHaveLength(2);
    expect(new Set(released).size).toBe(2);
    expect(releases(second.getState().log)).toEqual(released);
    expect(first.getState().log.length).toBe(first.getState().savedLength);
    expect(second.getState().storage.state).toBe('saved');
  });

  it('lets go of the lock when unmounted (the tab closed): the other tab takes over', async () => {
    const { session, openTab, stored, clock, tabs } = runningExercise();
    await openTab(session);
    const second = await openTab();
    tabs[0]?.view.unmount();
    await settle();
    clock.advance(10);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });
    await settle();
    expect(releases(stored())).toHaveLength(2);
    expect(releases(second.getState().log)).toEqual(releases(stored()));
  });
});
