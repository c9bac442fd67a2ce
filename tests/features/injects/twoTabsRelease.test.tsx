/**
 * Release on time with the console open in two tabs: one session per tab, each on its own memory
 * repository over one database (`sibling`: a tab hears the other's commits as it would on the
 * BroadcastChannel, and goes into conflict by itself), and a Web Locks stand-in shared by both
 * (jsdom has none; each tab has its own `navigator.locks` in a browser, one lock manager behind
 * them). Each tab has its own page (visibility and `visibilitychange`), as in a browser,
 * where the one jsdom document would be shared. The wall clock's one-second tick runs on fake
 * timers: the exercise time itself comes from the fixture's clock, which moves only when told.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InjectsPanel } from '../../../src/features/injects/InjectsPanel';
import { i18n } from '../../../src/i18n';
import {
  createExercise,
  openSession,
  SessionContext,
  type ExerciseSession,
  type InjectEntry,
} from '../../../src/session';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { fakeWallClock } from '../../fixtures/exercise';
import { scenarioSetup, TRAINER } from '../../fixtures/scenario';

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

/**
 * One tab's page. A hidden tab's timers are throttled (to once a minute in Chrome after a while):
 * `hide({ throttled: true })` models that as the tab's wall clock standing still, so its tick finds
 * nothing new until `show()` (or its late tick) lets it read the clock again.
 */
class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  private stoppedAt: number | null = null;

  constructor(private readonly wall: () => number) {
    super();
  }

  readonly now = () => this.stoppedAt ?? this.wall();

  hide({ throttled = false } = {}) {
    this.stoppedAt = throttled ? this.wall() : null;
    this.change('hidden');
  }

  show() {
    this.stoppedAt = null;
    this.change('visible');
  }

  /** The throttled tab's late tick: it reads the clock again, still hidden. */
  lateTick() {
    this.stoppedAt = null;
  }

  private change(state: DocumentVisibilityState) {
    this.visibilityState = state;
    act(() => {
      this.dispatchEvent(new Event('visibilitychange'));
    });
  }
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  Object.defineProperty(navigator, 'locks', { value: new FakeLocks(), configurable: true });
  // Only the wall clock's interval: the lock stand-in runs on promises, and nothing else waits.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'locks');
});

const releases = (entries: readonly { kind: string }[]) =>
  entries.filter((entry): entry is InjectEntry => entry.kind === 'inject').map((entry) => entry.injectId);

/** Lets granted locks and the effects they start run (promises only: no time passes). */
const settle = () =>
  act(async () => {
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  });

/** The wall clock's next tick, one second on, and what it sets off. */
const nextTick = async () => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1000);
  });
  await settle();
};

/**
 * The exercise with its clock running, its session for a first tab; `openTab` shows a session's
 * console panel, by default a new tab's (its own repository on the same database, the exercise
 * read as stored now). A tab about to release asks the repository first (`recheck`), which is how
 * it finds the other tab's write when it has not heard of it yet.
 */
async function runningExercise() {
  const store = new MemoryRepository();
  const clock = fakeWallClock();
  const { id } = await createExercise(store, scenarioSetup(), clock.now);
  /** The exercise opened in a tab of its own. */
  const openIn = async (repository: MemoryRepository) => {
    const session = await openSession(repository, id, clock.now);
    if (!session) throw new Error('the exercise is not stored');
    return session;
  };
  const fixture = { store, clock, id, openIn, session: await openIn(store) };
  await fixture.session.clock(TRAINER, { type: 'start' });
  const tabs: { session: ExerciseSession; view: RenderResult; page: FakePage }[] = [];
  const openTab = async (given?: ExerciseSession) => {
    const session = given ?? (await openIn(store.sibling()));
    const page = new FakePage(fixture.clock.now);
    const view = render(
      <SessionContext.Provider value={session}>
        <InjectsPanel trainer={TRAINER} now={page.now} page={page} />
      </SessionContext.Provider>,
    );
    tabs.push({ session, view, page });
    await settle();
    return session;
  };
  const pageOf = (index: number) => {
    const page = tabs[index]?.page;
    if (!page) throw new Error(`no tab ${index}`);
    return page;
  };
  const stored = async () => {
    const head = await fixture.store.head(fixture.id);
    if (!head) throw new Error('the exercise is not stored');
    return fixture.store.entries(head);
  };
  return { ...fixture, openTab, stored, tabs, pageOf };
}

describe('release on time in two console tabs', () => {
  it('releases a due inject once: the tab not holding the release lock writes nothing', async () => {
    const { session, openTab, stored, store, openIn } = await runningExercise();
    // Both tabs read the exercise before either released anything: both see the opening inject due.
    const secondSession = await openIn(store.sibling());
    const first = await openTab(session);
    const second = await openTab(secondSession);
    const opening = releases(await stored());
    expect(opening).toHaveLength(1); // the 22:00 opening inject, due as the clock starts
    expect(releases(first.getState().log)).toEqual(opening);
    expect(releases(second.getState().log)).toEqual([]);
    expect(second.getState().savedLength).toBe(second.getState().log.length);
    // It heard of the first tab's release, and so writes nothing more until loaded again.
    expect(second.getState().storage.state).toBe('conflict');
    expect(first.getState().storage.state).toBe('saved');
  });

  it('hands the release over to the other tab when the releasing one falls into conflict, and nothing is released twice', async () => {
    const { session, openTab, stored, clock } = await runningExercise();
    const first = await openTab(session);
    // The second tab opens after the first released the opening inject: it is up to date.
    const second = await openTab();
    expect(releases(second.getState().log)).toHaveLength(1);

    // The trainer writes in the second tab; the first hears of it (the repository's news) and lets go.
    await act(async () => {
      expect((await second.annotate(TRAINER, 'Vanuit het tweede tabblad')).outcome).toBe('stored');
    });
    await settle();
    expect(first.getState().storage.state).toBe('conflict');

    // Ten minutes on, "Vuurwerk naar de brandweer" falls due: the second tab releases it, the first does not.
    clock.advance(10);
    await nextTick();
    const released = releases(await stored());
    expect(released).toHaveLength(2);
    expect(new Set(released).size).toBe(2);
    expect(releases(second.getState().log)).toEqual(released);
    expect(first.getState().log.length).toBe(first.getState().savedLength);
    expect(second.getState().storage.state).toBe('saved');
  });

  it('lets go of the lock when unmounted (the tab closed): the other tab takes over', async () => {
    const { session, openTab, stored, clock, tabs } = await runningExercise();
    await openTab(session);
    const second = await openTab();
    tabs[0]?.view.unmount();
    await settle();
    clock.advance(10);
    await nextTick();
    const released = releases(await stored());
    expect(released).toHaveLength(2);
    expect(releases(second.getState().log)).toEqual(released);
  });
});

describe('release on time with the releasing tab hidden (issue #12, item 6)', () => {
  it('releases from the visible tab at its next tick when the tab holding the lock is hidden and throttled, once', async () => {
    const { session, openTab, stored, clock, pageOf } = await runningExercise();
    const first = await openTab(session); // asked first: holds the release lock, released the opening inject
    const second = await openTab();
    expect(releases(await stored())).toHaveLength(1);

    // The trainer turns to another tab (the audience screen, the slides): the first tab's timers slow down.
    pageOf(0).hide({ throttled: true });
    await settle();

    // "Vuurwerk naar de brandweer" falls due: the visible tab releases it at its next tick.
    clock.advance(10);
    await nextTick();
    const released = releases(await stored());
    expect(released).toEqual([...releases(first.getState().log), 'vuurwerk-naar-brandweer']);
    expect(releases(second.getState().log)).toEqual(released);
    expect(second.getState().storage.state).toBe('saved');

    // A minute on, the hidden tab's throttled tick comes: it sees the inject due but does not release it again.
    pageOf(0).lateTick();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    await settle();
    expect(releases(await stored())).toEqual(released);
    expect(first.getState().log.length).toBe(first.getState().savedLength);
  });

  it('releases at once what fell due while the tab was hidden when it is shown again, before its next tick', async () => {
    const { session, openTab, stored, clock, pageOf } = await runningExercise();
    await openTab(session);
    expect(releases(await stored())).toHaveLength(1);
    pageOf(0).hide({ throttled: true });
    await settle();
    clock.advance(10);
    await nextTick();
    expect(releases(await stored())).toHaveLength(1); // hidden and throttled: its tick has not come

    pageOf(0).show();
    await settle(); // no time passes: the tab re-reads the clock on being shown
    const released = releases(await stored());
    expect(released).toEqual(['start-oudejaarsavond', 'vuurwerk-naar-brandweer']);
    expect(releases(session.getState().log)).toEqual(released);
  });

  it('still releases from a hidden tab when no tab is visible (late rather than never), once', async () => {
    const { session, openTab, stored, clock, pageOf } = await runningExercise();
    const first = await openTab(session);
    const second = await openTab();
    pageOf(0).hide();
    pageOf(1).hide();
    await settle();
    clock.advance(10);
    await nextTick();
    const released = releases(await stored());
    expect(released).toEqual(['start-oudejaarsavond', 'vuurwerk-naar-brandweer']);
    expect(new Set(released).size).toBe(2);
    // One of the two released it; the other, next in line, heard of that write (or, had the news not
    // come yet, found it asking the repository before releasing) and wrote nothing.
    const byWriter = [first, second].map((tab) => releases(tab.getState().log).length);
    expect(byWriter.toSorted()).toEqual([1, 2]);
    for (const tab of [first, second]) expect(tab.getState().log.length).toBe(tab.getState().savedLength);
  });
});
