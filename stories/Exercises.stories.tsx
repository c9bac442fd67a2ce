import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ExerciseList } from '../src/features/exercises/ExerciseList';
import type { ExerciseSummary } from '../src/session';

const THREE: ExerciseSummary[] = [
  {
    id: 'a1',
    title: 'Jaarwisseling Utrecht-Centrum',
    municipality: 'Utrecht',
    startTime: '2026-12-31T22:00',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-27T15:42:00.000Z',
    entries: 14,
  },
  {
    id: 'b2',
    title: 'Jaarwisseling Amsterdam-Oost',
    municipality: 'Amsterdam',
    startTime: '2026-12-31T23:30',
    createdAt: '2026-11-18T10:00:00.000Z',
    updatedAt: '2026-11-25T10:05:00.000Z',
    entries: 1,
  },
  {
    id: 'c3',
    title: 'Snelwegblokkade Den Haag (riot control)',
    municipality: 'Den Haag',
    startTime: '2027-01-14T12:00',
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-02T16:20:00.000Z',
    entries: 62,
  },
];

const meta = {
  title: 'Exercises/ExerciseList',
  component: ExerciseList,
  args: { exercises: THREE, onOpen: fn(), onDuplicate: fn(), onDelete: fn(), onNew: fn() },
} satisfies Meta<typeof ExerciseList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing saved yet: a friendly word and one prominent way on. */
export const Empty: Story = {
  args: { exercises: [] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Nog geen oefeningen' })).toBeVisible();
    await expect(canvas.queryByRole('list')).toBeNull();
    const newButton = canvas.getByRole('button', { name: 'Nieuwe oefening' });
    await expect(newButton).toHaveClass('button--large');
    await userEvent.click(newButton);
    await expect(args.onNew).toHaveBeenCalledOnce();
  },
};

/** Three saved exercises: title, municipality, start time (nl-NL), entries and last change, and the actions. */
export const ThreeExercises: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const items = within(canvas.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' })).getAllByRole(
      'listitem',
    );
    await expect(items).toHaveLength(3);
    const first = within(items[0] as HTMLElement);
    await expect(first.getByRole('heading', { level: 3 })).toHaveTextContent('Jaarwisseling Utrecht-Centrum');
    await expect(items[0]).toHaveTextContent('Utrecht');
    await expect(items[0]).toHaveTextContent('31-12-2026 22:00');
    await expect(items[0]).toHaveTextContent('14 regels');
    await expect(items[1]).toHaveTextContent('1 regel');
    await expect(items[0]).toHaveTextContent(/27-11-2026 \d\d:\d\d/);
    await userEvent.click(canvas.getByRole('button', { name: 'Openen Jaarwisseling Amsterdam-Oost' }));
    await expect(args.onOpen).toHaveBeenCalledWith('b2');
    await userEvent.click(canvas.getByRole('button', { name: 'Dupliceren Snelwegblokkade Den Haag (riot control)' }));
    await expect(args.onDuplicate).toHaveBeenCalledWith('c3');
    await expect(args.onDelete).not.toHaveBeenCalled();
  },
};

/** Deleting asks first, naming the exercise; the safe choice has focus. */
export const DeleteConfirmationOpen: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Verwijderen Jaarwisseling Amsterdam-Oost' }));
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: 'Oefening ‘Jaarwisseling Amsterdam-Oost’ verwijderen?',
    });
    await expect(dialog).toHaveTextContent('Dit kan niet ongedaan worden gemaakt; het logboek gaat verloren.');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Annuleren' })).toHaveFocus());
    await expect(within(dialog).getByRole('button', { name: 'Verwijderen' })).toBeVisible();
    await expect(args.onDelete).not.toHaveBeenCalled();
  },
};

/** Confirming deletes; cancelling does not, and focus returns to the delete button. */
export const DeleteConfirmedOrCancelled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const deleteButton = canvas.getByRole('button', { name: 'Verwijderen Snelwegblokkade Den Haag (riot control)' });
    await userEvent.click(deleteButton);
    let dialog = await within(document.body).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).toBeNull());
    await expect(args.onDelete).not.toHaveBeenCalled();
    await waitFor(() => expect(deleteButton).toHaveFocus());

    await userEvent.keyboard('{Enter}');
    dialog = await within(document.body).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await expect(args.onDelete).toHaveBeenCalledOnce();
    await expect(args.onDelete).toHaveBeenCalledWith('c3');
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Exercises', level: 2 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'New exercise' })).toBeVisible();
    const items = canvas.getAllByRole('listitem');
    await expect(items[0]).toHaveTextContent('31/12/2026 22:00');
    await expect(items[0]).toHaveTextContent('14 entries');
    await expect(items[1]).toHaveTextContent('1 entry');
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Jaarwisseling Utrecht-Centrum' }));
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: 'Delete exercise ‘Jaarwisseling Utrecht-Centrum’?',
    });
    await expect(dialog).toHaveTextContent('This cannot be undone; the log will be lost.');
  },
};

const onServer = (states: NonNullable<Parameters<typeof ExerciseList>[0]['makeLive']>['states'] = {}) => ({
  states,
  onMakeLive: fn(),
  onSecret: fn(),
  onCancel: fn(),
});

/** Served by a Paraat server: every exercise can be made live; nothing is said until it is asked for. */
export const OnAServer: Story = {
  args: { makeLive: onServer() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Live zetten Jaarwisseling Amsterdam-Oost' }));
    await expect(args.makeLive?.onMakeLive).toHaveBeenCalledWith('b2');
    await expect(canvas.getAllByRole('button', { name: /^Live zetten/ })).toHaveLength(3);
  },
};

/** "Live zetten" in a tab without the admin secret: it is asked for in that card, with focus in it. */
export const MakeLiveAsksSecret: Story = {
  args: { makeLive: onServer({ a1: { state: 'askSecret' } }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/Beheersleutel van de server/);
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.type(field, 'geheim{Enter}');
    await expect(args.makeLive?.onSecret).toHaveBeenCalledWith('a1', 'geheim');
  },
};

/** Being sent: said in the card, and that card's "Live zetten" waits. */
export const MakeLiveUploading: Story = {
  args: { makeLive: onServer({ a1: { state: 'uploading' } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('‘Jaarwisseling Utrecht-Centrum’ gaat naar de server…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Live zetten Jaarwisseling Utrecht-Centrum' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Live zetten Jaarwisseling Amsterdam-Oost' })).toBeEnabled();
  },
};

/** Refused by the server: the reason and each problem, in that exercise's card only. */
export const MakeLiveRefused: Story = {
  args: {
    makeLive: onServer({
      c3: {
        state: 'refused',
        message:
          'Deze oefening is niet geüpload: het bestand is niet te lezen of niet te vertrouwen. Er is niets opgeslagen.',
        problems: [
          'Regel 15 is gewijzigd: de inhoud klopt niet meer met de vingerafdruk (hash) van toen hij werd vastgelegd.',
        ],
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const items = canvas.getAllByRole('listitem');
    const refused = within(items.find((item) => item.dataset.exerciseId === 'c3') as HTMLElement);
    await expect(
      refused.getByText(/De server nam ‘Snelwegblokkade Den Haag \(riot control\)’ niet aan\./),
    ).toBeVisible();
    await expect(refused.getByText(/Regel 15 is gewijzigd/)).toBeVisible();
    await expect(canvas.getAllByText(/niet aan\./)).toHaveLength(1);
  },
};
