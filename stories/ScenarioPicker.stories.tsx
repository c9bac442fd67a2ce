import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { NewExerciseForm } from '../src/features/exercises/NewExerciseForm';
import { ScenarioPicker } from '../src/features/exercises/ScenarioPicker';
import { builtInScenario, type BuiltInId } from '../tests/fixtures/scenario';

/** The built-in files as the app would fetch them (the fixture reads the same files from public/scenarios). */
const loadBuiltIn = (file: string) =>
  Promise.resolve(JSON.stringify(builtInScenario(file.replace(/^scenarios\/|\.json$/g, '') as BuiltInId)));

const NOW = Date.parse('2026-11-28T12:00:00Z');

/**
 * Starting an exercise from a scenario: a built-in one, a file of the
 * trainer's own (every error named by its field), or none.
 */
const meta = {
  title: 'Exercises/ScenarioPicker',
  component: ScenarioPicker,
  args: { scenario: null, onChoose: fn(), loadBuiltIn },
  decorators: [
    (Story) => (
      <div className="new-exercise panel">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ScenarioPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing chosen: the three built-in scenarios, a file, or none. */
export const NoneChosen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /^Zonder scenario/ })).toBeChecked();
    await expect(canvas.getAllByRole('radio')).toHaveLength(5);
    await expect(canvas.queryByLabelText(/^Scenariobestand/)).toBeNull();
  },
};

/** Picking Jaarwisseling: read, checked, handed to the form; the status says what was filled in. */
export const PickBuiltIn: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Jaarwisseling' }));
    await expect(await canvas.findByText(/Scenario ‘Jaarwisseling’ geladen/)).toBeVisible();
    await expect(args.onChoose).toHaveBeenCalledWith(builtInScenario('jaarwisseling'), 'jaarwisseling');
  },
};

/** A file with mistakes: each error names its field path, so the trainer can fix the file. */
export const FileWithErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: /^Eigen scenariobestand/ }));
    const broken = { format: 'paraat.scenario/1', id: 'Mijn Scenario', startTime: '2026-02-30T10:00', injects: [{}] };
    await userEvent.upload(
      canvas.getByLabelText(/^Scenariobestand/),
      new File([JSON.stringify(broken)], 'mijn-scenario.json', { type: 'application/json' }),
    );
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/‘mijn-scenario\.json’ is geen bruikbaar scenario/);
    const paths = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    await expect(paths).toEqual(expect.arrayContaining(['id', 'startTime', 'injects[0].offsetMinutes', 'cast']));
    await expect(alert).toHaveTextContent(/Het veld startTime moet een bestaande datum en tijd zijn/);
    await expect(args.onChoose).not.toHaveBeenCalledWith(expect.anything(), 'file');
  },
};

/** A built-in scenario that cannot be fetched (offline before the app was cached): said, with what to do. */
export const FetchFailed: Story = {
  args: { loadBuiltIn: () => Promise.reject(new Error('HTTP 503')) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Demonstratie loopt uit de hand' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Het scenario ‘Demonstratie loopt uit de hand’ kon niet worden geladen (HTTP 503). Probeer het opnieuw, of laad het als bestand.',
    );
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: "New Year's Eve" }));
    await expect(await canvas.findByText(/Scenario ‘New Year's Eve’ loaded/)).toBeVisible();
  },
};

/**
 * In the new-exercise form: the demonstration scenario prefills everything,
 * shows its description and learning objectives, and brings its own cast —
 * the neighbouring mayor included, marked as not competent here (R5).
 */
export const InTheForm: Story = {
  decorators: [],
  render: (args) => (
    <NewExerciseForm now={NOW} onCreate={fn()} onCancel={fn()} loadBuiltIn={args.loadBuiltIn ?? loadBuiltIn} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Demonstratie loopt uit de hand' }));
    await waitFor(() =>
      expect(canvas.getByLabelText(/Titel van de oefening/)).toHaveValue('Demonstratie loopt uit de hand'),
    );
    const summary = canvas.getByRole('region', { name: 'Over dit scenario: Demonstratie loopt uit de hand' });
    await expect(within(summary).getByRole('heading', { name: 'Leerdoelen' })).toBeVisible();
    await expect(canvas.getByLabelText(/^Burgemeester van Dalstad/)).toHaveAccessibleDescription(/\(R5\)/);
    await expect(canvas.getByRole('radio', { name: /^Fase 2/ })).toBeChecked();
  },
};
