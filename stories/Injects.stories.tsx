import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AudienceScreen } from '../src/app/screens/AudienceScreen';
import { InjectsPanel } from '../src/features/injects/InjectsPanel';
import { LanguageSwitch } from '../src/features/language/LanguageSwitch';
import type { InjectAudience } from '../src/scenarios';
import { SessionContext, type ExerciseSession } from '../src/session';
import { stored } from '../tests/fixtures/exercise';
import { scenarioSession, TRAINER } from '../tests/fixtures/scenario';

type Fixture = ReturnType<typeof scenarioSession>;
type Loaded = { fixture: Fixture };

/** A Jaarwisseling exercise, set up by real steps through the session, and stored. */
const exercise =
  (steps: (session: ExerciseSession) => void = () => undefined) =>
  async (): Promise<Loaded> => {
    const fixture = scenarioSession();
    steps(fixture.session);
    await stored(fixture.session);
    return { fixture };
  };

const card = (canvasElement: HTMLElement, title: string) => {
  const heading = within(canvasElement).getByRole('heading', { level: 3, name: title });
  const article = heading.closest('article');
  if (!article) throw new Error(`no card for ${title}`);
  return article;
};

/**
 * The trainer's inject queue in the console: the scenario's injects on the
 * exercise clock, each released, held or skipped in the trainer's name (R13),
 * every step logged.
 */
const meta = {
  title: 'Console/Injects',
  component: InjectsPanel,
  args: { trainer: TRAINER, audienceHref: (audience: InjectAudience) => `#/oefening/voorbeeld/publiek/${audience}` },
  render: (args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return (
      <SessionContext.Provider value={fixture.session}>
        <div style={{ maxWidth: '30rem' }}>
          <InjectsPanel {...args} now={fixture.clock.now} />
        </div>
      </SessionContext.Provider>
    );
  },
  loaders: [exercise()],
} satisfies Meta<typeof InjectsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Before the clock starts: the opening inject (offset 0) is due, the rest scheduled; texts folded away. */
export const QueueBeforeStart: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('0 van 17 vrijgegeven')).toBeVisible();
    await expect(card(canvasElement, '22:00 — oudejaarsavond in Lindenburg')).toHaveAccessibleName(/Nu aan de beurt$/);
    await expect(card(canvasElement, 'Vuurwerk naar de brandweer')).toHaveAccessibleName(/Gepland$/);
    await expect(canvas.getByText(/^Het is 31 december, 22:00\./)).not.toBeVisible();
  },
};

/** Ten minutes on, after the opening was released: one inject is due, and the live region says which. */
export const OneDue: Story = {
  loaders: [
    exercise((session) => {
      void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
      void session.clock(TRAINER, { type: 'jump', minutes: 10 });
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const due = canvasElement.querySelector('.injects-panel__due');
    await expect(due).toHaveTextContent('1 inject is aan de beurt: Vuurwerk naar de brandweer');
    const fireworks = card(canvasElement, 'Vuurwerk naar de brandweer');
    await expect(fireworks).toHaveAccessibleName(/Nu aan de beurt$/);
    // Released at once, by the trainer, and logged.
    await userEvent.click(within(fireworks).getByRole('button', { name: /^Nu vrijgeven/ }));
    // Its row in the grid list keeps focus, so the arrow keys still move from there.
    await expect(fireworks.closest('[role="row"]')).toHaveFocus();
    await expect(fireworks).toHaveAccessibleName(/Vrijgegeven om 22:10$/);
    const { fixture } = loaded as Loaded;
    await expect(fixture.session.getState().log.at(-1)).toMatchObject({
      kind: 'inject',
      injectId: 'vuurwerk-naar-brandweer',
      action: 'released',
      by: TRAINER,
    });
    await expect(due).toBeEmptyDOMElement();
  },
};

/** One of each: released (its text shown), held (can still be released), skipped (struck through, in words). */
export const ReleasedHeldSkipped: Story = {
  loaders: [
    exercise((session) => {
      void session.clock(TRAINER, { type: 'jump', minutes: 20 });
      void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
      void session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
      void session.inject(TRAINER, 'vraag-me-inzet', 'skipped');
    }),
  ],
  play: async ({ canvasElement }) => {
    const released = card(canvasElement, '22:00 — oudejaarsavond in Lindenburg');
    await expect(released).toHaveAccessibleName(/Vrijgegeven om 22:20$/);
    await expect(within(released).getByText(/^Het is 31 december, 22:00\./)).toBeVisible();
    await expect(within(released).queryByRole('button')).toBeNull();
    const held = card(canvasElement, 'Vuurwerk naar de brandweer');
    await expect(held).toHaveAccessibleName(/Aangehouden$/);
    await expect(within(held).getByRole('button', { name: /^Nu vrijgeven/ })).toBeVisible();
    await expect(card(canvasElement, 'Het basisteam houdt het niet meer')).toHaveAccessibleName(/Overgeslagen$/);
  },
};

/** The mayor's water-cannon decision point is due: marked, and what is expected stays with the trainer until asked. */
export const DecisionPoint: Story = {
  loaders: [
    exercise((session) => {
      const earlier = session
        .getState()
        .head.setup.scenario?.injects.filter((inject) => inject.offsetMinutes < 140)
        .map((inject) => inject.id);
      for (const id of earlier ?? []) void session.inject(TRAINER, id, 'released');
      void session.clock(TRAINER, { type: 'jump', minutes: 140 });
    }),
  ],
  play: async ({ canvasElement }) => {
    const decision = card(canvasElement, 'De commandant vraagt om inzet van de waterwerper');
    await expect(decision).toHaveAccessibleName(/Nu aan de beurt$/);
    await expect(within(decision).getByText('Beslismoment: waterwerper')).toBeVisible();
    const expects = within(decision).getByText(/De burgemeester van Lindenburg/);
    await expect(expects).not.toBeVisible();
    await userEvent.click(within(decision).getByText('Tekst vooraf lezen'));
    await expect(expects).toBeVisible();
    // The list scrolled itself (not the page) to what is due: the card is inside the list's visible part.
    const list = canvasElement.querySelector('.injects-panel__scroller');
    if (!list) throw new Error('no scrolling list');
    await expect(list.scrollTop).toBeGreaterThan(0);
    const visible = list.getBoundingClientRect();
    const top = decision.getBoundingClientRect().top;
    await expect(top >= visible.top && top < visible.bottom).toBe(true);
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  loaders: [
    exercise((session) => {
      void session.clock(TRAINER, { type: 'jump', minutes: 10 });
      void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('1 of 17 released')).toBeVisible();
    await expect(card(canvasElement, 'Fireworks thrown at the fire brigade')).toHaveAccessibleName(/Due now$/);
    await expect(canvas.getByRole('link', { name: /^Mayor and staff — audience screen/ })).toBeVisible();
  },
};

// The audience's screen: read from storage, as a second tab would (a sibling repository on the same
// database hears the console's commits, as BroadcastChannel carries them between tabs).

type AudienceLoaded = Loaded & { audienceStore: ReturnType<Fixture['repository']['sibling']> };

const audienceStory = (audience: InjectAudience, steps?: (session: ExerciseSession) => void): Story => ({
  parameters: { layout: 'fullscreen' },
  loaders: [
    async (): Promise<AudienceLoaded> => {
      const loaded = await exercise(steps)();
      return { ...loaded, audienceStore: loaded.fixture.repository.sibling() };
    },
  ],
  render: (_args, { loaded }) => {
    const { fixture, audienceStore } = loaded as AudienceLoaded;
    return (
      <AudienceScreen
        store={audienceStore}
        id={fixture.id}
        audience={audience}
        headerControls={<LanguageSwitch />}
        startHref="#/"
        now={fixture.clock.now}
      />
    );
  },
});

/** The room's screen for everyone: released injects in large type, newest first; it follows the console live. */
export const AudienceEveryone: Story = {
  ...audienceStory('everyone', (session) => {
    void session.clock(TRAINER, { type: 'jump', minutes: 10 });
    void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    void session.inject(TRAINER, 'vraag-me-inzet', 'released'); // for the commander only
  }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const titles = () => canvas.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    await waitFor(() => expect(titles()).toEqual(['22:00 — oudejaarsavond in Lindenburg']));
    // The console, in another tab, releases an inject: the repository tells this tab, which reads it.
    const { fixture } = loaded as Loaded;
    await expect(await fixture.session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'released')).toMatchObject({
      outcome: 'accepted',
    });
    await waitFor(() =>
      expect(titles()).toEqual(['Vuurwerk naar de brandweer', '22:00 — oudejaarsavond in Lindenburg']),
    );
    await expect(canvas.getByRole('status')).toHaveTextContent('Nieuw bericht: Vuurwerk naar de brandweer');
  },
};

/** The mayor and staff: their own injects and everyone's, nothing for the commander. */
export const AudienceMayorStaff: Story = {
  ...audienceStory('mayorStaff', (session) => {
    void session.clock(TRAINER, { type: 'jump', minutes: 50 });
    void session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    void session.inject(TRAINER, 'vraag-me-inzet', 'released');
    void session.inject(TRAINER, 'staf-bereidt-voor', 'released');
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
        'Staf: bereid de burgemeester voor',
        '22:00 — oudejaarsavond in Lindenburg',
      ]),
    );
    await expect(canvas.getByText('Publieksscherm · Voor: Burgemeester en staf')).toBeVisible();
  },
};

/** Nothing released yet: the screen says so, and that it fills itself. */
export const AudienceNothingYet: Story = {
  ...audienceStory('commander'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Nog niets vrijgegeven voor dit publiek/)).toBeVisible();
  },
};
