import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplayScreen } from '../../../src/app/screens/ReplayScreen';
import { stepDelay, MAX_STEP_MS, MIN_STEP_MS } from '../../../src/features/replay/playback';
import { i18n } from '../../../src/i18n';
import { genesisOf, verifyChain, type LogEntry } from '../../../src/session';
import { riotControlSession, stored } from '../../fixtures/exercise';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

/** The line of the mayor's granted water-cannon decision in the riot-control run. */
function grantLine(log: readonly LogEntry[]): number {
  const grant = log.find(
    (entry) =>
      entry.kind === 'attempt' &&
      entry.outcome === 'accepted' &&
      entry.event.type === 'mayor.decide' &&
      entry.event.subject === 'waterCannon',
  );
  if (!grant) throw new Error('the fixture has a granted water-cannon decision');
  return grant.seq;
}

/** The riot-control run stored, and the replay screen once it has read it ("Oefening wordt gelezen…" until then). */
async function setUp() {
  const fixture = riotControlSession();
  await stored(fixture.session);
  fixture.session.dispose();
  const { repository } = fixture;
  const onBranched = vi.fn();
  const writes = {
    create: vi.spyOn(repository, 'create'),
    append: vi.spyOn(repository, 'append'),
    remove: vi.spyOn(repository, 'remove'),
  };
  render(
    <ReplayScreen
      store={repository}
      id={fixture.id}
      headerControls={null}
      consoleHref={`#/oefening/${fixture.id}`}
      exercisesHref="#/"
      onBranched={onBranched}
      now={fixture.clock.now}
    />,
  );
  await waitFor(() => {
    expect(screen.queryByText('Oefening wordt gelezen…')).toBeNull();
  });
  const log = await repository.entries((await repository.head(fixture.id)) ?? fixture.session.getState().head);
  return { ...fixture, log, onBranched, writes };
}

const waterCannon = () => {
  const card = document.querySelector<HTMLElement>('[data-subject="waterCannon"]');
  if (!card) throw new Error('the water-cannon card is shown');
  return card;
};
const slider = () => screen.getByRole('slider', { name: 'Positie in het logboek' });

describe('the replay screen', () => {
  it('opens at the last line, read-only: the store is not written', async () => {
    const { writes, log } = await setUp();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Terugkijken: Jaarwisseling Utrecht-Centrum');
    expect(slider()).toHaveValue(String(log.length));
    expect(slider()).toHaveAttribute('aria-valuetext', `regel ${String(log.length)} van ${String(log.length)}`);
    expect(waterCannon()).toHaveTextContent('Toestemming verleend');
    expect(document.querySelector('.phase--current')).toHaveAttribute('data-phase', '5');
    fireEvent.change(slider(), { target: { value: '3' } });
    for (const write of Object.values(writes)) expect(write).not.toHaveBeenCalled();
  });

  it('shows the decisions as they were before the water-cannon decision, and after it again', async () => {
    const user = userEvent.setup();
    const { log } = await setUp();
    const grant = grantLine(log);
    fireEvent.change(slider(), { target: { value: String(grant - 1) } });
    expect(waterCannon()).toHaveTextContent('Nog geen besluit');
    expect(screen.getByText(`Regel ${String(grant - 1)} van ${String(log.length)}`)).toBeInTheDocument();
    expect(screen.getByText(/regels$/, { selector: '.log__count' })).toHaveTextContent(
      `${String(grant - 1)} van ${String(grant - 1)} regels`,
    );

    await user.click(screen.getByRole('button', { name: /Volgende regel/ }));
    expect(slider()).toHaveValue(String(grant));
    expect(waterCannon()).toHaveTextContent('Toestemming verleend');
    expect(document.querySelector('.replay-current')).toHaveTextContent('Uitgevoerd');

    await user.click(screen.getByRole('button', { name: /Begin/ }));
    expect(slider()).toHaveValue('0');
    expect(document.querySelector('.replay-current')).toHaveTextContent('Begin van de oefening');
    expect(document.querySelector('.phase--current')).toHaveAttribute('data-phase', '1');
    // Before the first line there is nothing to branch from.
    expect(screen.getByRole('button', { name: /Vertakken vanaf hier/ })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says the phase, the means in use and the warning as they stood at each line', async () => {
    const { log } = await setUp();
    const fact = (name: string) => document.querySelector(`[data-fact="${name}"]`);
    const seqOf = (type: string) => {
      const found = log.find(
        (entry) => entry.kind === 'attempt' && entry.outcome === 'accepted' && entry.event.type === type,
      );
      if (!found) throw new Error(`the fixture has an accepted ${type}`);
      return found.seq;
    };
    fireEvent.change(slider(), { target: { value: '0' } });
    expect(screen.getByRole('heading', { name: 'Stand bij het begin' })).toBeInTheDocument();
    expect(fact('phase')).toHaveTextContent(/^1 — /);
    expect(fact('means')).toHaveTextContent('geen waterwerper of traanverwekkende stof');
    expect(fact('warning')).toHaveTextContent('niet gegeven, of vervallen');

    fireEvent.change(slider(), { target: { value: String(seqOf('crowd.warn')) } });
    expect(screen.getByRole('heading', { name: 'Stand na deze regel' })).toBeInTheDocument();
    expect(fact('phase')).toHaveTextContent(/^5 — /);
    expect(fact('warning')).toHaveTextContent(/^● gegeven$/);
    expect(fact('means')).toHaveTextContent('geen waterwerper of traanverwekkende stof');

    fireEvent.change(slider(), { target: { value: String(seqOf('waterCannon.deploy')) } });
    expect(fact('means')).toHaveTextContent(/^waterwerper$/);
    fireEvent.change(slider(), { target: { value: String(log.length) } });
    expect(fact('means')).toHaveTextContent('waterwerper, traanverwekkende stof in de waterwerper');
  });

  it('names a refused line with its rule', async () => {
    const { log } = await setUp();
    const refused = log.find((entry) => entry.kind === 'attempt' && entry.outcome === 'refused');
    if (!refused || refused.kind !== 'attempt' || !refused.refusal) throw new Error('the fixture has a refusal');
    fireEvent.change(slider(), { target: { value: String(refused.seq) } });
    const current = document.querySelector<HTMLElement>('.replay-current');
    expect(current).toHaveTextContent('Geweigerd');
    expect(current).toHaveTextContent(refused.refusal.rule);
    expect(current).toHaveTextContent(refused.refusal.message.nl);
  });

  it('plays forward line by line and stops at the end', async () => {
    // Read first, on real timers: the replay's own timer is what the fake ones drive.
    const { log } = await setUp();
    vi.useFakeTimers();
    try {
      fireEvent.change(slider(), { target: { value: String(log.length - 2) } });
      fireEvent.click(screen.getByRole('button', { name: /Afspelen/ }));
      expect(screen.getByRole('button', { name: /Pauzeren/ })).toBeInTheDocument();
      act(() => {
        // The fixture's exercise clock never ran: no exercise time between lines, so the shortest wait.
        vi.advanceTimersByTime(MIN_STEP_MS - 10);
      });
      expect(slider()).toHaveValue(String(log.length - 2));
      act(() => {
        vi.advanceTimersByTime(20);
      });
      expect(slider()).toHaveValue(String(log.length - 1));
      act(() => {
        vi.advanceTimersByTime(MIN_STEP_MS);
      });
      expect(slider()).toHaveValue(String(log.length));
      expect(screen.getByRole('button', { name: /Afspelen/ })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('branches from the line it stands at into a new exercise, leaving the original as it was', async () => {
    const user = userEvent.setup();
    const { repository: store, id, log, onBranched } = await setUp();
    const original = JSON.stringify(await store.head(id));
    const seq = grantLine(log) - 1;
    fireEvent.change(slider(), { target: { value: String(seq) } });
    const branchButton = screen.getByRole('button', { name: /Vertakken vanaf hier/ });
    expect(branchButton).toHaveAccessibleDescription(new RegExp(`regel 1 tot en met ${String(seq)}`));
    await user.click(branchButton);
    await waitFor(() => {
      expect(onBranched).toHaveBeenCalledTimes(1);
    });
    const branchId = onBranched.mock.calls[0]?.[0] as string;
    const branch = await store.head(branchId);
    if (!branch) throw new Error('the branch is stored');
    expect(branch.setup.title).toBe(`Jaarwisseling Utrecht-Centrum (vertakking vanaf regel ${String(seq)})`);
    // Lines 1..seq copied, then the branch's own line saying where it came from.
    expect(branch.length).toBe(seq + 1);
    const entries = await store.entries(branch);
    expect(entries.at(-1)).toMatchObject({
      kind: 'exercise',
      action: 'branched',
      branchedFrom: { id, seq },
    });
    expect(verifyChain(genesisOf(branch), entries)).toBeNull();
    expect(JSON.stringify(await store.head(id))).toBe(original);
    expect(within(document.body).queryByRole('alert')).toBeNull();
  });
});

describe('the wait between two lines when playing', () => {
  it('is the exercise time between them divided by the speed, within 0.15 s and 2 s', () => {
    const entry = (seq: number, exercise: string) => ({ seq, exercise }) as LogEntry;
    const log = [entry(1, '2026-12-31T22:00:00'), entry(2, '2026-12-31T22:00:04'), entry(3, '2026-12-31T22:30:00')];
    expect(stepDelay(log, 1, 1)).toBe(MAX_STEP_MS);
    expect(stepDelay(log, 1, 2)).toBe(2000);
    expect(stepDelay(log, 1, 4)).toBe(1000);
    expect(stepDelay(log, 1, 16)).toBe(250);
    expect(stepDelay(log, 2, 16)).toBe(MAX_STEP_MS);
    expect(stepDelay(log, 0, 1)).toBe(MIN_STEP_MS);
    expect(stepDelay(log, 3, 1)).toBe(MIN_STEP_MS);
  });
});
