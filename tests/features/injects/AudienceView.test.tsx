import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AudienceView } from '../../../src/features/injects/AudienceView';
import { i18n } from '../../../src/i18n';
import { ExerciseStore } from '../../../src/session';
import { newSession, SETUP } from '../../fixtures/exercise';
import { scenarioSession, TRAINER } from '../../fixtures/scenario';
import type { InjectAudience } from '../../../src/scenarios';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderView(audience: InjectAudience, fixture = scenarioSession()) {
  render(
    <AudienceView
      store={fixture.store}
      id={fixture.id}
      audience={audience}
      headerControls={null}
      startHref="#/"
      now={fixture.clock.now}
    />,
  );
  return fixture;
}

/** What the console's tab does after it commits an entry: the other tab gets a `storage` event for the head. */
const storageEventFor = (id: string) => {
  act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key: ExerciseStore.headKey(id) }));
  });
};

const shownTitles = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

describe('the audience’s screen', () => {
  it('says that nothing is released yet, in large type, with the exercise and the audience named', () => {
    renderView('everyone');
    expect(screen.getByRole('heading', { level: 1, name: 'Jaarwisseling' })).toBeInTheDocument();
    expect(screen.getByText('Publieksscherm · Voor: Iedereen')).toBeInTheDocument();
    expect(screen.getByText(/Nog niets vrijgegeven voor dit publiek/)).toBeInTheDocument();
    expect(screen.getByText('22:00')).toBeInTheDocument();
  });

  it('shows what is released for it and for everyone, newest first; nothing for other audiences, held or skipped', () => {
    const fixture = scenarioSession();
    const { session } = fixture;
    session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    session.inject(TRAINER, 'vraag-me-inzet', 'released'); // commander
    session.inject(TRAINER, 'staf-bereidt-voor', 'released'); // mayorStaff
    session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
    session.inject(TRAINER, 'barricades', 'skipped');
    renderView('commander', fixture);
    expect(shownTitles()).toEqual(['Het basisteam houdt het niet meer', '22:00 — oudejaarsavond in Lindenburg']);
    const [newest, older] = screen.getAllByRole('listitem');
    expect(newest).toHaveTextContent(/^★ NieuwsteVrijgegeven om 22:00Voor: Commandant/);
    expect(newest).toHaveTextContent(/Het basisteam meldt: ‘We houden het hier niet meer./);
    expect(older).not.toHaveTextContent(/Nieuwste|Voor:/);
  });
});

describe('following the console in another tab', () => {
  it('re-reads the exercise when the console commits, and announces the new message politely', () => {
    const fixture = renderView('mayorStaff');
    const { session, id } = fixture;
    session.inject(TRAINER, 'staf-bereidt-voor', 'released');
    expect(shownTitles()).toEqual([]); // nothing happens until storage says so
    storageEventFor(id);
    expect(shownTitles()).toEqual(['Staf: bereid de burgemeester voor']);
    expect(screen.getByRole('status')).toHaveTextContent('Nieuw bericht: Staf: bereid de burgemeester voor');

    session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    session.inject(TRAINER, 'vraag-me-inzet', 'released'); // commander: not for the mayor's staff
    storageEventFor(id);
    expect(shownTitles()).toEqual(['22:00 — oudejaarsavond in Lindenburg', 'Staf: bereid de burgemeester voor']);
    expect(screen.getByRole('status')).toHaveTextContent('Nieuw bericht: 22:00 — oudejaarsavond in Lindenburg');
  });

  it('ignores storage events for other keys, and follows the clock the trainer moves', () => {
    const fixture = renderView('everyone');
    fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: 'paraat/exercise/other' }));
    });
    expect(shownTitles()).toEqual([]);
    fixture.session.clock(TRAINER, { type: 'jump', minutes: 5 });
    storageEventFor(fixture.id);
    expect(shownTitles()).toEqual(['22:00 — oudejaarsavond in Lindenburg']);
    expect(screen.getByText('22:05')).toBeInTheDocument();
  });

  it('opens no session: reading leaves the console’s writes working (no conflict)', () => {
    const fixture = renderView('everyone');
    const result = fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    storageEventFor(fixture.id);
    expect(result.outcome).toBe('accepted');
    expect(fixture.session.getState().storage).toEqual({ state: 'saved' });
    expect(fixture.session.inject(TRAINER, 'barricades', 'released').outcome).toBe('accepted');
    expect(fixture.session.getState().storage).toEqual({ state: 'saved' });
  });
});

describe('when there is nothing to show', () => {
  it('says so for an exercise without a scenario', () => {
    const { store, id, clock } = newSession(SETUP);
    render(
      <AudienceView store={store} id={id} audience="everyone" headerControls={null} startHref="#/" now={clock.now} />,
    );
    expect(
      screen.getByText('Deze oefening heeft geen scenario, en dus geen berichten om te tonen.'),
    ).toBeInTheDocument();
  });

  it('says so, with a way back, for an exercise that is not on this device', () => {
    const { store } = scenarioSession();
    render(
      <AudienceView store={store} id="0123456789abcdef" audience="everyone" headerControls={null} startHref="#/" />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Deze oefening staat niet (meer) op dit apparaat.');
    expect(screen.getByRole('link', { name: 'Naar de oefeningen' })).toHaveAttribute('href', '#/');
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    const fixture = scenarioSession();
    fixture.session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    renderView('trainer', fixture);
    expect(screen.getByText('Audience screen · For: Exercise controller')).toBeInTheDocument();
    expect(shownTitles()).toEqual(["22:00 — New Year's Eve in Lindenburg"]);
  });
});
