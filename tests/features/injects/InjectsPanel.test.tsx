import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InjectsPanel } from '../../../src/features/injects/InjectsPanel';
import { i18n } from '../../../src/i18n';
import { SessionContext, type InjectEntry } from '../../../src/session';
import { stored } from '../../fixtures/exercise';
import { COMMANDER, scenarioSession, TRAINER } from '../../fixtures/scenario';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

afterEach(() => {
  vi.useRealTimers();
});

function renderPanel(by = TRAINER) {
  const fixture = scenarioSession();
  const user = userEvent.setup();
  render(
    <SessionContext.Provider value={fixture.session}>
      <InjectsPanel trainer={by} now={fixture.clock.now} audienceHref={(audience) => `#/publiek/${audience}`} />
    </SessionContext.Provider>,
  );
  return { ...fixture, user };
}

const card = (title: string) => {
  const heading = screen.getByRole('heading', { level: 3, name: title });
  const article = heading.closest('article');
  if (!article) throw new Error(`no card for ${title}`);
  return article;
};

const injectEntries = (session: ReturnType<typeof scenarioSession>['session']) =>
  session.getState().log.filter((entry): entry is InjectEntry => entry.kind === 'inject');

describe('the inject queue', () => {
  it('lists every inject in time order with its time, audience and decision point; only the start is due', () => {
    renderPanel();
    const titles = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(titles).toHaveLength(18); // "Publieksschermen" and the 17 injects
    expect(titles.slice(1, 4)).toEqual([
      '22:00 — oudejaarsavond in Lindenburg',
      'Vuurwerk naar de brandweer',
      'Het basisteam houdt het niet meer',
    ]);
    expect(screen.getByText('0 van 17 vrijgegeven')).toBeInTheDocument();

    const first = card('22:00 — oudejaarsavond in Lindenburg');
    expect(first).toHaveAccessibleName('22:00 — oudejaarsavond in Lindenburg Nu aan de beurt');
    expect(within(first).getByText('22:00')).toBeInTheDocument();
    expect(within(first).getByText('Iedereen')).toBeInTheDocument();

    const second = card('Vuurwerk naar de brandweer');
    expect(second).toHaveAccessibleName('Vuurwerk naar de brandweer Gepland');
    expect(within(second).getByText('22:10')).toBeInTheDocument();
    expect(within(second).getByText('+10 min')).toBeInTheDocument();

    const decision = card('De commandant vraagt om inzet van de waterwerper');
    expect(within(decision).getByText('Beslismoment: waterwerper')).toBeInTheDocument();
    expect(within(card('Het basisteam houdt het niet meer')).getByText('Commandant')).toBeInTheDocument();
  });

  it('announces what is due politely, in words, and more as the clock passes them', () => {
    const { session } = renderPanel();
    const status = screen.getAllByRole('status').find((element) => element.className === 'injects-panel__due');
    expect(status).toHaveTextContent('1 inject is aan de beurt: 22:00 — oudejaarsavond in Lindenburg');
    act(() => {
      void session.clock(TRAINER, { type: 'jump', minutes: 20 });
    });
    expect(status).toHaveTextContent(
      '3 injects zijn aan de beurt: 22:00 — oudejaarsavond in Lindenburg; Vuurwerk naar de brandweer; Het basisteam houdt het niet meer',
    );
    expect(card('Het basisteam houdt het niet meer')).toHaveAccessibleName(/Nu aan de beurt$/);
  });

  it('falls due while the clock runs, re-rendering each second', async () => {
    // The exercise time comes from the fixture's clock; only the one-second re-read runs on a timer.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { session, clock, user } = renderPanel();
    // By hand: with release on time, a due inject would go out at once.
    await user.click(screen.getByRole('checkbox', { name: 'Op tijd vrijgeven terwijl de oefenklok loopt' }));
    act(() => {
      void session.clock(TRAINER, { type: 'jump', minutes: 9 });
      void session.clock(TRAINER, { type: 'start' });
    });
    expect(card('Vuurwerk naar de brandweer')).toHaveAccessibleName(/Gepland$/);
    clock.advance(1);
    // The minute has passed, but the screen shows it only at the next tick.
    act(() => {
      vi.advanceTimersByTime(999);
    });
    expect(card('Vuurwerk naar de brandweer')).toHaveAccessibleName(/Gepland$/);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(card('Vuurwerk naar de brandweer')).toHaveAccessibleName(/Nu aan de beurt$/);
  });

  it('releases, holds and skips through the session, in the trainer’s name, and shows the released text', async () => {
    const { session, user } = renderPanel();
    act(() => {
      void session.clock(TRAINER, { type: 'jump', minutes: 10 });
    });
    const start = card('22:00 — oudejaarsavond in Lindenburg');
    await user.click(within(start).getByRole('button', { name: 'Nu vrijgeven: 22:00 — oudejaarsavond in Lindenburg' }));
    expect(start).toHaveAccessibleName(/Vrijgegeven om 22:10$/);
    expect(within(start).queryByRole('button')).toBeNull();
    // Its row in the grid list keeps focus, so the arrow keys still move from there.
    expect(start.closest('[role="row"]')).toHaveFocus();
    expect(within(start).getByText(/^Het is 31 december, 22:00\./)).toBeVisible();

    const fireworks = card('Vuurwerk naar de brandweer');
    await user.click(within(fireworks).getByRole('button', { name: /^Aanhouden/ }));
    expect(fireworks).toHaveAccessibleName(/Aangehouden$/);
    expect(within(fireworks).getByRole('button', { name: /^Nu vrijgeven/ })).toHaveFocus();
    expect(within(fireworks).queryByRole('button', { name: /^Aanhouden/ })).toBeNull();

    const staff = card('Staf: bereid de burgemeester voor');
    await user.click(within(staff).getByRole('button', { name: /^Overslaan/ }));
    expect(staff).toHaveAccessibleName(/Overgeslagen$/);

    expect(
      injectEntries(session).map(({ injectId, action, by, exercise }) => ({ injectId, action, by, exercise })),
    ).toEqual([
      { injectId: 'start-oudejaarsavond', action: 'released', by: TRAINER, exercise: '2026-12-31T22:10:00' },
      { injectId: 'vuurwerk-naar-brandweer', action: 'held', by: TRAINER, exercise: '2026-12-31T22:10:00' },
      { injectId: 'staf-bereidt-voor', action: 'skipped', by: TRAINER, exercise: '2026-12-31T22:10:00' },
    ]);
    expect(screen.getByText('1 van 17 vrijgegeven')).toBeInTheDocument();

    // A held inject can still be released.
    await user.click(within(fireworks).getByRole('button', { name: /^Nu vrijgeven/ }));
    expect(fireworks).toHaveAccessibleName(/Vrijgegeven om 22:10$/);
  });

  it('folds the text and the expected behaviour away until release (the console may be projected)', async () => {
    const { user } = renderPanel();
    const decision = card('De commandant vraagt om inzet van de waterwerper');
    const expects = within(decision).getByText(/De burgemeester van Lindenburg/);
    expect(expects).not.toBeVisible();
    await user.click(within(decision).getByText('Tekst vooraf lezen'));
    expect(expects).toBeVisible();
  });

  it('says why when the session does not do it, in words (R13 for someone who may not steer)', async () => {
    const { session, user } = renderPanel(COMMANDER);
    const start = card('22:00 — oudejaarsavond in Lindenburg');
    await user.click(within(start).getByRole('button', { name: /^Nu vrijgeven/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Niet uitgevoerd: Alleen de oefenleider stuurt de oefening (klok, injects); de commandant niet.',
    );
    expect(session.getState().log.at(-1)).toMatchObject({ kind: 'steeringRefused', refusal: { rule: 'R13' } });
    expect(start).toHaveAccessibleName(/Nu aan de beurt$/);
  });

  it('links to each audience’s screen, saying it opens a new tab', () => {
    renderPanel();
    const nav = screen.getByRole('navigation', { name: 'Publieksschermen' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '#/publiek/everyone',
      '#/publiek/trainer',
      '#/publiek/mayorStaff',
      '#/publiek/commander',
    ]);
    expect(links[2]).toHaveAccessibleName('Burgemeester en staf — publieksscherm (opent in een nieuw tabblad)');
    expect(links[0]).toHaveAttribute('target', '_blank');
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    renderPanel();
    expect(screen.getByRole('heading', { level: 3, name: 'Fireworks thrown at the fire brigade' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Release now/ }).length).toBe(17);
    expect(card("22:00 — New Year's Eve in Lindenburg")).toHaveAccessibleName(/Due now$/);
  });
});

describe('releasing injects on time', () => {
  it('releases a due inject by itself once the exercise clock runs, in the trainer’s name', async () => {
    const { session } = renderPanel();
    expect(injectEntries(session)).toEqual([]); // paused: due, but waiting
    act(() => {
      void session.clock(TRAINER, { type: 'start' });
    });
    // The panel first asks the repository whether another tab wrote meanwhile, then releases.
    await waitFor(() => {
      expect(injectEntries(session).length).toBeGreaterThan(0);
    });
    const released = injectEntries(session);
    expect(released.every((entry) => entry.action === 'released' && entry.by.role === 'trainer')).toBe(true);
    expect(released.map((entry) => entry.injectId)).toContain(released[0]?.injectId);
    await stored(session);
    expect(session.getState().storage).toEqual({ state: 'saved' });
  });

  it('leaves every inject to the trainer when release on time is switched off', async () => {
    const { session, user } = renderPanel();
    const releaseDue = vi.spyOn(session, 'releaseDue');
    await user.click(screen.getByRole('checkbox', { name: 'Op tijd vrijgeven terwijl de oefenklok loopt' }));
    await act(async () => {
      await session.clock(TRAINER, { type: 'start' });
      // Past every step the panel would take on its own (a recheck with the repository, then the release).
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(releaseDue).not.toHaveBeenCalled();
    expect(injectEntries(session)).toEqual([]);
  });
});
