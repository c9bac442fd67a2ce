import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DebriefScreen } from '../src/app/screens/DebriefScreen';
import { deviceTokenKey } from '../src/app/screens/JoinScreen';
import { LiveDebrief } from '../src/app/screens/LiveScreen';
import { LiveExerciseList } from '../src/features/live/LiveExerciseList';
import type { ExerciseRepository } from '../src/session';
import { comparisonStore } from '../tests/features/debrief/fixtures';
import { UploadPanel, type UploadOutcome, type UploadPanelProps } from '../src/features/live/UploadPanel';

type UploadLocal = UploadPanelProps['onUploadLocal'];
type UploadFile = UploadPanelProps['onUploadFile'];

/** Moving between the modes (issue #14 item 8): a local exercise uploaded to the server, a live one downloaded or debriefed. */
const LOCAL = [
  {
    id: 'a1b2c3d4e5f60718',
    title: 'Jaarwisseling Utrecht-Centrum',
    entries: 42,
    updatedAt: '2026-12-31T23:40:00.000Z',
  },
  { id: 'b1b2c3d4e5f60718', title: 'Demonstratie Malieveld', entries: 7, updatedAt: '2026-12-01T15:05:00.000Z' },
];

const uploaded: UploadOutcome = {
  ok: true,
  id: 'c0ffee00c0ffee00',
  title: 'Jaarwisseling Utrecht-Centrum',
  length: 42,
  renumbered: false,
};
const refused: UploadOutcome = {
  ok: false,
  message:
    'Deze oefening is niet geüpload: het bestand is niet te lezen of niet te vertrouwen. Er is niets opgeslagen.',
  problems: [
    'Regel 9 is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.',
    // Text from a file is shown as text, never as markup.
    'Het veld head.setup.title <img src=x onerror=alert(1)> is te lang.',
  ],
};

const meta = {
  title: 'Live/UploadPanel',
  component: UploadPanel,
  args: {
    local: LOCAL,
    onUploadLocal: fn<UploadLocal>(() => Promise.resolve(uploaded)),
    onUploadFile: fn<UploadFile>(() => Promise.resolve(uploaded)),
    onUploaded: fn(),
    openHref: (id: string) => `#/live/${id}`,
  },
} satisfies Meta<typeof UploadPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** This device's exercises, each with its own labelled button; reached by keyboard. */
export const LocalExercises: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Een oefening van dit apparaat uploaden' })).toBeVisible();
    const button = canvas.getByRole('button', { name: '‘Jaarwisseling Utrecht-Centrum’ uploaden' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onUploadLocal).toHaveBeenCalledWith('a1b2c3d4e5f60718');
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        '‘Jaarwisseling Utrecht-Centrum’ staat nu live op de server, met het hele logboek (42 regels).',
      ),
    );
    await expect(args.onUploaded).toHaveBeenCalledWith('c0ffee00c0ffee00');
    await expect(canvas.getByRole('link', { name: '‘Jaarwisseling Utrecht-Centrum’ openen' })).toHaveAttribute(
      'href',
      '#/live/c0ffee00c0ffee00',
    );
  },
};

export const NoLocalExercises: Story = {
  args: { local: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Er staan geen oefeningen op dit apparaat.')).toBeVisible();
    await expect(canvas.getByLabelText('Of kies een oefenbestand (.json)')).toBeEnabled();
  },
};

/** While the server checks and stores: the buttons wait, the trainer is told what happens. */
export const Uploading: Story = {
  args: { onUploadLocal: fn<UploadLocal>(() => new Promise<UploadOutcome>(() => undefined)) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: '‘Demonstratie Malieveld’ uploaden' }));
    await expect(canvas.getByRole('status')).toHaveTextContent(
      '‘Demonstratie Malieveld’ wordt gecontroleerd en opgeslagen op de server…',
    );
    await expect(canvas.getByRole('button', { name: '‘Jaarwisseling Utrecht-Centrum’ uploaden' })).toBeDisabled();
  },
};

/** The server refused: what it found, line by line; the file's text stays text. */
export const Refused: Story = {
  args: { onUploadFile: fn<UploadFile>(() => Promise.resolve(refused)) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('Of kies een oefenbestand (.json)');
    await userEvent.upload(input, new File(['{}'], 'gewijzigd.json', { type: 'application/json' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('‘gewijzigd.json’: Deze oefening is niet geüpload');
    await expect(alert).toHaveTextContent('Regel 9 is gewijzigd');
    await expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>');
    await expect(alert.querySelector('img')).toBeNull();
    await expect(args.onUploaded).not.toHaveBeenCalled();
  },
};

export const Renumbered: Story = {
  args: { onUploadLocal: fn<UploadLocal>(() => Promise.resolve({ ...uploaded, renumbered: true } as UploadOutcome)) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: '‘Jaarwisseling Utrecht-Centrum’ uploaden' }));
    await expect(await canvas.findByText(/heeft een nieuw nummer gekregen/)).toBeVisible();
  },
};

/** The live exercises: the one just uploaded marked and focused; Debrief and Download per exercise. */
export const LiveList: StoryObj<typeof LiveExerciseList> = {
  render: (args) => <LiveExerciseList {...args} />,
  args: {
    exercises: [
      {
        id: 'c0ffee00c0ffee00',
        title: 'Jaarwisseling Utrecht-Centrum',
        length: 42,
        updatedAt: '2026-12-31T23:40:00.000Z',
      },
      { id: 'd0d0d0d0d0d0d0d0', title: 'GGP-GO in de wijk', length: 3, updatedAt: '2026-12-07T10:00:00.000Z' },
    ],
    openHref: (id: string) => `#/live/${id}`,
    debriefHref: (id: string) => `#/live/${id}/nabespreking`,
    onDownload: fn(),
    arrivedId: 'c0ffee00c0ffee00',
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const arrived = canvas.getByRole('link', { name: 'Jaarwisseling Utrecht-Centrum' });
    await waitFor(() => expect(arrived).toHaveFocus());
    await expect(canvas.getByText('nieuw hier')).toBeVisible();
    const group = canvas.getByRole('group', { name: 'Voor ‘GGP-GO in de wijk’' });
    await expect(within(group).getByRole('link', { name: 'Nabespreking' })).toHaveAttribute(
      'href',
      '#/live/d0d0d0d0d0d0d0d0/nabespreking',
    );
    await userEvent.click(within(group).getByRole('button', { name: 'Downloaden' }));
    await expect(args.onDownload).toHaveBeenCalledWith('d0d0d0d0d0d0d0d0');
  },
};

export const Downloading: StoryObj<typeof LiveExerciseList> = {
  ...LiveList,
  args: { ...LiveList.args, arrivedId: null, downloadingId: 'd0d0d0d0d0d0d0d0' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Wordt opgehaald…' })).toBeDisabled();
  },
};

interface Compared {
  store: ExerciseRepository;
  id: string;
  otherId: string;
  unrelatedId: string;
}

/**
 * The comparison in a live debrief: the server's list once, every other exercise offered (same title first),
 * and only the one chosen fetched — here one that is not a run of the same exercise, which is said.
 */
export const LiveDebriefComparison: StoryObj<typeof DebriefScreen> = {
  loaders: [() => comparisonStore()],
  render: (_args, { loaded }) => {
    const { store, id } = loaded as Compared;
    return (
      <DebriefScreen
        store={store}
        id={id}
        headerControls={null}
        consoleHref={`#/live/${id}`}
        exercisesHref="#/live"
        runsFrom="listing"
        source="Nabespreking van een live-oefening: gelezen uit het logboek op de server en op dit apparaat gecontroleerd."
      />
    );
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { unrelatedId } = loaded as Compared;
    const select = await canvas.findByRole('combobox', { name: 'Vergelijk met een andere run' });
    await expect(select).toHaveAccessibleDescription(/Alleen de gekozen oefening wordt opgehaald/);
    await userEvent.selectOptions(select, unrelatedId);
    await expect(await canvas.findByText(/‘Demonstratie Malieveld’ is geen run van dezelfde oefening/)).toBeVisible();
  },
};

/** The debrief's address on a device that joined with a code: where the debrief is, and the way back. */
export const LiveDebriefOnJoinedDevice: StoryObj<typeof LiveDebrief> = {
  args: { id: 'c0ffee00c0ffee00c0ffee00c0ffee00', headerControls: null },
  render: (args) => <LiveDebrief {...args} />,
  beforeEach: () => {
    const key = deviceTokenKey('c0ffee00c0ffee00c0ffee00c0ffee00');
    localStorage.setItem(key, 'story-device-token');
    return () => {
      localStorage.removeItem(key);
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Nabespreking bij de oefenleider');
    await expect(canvas.getByRole('link', { name: 'Terug naar de oefening' })).toHaveAttribute(
      'href',
      '#/live/c0ffee00c0ffee00c0ffee00c0ffee00',
    );
  },
};
