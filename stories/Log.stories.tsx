import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ExerciseLog } from '../src/features/log/ExerciseLog';
import { outcomeOf } from '../src/features/log/describeEntry';
import { LogView } from '../src/features/log/LogView';
import { SessionContext, type ExerciseSession, type LogEntry } from '../src/session';
import { BY, longLogSession, newSession, riotControlSession } from '../tests/fixtures/exercise';

interface Loaded {
  session: ExerciseSession;
}
const sessionOf = (loaded: unknown) => (loaded as Loaded).session;

const meta = {
  title: 'Console/Log',
  component: ExerciseLog,
  args: { actingAs: BY.trainer },
  render: (args, { loaded }) => (
    <SessionContext.Provider value={sessionOf(loaded)}>
      <ExerciseLog {...args} />
    </SessionContext.Provider>
  ),
  loaders: [() => ({ session: riotControlSession().session })],
} satisfies Meta<typeof ExerciseLog>;
export default meta;
type Story = StoryObj<typeof meta>;

const row = (canvasElement: HTMLElement, seq: number) =>
  canvasElement.querySelector<HTMLElement>(`article[data-seq="${String(seq)}"]`);
/** Whether the row is wholly inside the scroller's view (to the pixel, as a virtualiser rounds). */
const inView = (scroller: HTMLElement, element: HTMLElement | null) => {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
};
const scrollerOf = (canvasElement: HTMLElement) => {
  const scroller = canvasElement.querySelector<HTMLElement>('.log__scroller');
  if (!scroller) throw new Error('No log scroller');
  return scroller;
};

/** Nothing logged yet: a plain sentence instead of an empty feed. */
export const Empty: Story = {
  render: () => <LogView entries={[]} canAnnotate onAnnotate={fn()} onCorrect={fn()} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Nog geen regels in het logboek.')).toBeVisible();
    await expect(canvas.getByText('0 van 0 regels')).toBeVisible();
    await expect(canvas.queryByRole('feed')).toBeNull();
  },
};

/**
 * The riot-control run: four escalations, the water cannon refused (R3), a
 * neighbouring mayor refused (R5), the tear agent refused (R4), then both
 * decisions and both means; the tear agent marked as a pilot case (R11).
 * Opens at the newest entry; a new attempt appears and is announced.
 */
export const RiotControlRun: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('13 van 13 regels')).toBeVisible();
    await expect(canvas.getByRole('feed', { name: 'Logboek' })).toBeVisible();

    const last = await waitFor(() => {
      const element = row(canvasElement, 13);
      if (!element) throw new Error('newest entry not rendered');
      return element;
    });
    await waitFor(() => expect(last).toBeVisible());
    await expect(last).toHaveTextContent('Traanverwekkende stof toegevoegd');
    await expect(last).toHaveTextContent('Uitgevoerd');
    await expect(last).toHaveTextContent('Pilotinzet');
    await expect(last).toHaveTextContent('R11');
    await expect(last).toHaveTextContent('Gestart: traanverwekkende stof in de waterwerper');
    await expect(last).toHaveTextContent('Commandant Cdt. Pieter de Vries');
    await expect(last).toHaveTextContent('Oefentijd: 31-12 22:00:00');

    const refusedR4 = row(canvasElement, 11);
    await expect(refusedR4).not.toBeNull();
    await expect(refusedR4).toHaveTextContent('Geweigerd');
    await expect(refusedR4).toHaveTextContent('R4');
    await expect(refusedR4).toHaveTextContent('Traanverwekkende stof vraagt een eigen, apart besluit');

    // Keyboard: Home goes to the first entry; the R3 refusal is reached from there.
    last.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(row(canvasElement, 1)).toHaveFocus());
    for (let step = 0; step < 5; step++) await userEvent.keyboard('{ArrowDown}');
    const refusedR3 = row(canvasElement, 6);
    await waitFor(() => expect(refusedR3).toHaveFocus());
    await expect(refusedR3).toHaveTextContent('Waterwerper inzetten geprobeerd');
    await expect(refusedR3).toHaveTextContent('Waterwerper alleen met besluit van de burgemeester');
    await expect(within(refusedR3 as HTMLElement).getByText('R3')).toHaveClass('rule-id');
    const phaseChange = row(canvasElement, 5);
    await expect(phaseChange).toHaveTextContent('Fase 4 (ME specialistisch) → 5 (Riot control)');

    // A new attempt arrives: it is announced politely and the log follows it to the end.
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(row(canvasElement, 13)).toHaveFocus());
    await sessionOf(loaded).dispatch({
      type: 'mayor.decide',
      by: BY.prosecutor,
      subject: 'waterCannon',
      verdict: 'refused',
      grounds: 'Niet proportioneel',
    });
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/^Geweigerd: R\d+ /));
    await waitFor(() => expect(row(canvasElement, 14)).toBeVisible());
    await expect(canvas.getByText('14 van 14 regels')).toBeVisible();
  },
};

/** Only the refusals, each with its rule, the rule's title and the model's message. */
export const RefusedOnly: Story = {
  args: { initialFilter: { kind: 'refusals' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('3 van 13 regels')).toBeVisible();
    await expect(canvas.getByLabelText('Soort')).toHaveValue('refusals');
    const rows = await waitFor(() => {
      const found = canvasElement.querySelectorAll('article');
      if (found.length !== 3) throw new Error(`expected 3 rows, found ${String(found.length)}`);
      return [...found];
    });
    await expect(rows.map((element) => element.querySelector('.rule-id')?.textContent)).toEqual(['R3', 'R5', 'R4']);
    await expect(rows[1]).toHaveTextContent('Alleen de bevoegde burgemeester besluit');
    await expect(rows[1]).toHaveTextContent('Burgemeester Joris Vermeulen');
    for (const element of rows) await expect(element).toHaveAttribute('aria-setsize', '3');

    await userEvent.selectOptions(canvas.getByLabelText('Rol'), 'mayor');
    await expect(canvas.getByText('1 van 13 regels')).toBeVisible();
  },
};

/** Notes and a correction sit under the entry they refer to, and in sequence; a new note goes through a dialog. */
export const WithNotesAndCorrection: Story = {
  loaders: [
    () => {
      const { session } = riotControlSession();
      void session.annotate(BY.observer, 'Pilotinzet: let op de afstand tot omstanders', 13);
      void session.annotate(BY.trainer, 'Commandant probeerde de stof vóór het besluit', 11);
      void session.correct(BY.trainer, 'Bedoeld: vóór het aparte besluit over de stof (R4)', 15);
      return { session };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('16 van 16 regels')).toBeVisible();
    const pilot = await waitFor(() => {
      const element = row(canvasElement, 13);
      if (!element) throw new Error('entry 13 not rendered');
      return element;
    });
    const attached = within(pilot).getByRole('list', { name: 'Aantekeningen en correcties bij regel 13' });
    await expect(attached).toHaveTextContent('Aantekening van Youssef el Amrani');
    await expect(attached).toHaveTextContent('let op de afstand tot omstanders');

    const refused = row(canvasElement, 11);
    await expect(refused).toHaveTextContent('Aantekening van Karin Jansen');
    await expect(refused).toHaveTextContent('Correctie van Karin Jansen op #15');
    await expect(refused).toHaveTextContent('Bedoeld: vóór het aparte besluit');

    await expect(row(canvasElement, 16)).toHaveTextContent('Correctie op #15: Bedoeld:');
    await expect(row(canvasElement, 14)).toHaveTextContent('Aantekening bij #13');

    // Add a note through the dialog; focus returns to the button that opened it.
    const button = within(pilot).getByRole('button', { name: 'Aantekening… bij regel 13' });
    await userEvent.click(button);
    const dialog = within(document.body).getByRole('dialog', { name: 'Aantekening bij regel 13' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await expect(within(dialog).getByText('Schrijf eerst een tekst.')).toBeVisible();
    await userEvent.type(within(dialog).getByLabelText(/Tekst/), 'Tweede waarnemer bevestigt');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(canvas.getByText('17 van 17 regels')).toBeVisible();
    await waitFor(() => expect(row(canvasElement, 13)).toHaveTextContent('Tweede waarnemer bevestigt'));
    await waitFor(() =>
      expect(
        within(row(canvasElement, 13) as HTMLElement).getByRole('button', { name: 'Aantekening… bij regel 13' }),
      ).toHaveFocus(),
    );
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Nieuwe regel: Aantekening bij #13: Tweede waarnemer bevestigt',
    );
  },
};

/** The commander reads the log but writes no notes in it (R13): no note buttons. */
export const ReadOnlyForCommander: Story = {
  args: { actingAs: BY.commander },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(row(canvasElement, 13)).not.toBeNull());
    await expect(canvas.queryAllByRole('button', { name: /Aantekening…|Correctie…/ })).toHaveLength(0);
  },
};

/** 2,001 entries: only the rows in view are in the DOM; scrolling to the end reveals the last. */
export const LongLog: Story = {
  loaders: [() => ({ session: longLogSession(2000).session })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('2001 van 2001 regels')).toBeVisible();
    await waitFor(() => expect(row(canvasElement, 2001)).not.toBeNull());
    await expect(canvasElement.querySelectorAll('article').length).toBeLessThan(40);

    const scroller = scrollerOf(canvasElement);
    scroller.scrollTop = 0;
    await waitFor(() => expect(row(canvasElement, 1)).not.toBeNull());
    await expect(row(canvasElement, 2001)).toBeNull();
    await expect(canvasElement.querySelectorAll('article').length).toBeLessThan(40);
    await expect(row(canvasElement, 1)).toHaveAttribute('aria-setsize', '2001');

    // Scrolled away from the end, a new entry does not pull the reader down.
    await sessionOf(loaded).annotate(BY.trainer, 'Nieuwe regel onderaan');
    await expect(await canvas.findByText('2002 van 2002 regels')).toBeVisible();
    await expect(row(canvasElement, 1)).not.toBeNull();
    await expect(scroller.scrollTop).toBeLessThan(200);

    // Scroll to the end (again as the rows are measured) until the last entry shows.
    await waitFor(
      () => {
        scroller.scrollTop = scroller.scrollHeight;
        const last = row(canvasElement, 2002);
        if (!last) throw new Error('last entry not rendered yet');
        if (last.getBoundingClientRect().bottom > scroller.getBoundingClientRect().bottom + 1)
          throw new Error('last entry not in view yet');
      },
      { timeout: 5000 },
    );
    await expect(row(canvasElement, 2002)).toHaveTextContent('Aantekening: Nieuwe regel onderaan');
    await expect(canvasElement.querySelectorAll('article').length).toBeLessThan(40);
  },
};

/** The log as a list of 10,000 entries (copies of a long run, renumbered): still only a screenful in the DOM. */
export const TenThousandEntries: Story = {
  loaders: [
    () => {
      const source = longLogSession(400).session.getState().log;
      const entries: LogEntry[] = Array.from({ length: 10_000 }, (_, index) => {
        const entry = source[index % source.length] as LogEntry;
        return { ...entry, seq: index + 1 };
      });
      return { entries };
    },
  ],
  render: (_args, { loaded }) => (
    <LogView
      entries={(loaded as { entries: LogEntry[] }).entries}
      canAnnotate={false}
      onAnnotate={fn()}
      onCorrect={fn()}
    />
  ),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const scroller = scrollerOf(canvasElement);
    await expect(canvas.getByText('10000 van 10000 regels')).toBeVisible();
    // It opens at the newest entry, its bottom in view, the oldest nowhere in the DOM.
    await waitFor(() => expect(inView(scroller, row(canvasElement, 10_000))).toBe(true));
    await expect(row(canvasElement, 1)).toBeNull();
    await expect(canvasElement.querySelectorAll('article').length).toBeLessThan(40);

    // Keyboard: Home reaches the oldest entry, End the newest again.
    row(canvasElement, 10_000)?.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(row(canvasElement, 1)).toHaveFocus());
    await waitFor(() => expect(inView(scroller, row(canvasElement, 1))).toBe(true));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(row(canvasElement, 10_000)).toHaveFocus());
    await waitFor(() => expect(inView(scroller, row(canvasElement, 10_000))).toBe(true));

    // A filter goes back to the newest entry it shows.
    const { entries } = loaded as { entries: LogEntry[] };
    const lastRefused = entries.findLast((entry) => outcomeOf(entry) === 'refused');
    if (!lastRefused) throw new Error('no refusal among the entries');
    await userEvent.selectOptions(canvas.getByLabelText('Uitkomst'), 'refused');
    await waitFor(() => expect(inView(scroller, row(canvasElement, lastRefused.seq))).toBe(true));
    await expect(row(canvasElement, lastRefused.seq)).toHaveTextContent('Geweigerd');
    await expect(canvasElement.querySelectorAll('article').length).toBeLessThan(40);
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  args: { initialFilter: { outcome: 'refused' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // English is loaded when it is chosen: the heading changes once it is in.
    await expect(await canvas.findByRole('heading', { name: 'Log' })).toBeVisible();
    await expect(canvas.getByText('3 of 13 entries')).toBeVisible();
    const first = await waitFor(() => {
      const element = row(canvasElement, 6);
      if (!element) throw new Error('entry 6 not rendered');
      return element;
    });
    await expect(first).toHaveTextContent('Refused');
    await expect(first).toHaveTextContent('Tried to deploy the water cannon');
    await expect(first).toHaveTextContent('Water cannon needs the mayor');
    await expect(first).toHaveTextContent('Commander Cdt. Pieter de Vries');
  },
};

/** A fresh exercise: one entry, saying it was created. */
export const NewExercise: Story = {
  loaders: [() => ({ session: newSession().session })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('1 van 1 regel')).toBeVisible();
    await waitFor(() => expect(row(canvasElement, 1)).toHaveTextContent('Oefening aangemaakt'));
    await expect(row(canvasElement, 1)).toHaveTextContent('Oefenleider Karin Jansen');
  },
};
