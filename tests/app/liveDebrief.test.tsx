/**
 * The debrief of a live exercise (issue #14 item 8), beyond its route
 * (liveDebriefRoute.test.ts). Its comparison reads what it compares and
 * nothing more: the list once, then only the run the trainer chooses, which
 * is then checked to be a run of the same exercise — on a server every head
 * read is a whole exercise file fetched and verified. And the debrief's
 * address opened on a device that joined with a code says where the debrief
 * is, instead of asking that device for the admin secret.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebriefScreen } from '../../src/app/screens/DebriefScreen';
import { LiveDebrief } from '../../src/app/screens/LiveScreen';
import { deviceTokenKey } from '../../src/app/screens/JoinScreen';
import { i18n } from '../../src/i18n';
import type { ExerciseReader } from '../../src/session';
import { comparisonStore } from '../features/debrief/fixtures';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The store as a server would be read: every exercise read (a head) counted. */
function counted(store: ExerciseReader) {
  const heads: string[] = [];
  let lists = 0;
  const reader: ExerciseReader = {
    list: () => {
      lists += 1;
      return store.list();
    },
    head: (id) => {
      heads.push(id);
      return store.head(id);
    },
    entries: (head) => store.entries(head),
    subscribe: () => () => undefined,
  };
  return { reader, heads, lists: () => lists };
}

describe('the comparison in a live debrief', () => {
  it('lists the other exercises from one listing and reads only the run chosen', async () => {
    const user = userEvent.setup();
    const { store, id, otherId, unrelatedId } = await comparisonStore();
    const { reader, heads, lists } = counted(store);
    render(
      <DebriefScreen
        store={reader}
        id={id}
        headerControls={null}
        consoleHref={`#/live/${id}`}
        exercisesHref="#/live"
        runsFrom="listing"
      />,
    );
    const select = await screen.findByRole('combobox', { name: 'Vergelijk met een andere run' });
    // The same title first; the unrelated one is offered too, as the listing cannot tell scenarios apart.
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['', otherId, unrelatedId]);
    expect(select).toHaveAccessibleDescription(/Alleen de gekozen oefening wordt opgehaald/);
    expect(lists()).toBe(1);
    expect(heads).toEqual([id]);

    await user.selectOptions(select, unrelatedId);
    expect(await screen.findByText(/‘Demonstratie Malieveld’ is geen run van dezelfde oefening/)).toBeInTheDocument();
    expect(heads).toEqual([id, unrelatedId]);

    await user.selectOptions(select, otherId);
    const compare = screen.getByRole('region', { name: 'Twee runs naast elkaar' });
    await waitFor(() => {
      expect(within(compare).getAllByRole('img')).toHaveLength(2);
    });
    expect(within(compare).getByRole('table', { name: 'Weigeringen per regel' })).toBeInTheDocument();
    expect(heads).toEqual([id, unrelatedId, otherId]);
    expect(lists()).toBe(1);
  });

  it('on this device still offers only runs of the same exercise, read from their heads', async () => {
    const { store, id, otherId } = await comparisonStore();
    render(<DebriefScreen store={store} id={id} headerControls={null} consoleHref="#/" exercisesHref="#/" />);
    const select = await screen.findByRole('combobox', { name: 'Vergelijk met een andere run' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['', otherId]);
  });
});

describe('the live debrief on a device that joined with a code', () => {
  it('says the debrief is with the exercise controller, links back to the exercise, and fetches nothing', () => {
    const id = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    localStorage.setItem(deviceTokenKey(id), 'device-token');
    const fetched = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetched);
    render(<LiveDebrief id={id} headerControls={null} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Nabespreking bij de oefenleider');
    expect(screen.getByRole('status')).toHaveTextContent(/alleen de oefenleider ziet/);
    expect(screen.getByRole('link', { name: 'Terug naar de oefening' })).toHaveAttribute('href', `#/live/${id}`);
    expect(screen.queryByLabelText(/Beheersleutel/)).toBeNull();
    expect(fetched).not.toHaveBeenCalled();
  });

  it('asks for the admin secret on a device with neither a code nor the secret, as before', () => {
    render(<LiveDebrief id={'d'.repeat(32)} headerControls={null} />);
    expect(screen.getByLabelText(/Beheersleutel/)).toBeInTheDocument();
  });
});
