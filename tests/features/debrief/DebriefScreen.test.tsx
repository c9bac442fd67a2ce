import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DebriefScreen } from '../../../src/app/screens/DebriefScreen';
import { i18n } from '../../../src/i18n';
import { openSession, type ExerciseReader } from '../../../src/session';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { comparisonStore, debriefOf, riotControlScript, runExercise } from './fixtures';
import { BY, SETUP, stored } from '../../fixtures/exercise';
import { downloadText } from '../../../src/ui/download';

vi.mock('../../../src/ui/download', () => ({ downloadText: vi.fn() }));

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  vi.mocked(downloadText).mockClear();
});

/** The screen, once it has read the exercise (it says "Oefening wordt gelezen…" until then). */
async function renderScreen(store: ExerciseReader, id: string) {
  const rendered = render(
    <DebriefScreen
      store={store}
      id={id}
      headerControls={null}
      consoleHref={`#/oefening/${id}`}
      exercisesHref="#/"
      now={() => '2026-12-31T23:30:00.000Z'}
      onPrint={vi.fn()}
    />,
  );
  await waitFor(() => {
    expect(screen.queryByText('Oefening wordt gelezen…')).toBeNull();
  });
  return rendered;
}

describe('the debrief screen', () => {
  it('reads the stored exercise without writing anything (no session, no write guard)', async () => {
    const store = new MemoryRepository();
    const id = await runExercise(store, SETUP, riotControlScript);
    const writes = [vi.spyOn(store, 'create'), vi.spyOn(store, 'append'), vi.spyOn(store, 'remove')];
    await renderScreen(store, id);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Nabespreking: Jaarwisseling Utrecht-Centrum');
    for (const write of writes) expect(write).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: /Terug naar de console/ })).toHaveAttribute('href', `#/oefening/${id}`);
  });

  it('shows every decision with grounds and BOB notes, refusals grouped by rule, and the final hash', async () => {
    const { store, id } = await comparisonStore();
    await renderScreen(store, id);
    const decisions = screen.getByRole('region', { name: 'Besluiten van de burgemeester' });
    expect(within(decisions).getAllByRole('listitem')).toHaveLength(2);
    expect(decisions).toHaveTextContent('Groot gevaar voor agenten en omstanders');
    expect(decisions).toHaveTextContent('Circa 300 relschoppers, brandende barricades');
    expect(decisions).toHaveTextContent('ingetrokken door Burgemeester Marieke de Boer');

    const refusals = screen.getByRole('region', { name: 'Weigeringen per regel' });
    const groups = within(refusals)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(groups).toEqual(
      [
        'R3 Waterwerper alleen met besluit van de burgemeester 1 keer',
        'R4 Traanverwekkende stof vraagt een eigen, apart besluit 1 keer',
        'R5 Alleen de bevoegde burgemeester besluit 1 keer',
      ].map((text) => `✗ ${text}`),
    );

    const hash = (await debriefOf(store, id)).integrity.finalHash;
    expect(screen.getAllByText(hash)).toHaveLength(2);
    expect(screen.getByRole('img', { name: /fase in de loop van de oefening/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Pilotinzet traanverwekkende stof (R11)' })).toHaveTextContent(
      'Pilotinzet 1',
    );
  });

  it('puts another run of the same exercise side by side', async () => {
    const user = userEvent.setup();
    const { store, id, otherId } = await comparisonStore();
    await renderScreen(store, id);
    // The other runs are read from the repository after the exercise itself: the picker comes with them.
    const select = await screen.findByRole('combobox', { name: 'Vergelijk met een andere run' });
    expect(within(select).getAllByRole('option')).toHaveLength(2);
    await user.selectOptions(select, otherId);
    const compare = screen.getByRole('region', { name: 'Twee runs naast elkaar' });
    await waitFor(() => {
      expect(within(compare).getAllByRole('img')).toHaveLength(2);
    });
    const table = within(compare).getByRole('table', { name: 'Weigeringen per regel' });
    expect(within(table).getByRole('row', { name: /R3/ })).toHaveTextContent(/1\s*0$/);
    expect(within(table).getByRole('row', { name: /Totaal/ })).toHaveTextContent(/3\s*1$/);
  });

  it('offers CSV for Excel, Markdown and the JSON exercise file, each with the final hash, and says it did', async () => {
    const user = userEvent.setup();
    const { store, id } = await comparisonStore();
    await renderScreen(store, id);
    const hash = (await debriefOf(store, id)).integrity.finalHash;
    const exports = screen.getByRole('group', { name: 'Afdrukken en exporteren' });

    await user.click(within(exports).getByRole('button', { name: 'CSV voor Excel' }));
    const [csvName, csvText, csvType] = vi.mocked(downloadText).mock.calls.at(-1) ?? [];
    expect(csvName).toMatch(/^paraat-nabespreking-Jaarwisseling-Utrecht-Centrum-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvType).toBe('text/csv;charset=utf-8');
    expect(csvText?.startsWith('\uFEFFOefening;Jaarwisseling Utrecht-Centrum\r\n')).toBe(true);
    expect(csvText).toContain(`Laatste hash (SHA-256);${hash}\r\n`);
    expect(screen.getByRole('status')).toHaveTextContent(`${csvName ?? ''} is gedownload.`);

    await user.click(within(exports).getByRole('button', { name: 'Markdown' }));
    const [mdName, mdText] = vi.mocked(downloadText).mock.calls.at(-1) ?? [];
    expect(mdName).toMatch(/\.md$/);
    expect(mdText).toContain(`\`${hash}\``);

    await user.click(within(exports).getByRole('button', { name: 'JSON (volledig logboek)' }));
    const [jsonName, jsonText, jsonType] = vi.mocked(downloadText).mock.calls.at(-1) ?? [];
    expect(jsonName).toMatch(/\.json$/);
    expect(jsonType).toBe('application/json');
    const file = JSON.parse(jsonText ?? '{}') as { head: { headHash: string }; entries: unknown[] };
    expect(file.head.headHash).toBe(hash);
    expect(file.entries).toHaveLength(18);
  });

  it('reads the log again when the console in another tab writes to it', async () => {
    const { store, id } = await comparisonStore();
    await renderScreen(store, id);
    expect(screen.getAllByText(/· 18 regels ·/, { selector: '.final-hash__meta' })).toHaveLength(2);
    // The console in another tab: a session of its own on the same database, whose commit this tab hears.
    const other = await openSession(store.sibling(), id);
    if (!other) throw new Error(`No exercise ${id}`);
    void other.dispatch({ type: 'phase.deescalate', by: BY.commander, reason: 'Rust' });
    await stored(other);
    other.dispose();
    expect(await screen.findAllByText(/· 19 regels ·/, { selector: '.final-hash__meta' })).toHaveLength(2);
  });

  it('says so when the exercise is not on this device', async () => {
    await renderScreen(new MemoryRepository(), 'abcdef0123456789');
    expect(screen.getByRole('alert')).toHaveTextContent('Deze oefening bestaat niet (meer) op dit apparaat.');
  });
});
