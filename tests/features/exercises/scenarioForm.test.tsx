import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NewExerciseForm } from '../../../src/features/exercises/NewExerciseForm';
import { setupFromScenario, castRowsOf } from '../../../src/features/exercises/scenarioCast';
import { i18n } from '../../../src/i18n';
import type { ExerciseSetup } from '../../../src/session';
import { builtInScenario, scenarioSetup } from '../../fixtures/scenario';
import { builtInText, minimalScenario } from '../../scenarios/helpers';

const NOW = Date.parse('2026-11-28T12:00:00Z');

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderForm({
  initial,
  loadBuiltIn = (file: string) => Promise.resolve(builtInText(file)),
}: { initial?: ExerciseSetup; loadBuiltIn?: (file: string) => Promise<string> } = {}) {
  const onCreate = vi.fn<(setup: ExerciseSetup) => void>();
  const user = userEvent.setup();
  render(
    <NewExerciseForm
      now={NOW}
      onCreate={onCreate}
      onCancel={() => undefined}
      loadBuiltIn={loadBuiltIn}
      {...(initial ? { initial } : {})}
    />,
  );
  return { onCreate, user };
}

const picker = () => screen.getByRole('group', { name: /^Scenario/ });

/** What the start-time field shows, its parts read as one line. */
const startTimeShown = (label: RegExp = /^Starttijd van de oefening/) =>
  screen.getByRole('group', { name: label }).textContent.replace(/[\u200e\u200f\u2066-\u2069]/g, '');

async function pick(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(within(picker()).getByRole('radio', { name: new RegExp(`^${name}`) }));
  await screen.findByText(/geladen\. Titel, gemeente/);
}

// Typing into the form takes a while with user-event on a shared two-core machine (see ExercisesScreen.test).
describe('starting a new exercise from a scenario', { timeout: 20_000 }, () => {
  it('offers no scenario, the three built-in ones and a file; none is chosen at first', () => {
    renderForm();
    const options = within(picker()).getAllByRole('radio');
    expect(options.map((option) => option.closest('label')?.textContent)).toEqual([
      'Zonder scenarioU vult alles zelf in; de oefening heeft dan geen injects.',
      'GGP-GO in de wijk',
      'Jaarwisseling',
      'Demonstratie loopt uit de hand',
      'Eigen scenariobestand (JSON)',
    ]);
    expect(options[0]).toBeChecked();
    expect(screen.getByLabelText(/^Officier van justitie/)).toHaveValue('');
  });

  it('prefills everything from Jaarwisseling, shows what the scenario is about, and keeps the scenario whole', async () => {
    const { user, onCreate } = renderForm();
    await pick(user, 'Jaarwisseling');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Scenario ‘Jaarwisseling’ geladen. Titel, gemeente, rollen, starttijd en startfase zijn ingevuld; u kunt ze nog aanpassen.',
    );
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('Jaarwisseling');
    expect(screen.getByLabelText(/^Gemeente/)).toHaveValue('Lindenburg');
    expect(screen.getByLabelText(/^Burgemeester/)).toHaveValue('Ingrid Scholten');
    expect(screen.getByLabelText(/^Oefenleider/)).toHaveValue('Petra de Wit');
    expect(screen.getByLabelText('Waarnemer 1')).toHaveValue('Martijn Kok');
    expect(screen.getByLabelText('Waarnemer 1')).toHaveAccessibleDescription('In het scenario: evaluator.');
    // The person in the field, their position from the scenario beside it (issue #12).
    expect(screen.getByLabelText(/^Commandant/)).toHaveValue('Jeroen Visser');
    expect(screen.getByLabelText(/^Commandant/)).toHaveAccessibleDescription(
      'In het scenario: Algemeen Commandant SGBO.',
    );
    expect(startTimeShown()).toBe('31-12-2026, 22:00');
    expect(screen.getByRole('radio', { name: /^Fase 2/ })).toBeChecked();

    const summary = screen.getByRole('region', { name: 'Over dit scenario: Jaarwisseling' });
    expect(summary).toHaveTextContent(/Oudejaarsavond in Lindenburg, een verzonnen middelgrote stad/);
    expect(summary).toHaveTextContent('17 injects over 210 minuten oefentijd, waarvan 6 beslismomenten');
    expect(within(summary).getByRole('heading', { name: 'Leerdoelen' })).toBeInTheDocument();
    expect(within(summary).getAllByText('aanname').length).toBe(6);

    // Still editable.
    await user.clear(screen.getByLabelText(/^Burgemeester/));
    await user.type(screen.getByLabelText(/^Burgemeester/), 'Marieke de Boer');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    const scenario = builtInScenario('jaarwisseling');
    expect(onCreate).toHaveBeenCalledOnce();
    const setup = onCreate.mock.calls[0]?.[0];
    expect(setup).toMatchObject({ title: 'Jaarwisseling', municipality: 'Lindenburg', startPhase: 2 });
    expect(setup?.scenarioId).toBe('jaarwisseling');
    expect(setup?.scenario).toEqual(scenario);
    expect(setup?.startTime).toBe('2026-12-31T22:00');
    expect(setup?.cast).toEqual([
      { id: 'burgemeester', role: 'mayor', name: 'Marieke de Boer', municipality: 'Lindenburg' },
      {
        id: 'locoburgemeester',
        role: 'locoMayor',
        name: 'Bram Hofstede',
        position: { nl: 'wethouder', en: 'alderman' },
        municipality: 'Lindenburg',
      },
      {
        id: 'commandant',
        role: 'commander',
        name: 'Jeroen Visser',
        position: { nl: 'Algemeen Commandant SGBO', en: 'Overall Commander, SGBO' },
      },
      {
        id: 'officier',
        role: 'prosecutor',
        name: 'Samira Haddou',
        position: { nl: 'officier van justitie', en: 'public prosecutor' },
      },
      { id: 'oefenleider', role: 'trainer', name: 'Petra de Wit' },
      { id: 'evaluator', role: 'observer', name: 'Martijn Kok', position: { nl: 'evaluator', en: 'evaluator' } },
    ]);
  });

  it('says which scenario is loaded in the UI’s language, also after switching (issue #12)', async () => {
    const { user } = renderForm();
    await pick(user, 'Jaarwisseling');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('status')).toHaveTextContent(/^✓ Scenario ‘New Year's Eve’ loaded\./);
    expect(screen.getByRole('region', { name: "About this scenario: New Year's Eve" })).toBeInTheDocument();
    expect(startTimeShown(/^Exercise start time/)).toBe('31/12/2026, 22:00');
  });

  it('keeps a mayor of another municipality as such, says they are not competent here (R5), and moves the local mayors along', async () => {
    const { user, onCreate } = renderForm();
    await pick(user, 'Demonstratie loopt uit de hand');
    const dalstad = screen.getByLabelText(/^Burgemeester van Dalstad/);
    expect(dalstad).toHaveValue('Frank Dekker');
    expect(dalstad).toHaveAccessibleDescription(
      /^In het scenario: regioburgemeester\. Hoort bij Dalstad, niet bij de gemeente van de oefening.*\(R5\)/,
    );
    await user.clear(screen.getByLabelText(/^Gemeente/));
    await user.type(screen.getByLabelText(/^Gemeente/), 'Zuidwijk');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    const cast = onCreate.mock.calls[0]?.[0].cast ?? [];
    expect(cast.filter((member) => member.role === 'mayor' || member.role === 'locoMayor')).toEqual([
      { id: 'burgemeester', role: 'mayor', name: 'Annelies Brouwer', municipality: 'Zuidwijk' },
      {
        id: 'locoburgemeester',
        role: 'locoMayor',
        name: 'Koen Wijnands',
        position: { nl: 'wethouder', en: 'alderman' },
        municipality: 'Zuidwijk',
      },
      {
        id: 'regioburgemeester-dalstad',
        role: 'mayor',
        name: 'Frank Dekker',
        position: { nl: 'regioburgemeester', en: 'regional mayor' },
        municipality: 'Dalstad',
      },
    ]);
  });

  it('asks only for the roles the scenario has, and a name for each', async () => {
    const { user, onCreate } = renderForm();
    await pick(user, 'GGP-GO in de wijk');
    expect(screen.queryByLabelText(/^Officier van justitie/)).toBeNull();
    expect(screen.queryByLabelText(/^Locoburgemeester/)).toBeNull();
    const commander = screen.getByLabelText(/^Commandant/);
    await user.clear(commander);
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(commander).toHaveFocus();
    expect(commander).toBeInvalid();
    expect(commander).toHaveAccessibleDescription(
      'In het scenario: OvD-P basisteam Wielsum. Vul een naam in voor deze rol.',
    );
    await user.type(commander, 'Rachid Benali');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate.mock.calls[0]?.[0].cast.map((member) => member.role)).toEqual([
      'mayor',
      'commander',
      'trainer',
      'observer',
    ]);
  });

  it('goes back to no scenario with the names in the role fields they belong to', async () => {
    const { user, onCreate } = renderForm();
    await pick(user, 'Jaarwisseling');
    await user.click(within(picker()).getByRole('radio', { name: /^Zonder scenario/ }));
    expect(screen.getByRole('status')).toHaveTextContent('Geen scenario gekozen.');
    expect(screen.queryByRole('region', { name: /Over dit scenario/ })).toBeNull();
    expect(screen.getByLabelText(/^Officier van justitie/)).toHaveValue('Samira Haddou');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    const setup = onCreate.mock.calls[0]?.[0];
    expect(setup?.scenario).toBeUndefined();
    // Without the scenario, its positions go too: the roles are the form's own.
    expect(setup?.cast.some((member) => 'position' in member)).toBe(false);
    expect(setup?.scenarioId).toBeUndefined();
    expect(setup?.cast.map((member) => member.id)).toEqual([
      'mayor',
      'locoMayor',
      'commander',
      'prosecutor',
      'trainer',
      'observer-1',
    ]);
  });

  it('says so when a built-in scenario cannot be loaded', async () => {
    const { user } = renderForm({ loadBuiltIn: () => Promise.reject(new Error('HTTP 404')) });
    await user.click(within(picker()).getByRole('radio', { name: /^Jaarwisseling/ }));
    expect(await within(picker()).findByRole('alert')).toHaveTextContent(
      'Het scenario ‘Jaarwisseling’ kon niet worden geladen (HTTP 404). Probeer het opnieuw, of laad het als bestand.',
    );
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('');
  });

  it('starts again from a kept set-up with its scenario (after a save that failed)', () => {
    renderForm({ initial: scenarioSetup('demonstratie-loopt-uit-de-hand') });
    expect(within(picker()).getByRole('radio', { name: /^Demonstratie/ })).toBeChecked();
    expect(screen.getByRole('region', { name: /Over dit scenario/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Burgemeester van Dalstad/)).toBeInTheDocument();
  });
});

describe('a scenario file of the trainer’s own', () => {
  const upload = async (user: ReturnType<typeof userEvent.setup>, text: string, name = 'scenario.json') => {
    await user.click(within(picker()).getByRole('radio', { name: /^Eigen scenariobestand/ }));
    await user.upload(screen.getByLabelText(/^Scenariobestand/), new File([text], name, { type: 'application/json' }));
  };

  it('is read and checked, and prefills the form', async () => {
    const { user } = renderForm();
    await upload(user, JSON.stringify(minimalScenario()));
    await screen.findByText(/Scenario ‘Proef’ geladen/);
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('Proef');
    expect(screen.getByLabelText(/^Gemeente/)).toHaveValue('Wielsum');
  });

  it('names every error by its field, clearly', async () => {
    const { user } = renderForm();
    const broken = minimalScenario();
    broken.municipality = 42;
    (broken.injects as Record<string, unknown>[])[0] = { id: 'x', offsetMinutes: -5 };
    await upload(user, JSON.stringify(broken), 'kapot.json');
    const alert = await within(picker()).findByRole('alert');
    expect(alert).toHaveTextContent(
      /^⚠ Het bestand ‘kapot\.json’ is geen bruikbaar scenario\. Verbeter in het bestand:/,
    );
    const paths = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(paths).toContain('municipality');
    expect(paths).toContain('injects[0].offsetMinutes');
    expect(alert).toHaveTextContent(/Het veld municipality moet tekst zijn, maar is het getal 42\./);
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('');
  });

  it('says where broken JSON breaks', async () => {
    const { user } = renderForm();
    await upload(user, '{ "format": "paraat.scenario/1", }');
    const alert = await within(picker()).findByRole('alert');
    expect(within(alert).getByText('Het hele bestand')).toBeInTheDocument();
    expect(alert).toHaveTextContent(/geen geldige JSON/);
  });
});

describe('the cast of a scenario exercise', () => {
  it('gives new observers ids that do not clash with the scenario’s', () => {
    const setup = scenarioSetup('jaarwisseling');
    const { rows, observers } = castRowsOf(setup);
    const made = setupFromScenario({
      title: ' Jaarwisseling ',
      municipality: 'Lindenburg',
      startTime: '2026-12-31T22:00',
      startPhase: 2,
      rows,
      observers: [...observers, { name: ' Eva ' }, { name: '  ' }, { id: 'commandant', name: 'Dubbel' }],
      scenario: builtInScenario('jaarwisseling'),
    });
    expect(made.title).toBe('Jaarwisseling');
    expect(made.cast.filter((member) => member.role === 'observer')).toEqual([
      { id: 'evaluator', role: 'observer', name: 'Martijn Kok', position: { nl: 'evaluator', en: 'evaluator' } },
      { id: 'observer-1', role: 'observer', name: 'Eva' },
      { id: 'observer-2', role: 'observer', name: 'Dubbel' },
    ]);
  });
});
