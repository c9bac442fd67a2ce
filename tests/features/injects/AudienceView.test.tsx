import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AudienceScreen } from '../../../src/app/screens/AudienceScreen';
import { i18n } from '../../../src/i18n';
import { createExercise, type ExerciseChange } from '../../../src/session';
import type { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { newSession, SETUP, stored } from '../../fixtures/exercise';
import { scenarioSession, TRAINER } from '../../fixtures/scenario';
import type { InjectAudience } from '../../../src/scenarios';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

/**
 * The audience's screen in a tab of its own: it reads the exercise through another repository on
 * the same database (`sibling`), which hears the console's commits as another tab hears them on
 * the channel. Resolves once the screen has read the exercise ("Oefening wordt gelezen…" until then).
 */
async function renderView(audience: InjectAudience, fixture = scenarioSession()) {
  await stored(fixture.session);
  const tab = fixture.repository.sibling();
  render(
    <AudienceScreen
      store={tab}
      id={fixture.id}
      audience={audience}
      headerControls={null}
      startHref="#/"
      now={fixture.clock.now}
    />,
  );
  await waitFor(() => {
    expect(screen.queryByText('Oefening wordt gelezen…')).toBeNull();
  });
  return { ...fixture, tab };
}

/** Until `tab` has heard of a commit that `matches`: its listeners, the screen's among them, have been told. */
function heard(tab: MemoryRepository, matches: (change: ExerciseChange) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = tab.subscribe((change) => {
      if (!matches(change)) return;
      stop();
      resolve();
    });
  });
}

const shownTitles = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

describe('the audience’s screen', () => {
  it('says that nothing is released yet, in large type, with the exercise and the audience named', async () => {
    await renderView('everyone');
    expect(screen.getByRole('heading', { level: 1, name: 'Jaarwisseling' })).toBeInTheDocument();
    expect(screen.getByText('Publieksscherm · Voor: Iedereen')).toBeInTheDocument();
    expect(screen.getByText(/Nog niets vrijgegeven voor dit publiek/)).toBeInTheDocument();
    expect(screen.getByText('22:00')).toBeInTheDocument();
  });

  it('shows what is released for it and for everyone, newest first; nothing for other audiences, held or skipped', async () => {
    const fixture = scenarioSession();
    const { session } = fixture;
    void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    void session.inject(TRAINER, 'vraag-me-inzet', 'released'); // commander
    void session.inject(TRAINER, 'staf-bereidt-voor', 'released'); // mayorStaff
    void session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
    void session.inject(TRAINER, 'barricades', 'skipped');
    await renderView('commander', fixture);
    expect(shownTitles()).toEqual(['Het basisteam houdt het niet meer', '22:00 — oudejaarsavond in Lindenburg']);
    const [newest, older] = screen.getAllByRole('listitem');
    expect(newest).toHaveTextContent(/^★ NieuwsteVrijgegeven om 22:00Voor: Commandant/);
    expect(newest).toHaveTextContent(/Het basisteam meldt: ‘We houden het hier niet meer./);
    expect(older).not.toHaveTextContent(/Nieuwste|Voor:/);
  });
});

describe('following the console in another tab', () => {
  it('re-reads the exercise when the console commits, and announces the new message politely', async () => {
    const { session } = await renderView('mayorStaff');
    void session.inject(TRAINER, 'staf-bereidt-voor', 'released');
    await waitFor(() => {
      expect(shownTitles()).toEqual(['Staf: bereid de burgemeester voor']);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Nieuw bericht: Staf: bereid de burgemeester voor');

    void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    void session.inject(TRAINER, 'vraag-me-inzet', 'released'); // commander: not for the mayor's staff
    await waitFor(() => {
      expect(shownTitles()).toEqual(['22:00 — oudejaarsavond in Lindenburg', 'Staf: bereid de burgemeester voor']);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Nieuw bericht: 22:00 — oudejaarsavond in Lindenburg');
  });

  it('ignores news of other exercises, and follows the clock the trainer moves', async () => {
    const fixture = await renderView('everyone');
    const reads = vi.spyOn(fixture.tab, 'head');
    // Another exercise on this device is created (in a third tab): this screen hears of it and reads nothing.
    const otherNews = heard(fixture.tab, (change) => change.id !== fixture.id);
    const other = await createExercise(fixture.repository.sibling(), SETUP, fixture.clock.now);
    await otherNews;
    expect(other.id).not.toBe(fixture.id);
    expect(reads).not.toHaveBeenCalled();
    expect(shownTitles()).toEqual([]);

    void fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    void fixture.session.clock(TRAINER, { type: 'jump', minutes: 5 });
    expect(await screen.findByText('22:05')).toBeInTheDocument();
    expect(shownTitles()).toEqual(['22:00 — oudejaarsavond in Lindenburg']);
    expect(reads).toHaveBeenCalledWith(fixture.id);
  });

  it('opens no session: reading leaves the console’s writes working (no conflict)', async () => {
    const fixture = await renderView('everyone');
    const writes = [vi.spyOn(fixture.tab, 'create'), vi.spyOn(fixture.tab, 'append'), vi.spyOn(fixture.tab, 'remove')];
    const result = await fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    expect(result.outcome).toBe('accepted');
    await waitFor(() => {
      expect(shownTitles()).toEqual(['22:00 — oudejaarsavond in Lindenburg']);
    });
    expect(fixture.session.getState().storage).toEqual({ state: 'saved' });
    expect((await fixture.session.inject(TRAINER, 'barricades', 'released')).outcome).toBe('accepted');
    await waitFor(() => {
      expect(shownTitles()).toHaveLength(2);
    });
    expect(fixture.session.getState().storage).toEqual({ state: 'saved' });
    expect(fixture.session.getState().savedLength).toBe(fixture.session.getState().log.length);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });
});

describe('when there is nothing to show', () => {
  it('says so for an exercise without a scenario', async () => {
    const { repository, id, clock } = newSession(SETUP);
    render(
      <AudienceScreen
        store={repository}
        id={id}
        audience="everyone"
        headerControls={null}
        startHref="#/"
        now={clock.now}
      />,
    );
    expect(
      await screen.findByText('Deze oefening heeft geen scenario, en dus geen berichten om te tonen.'),
    ).toBeInTheDocument();
  });

  it('says so, with a way back, for an exercise that is not on this device', async () => {
    const { repository } = scenarioSession();
    render(
      <AudienceScreen
        store={repository}
        id="0123456789abcdef"
        audience="everyone"
        headerControls={null}
        startHref="#/"
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze oefening staat niet (meer) op dit apparaat.');
    expect(screen.getByRole('link', { name: 'Naar de oefeningen' })).toHaveAttribute('href', '#/');
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    const fixture = scenarioSession();
    void fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    await renderView('trainer', fixture);
    // The English catalogue is a chunk of its own: on a busy machine the view may render once more after it arrives.
    expect(await screen.findByText('Audience screen · For: Exercise controller')).toBeInTheDocument();
    expect(shownTitles()).toEqual(["22:00 — New Year's Eve in Lindenburg"]);
  });
});
