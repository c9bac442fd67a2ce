/**
 * An exported exercise with every kind of log entry, and the ways to tamper
 * with it that the import must catch.
 */
import {
  exerciseFile,
  hashOf,
  openSession,
  type ExerciseFile,
  type ExerciseFileResult,
  type LogEntry,
} from '../../src/session';
import { BY, play, riotControlSession, stored } from '../fixtures/exercise';

export const EXPORTED_AT = '2027-01-01T00:30:00.000Z';

/**
 * Riot control with both decisions and refusals on the way, a clock that
 * runs, a note, a correction and a refused note; the session is closed and
 * reopened halfway, as a trainer's browser would be.
 */
export async function playedExercise() {
  const fixture = riotControlSession();
  const { repository, id, clock } = fixture;
  let session = fixture.session;
  void session.clock(BY.trainer, { type: 'start' });
  clock.advance(2);
  void session.annotate(BY.trainer, 'Waterwerper ingezet na waarschuwing', 9);
  await stored(session);
  session.dispose();
  const reopened = await openSession(repository, id, clock.now);
  if (!reopened) throw new Error('the exercise was not stored');
  session = reopened;
  clock.advance(1);
  void session.clock(BY.trainer, { type: 'speed', speed: 5 });
  play(session, clock, [
    { type: 'mayor.revoke', by: BY.mayor, subject: 'tearGas', grounds: 'Druk neemt af' },
    { type: 'phase.deescalate', by: BY.commander, reason: 'Rust keert terug' },
  ]);
  void session.correct(BY.trainer, 'Tijdstip van de waarschuwing was 22:14', 9);
  void session.annotate(BY.commander, 'mag ik dit?');
  clock.advance(1);
  void session.clock(BY.trainer, { type: 'pause' });
  await stored(session);
  return { ...fixture, session };
}

let played: Promise<ExerciseFile> | undefined;

/** The played exercise's file, played once per test file; each call gets its own copy to change. */
export async function exportedFile(): Promise<ExerciseFile> {
  played ??= playedExercise().then(({ session }) => exerciseFile(session.getState(), EXPORTED_AT));
  return copy(await played);
}

/** A deep copy as another program would read it from disk. */
export const copy = (file: ExerciseFile): ExerciseFile => JSON.parse(JSON.stringify(file)) as ExerciseFile;

export const text = (file: unknown) => JSON.stringify(file, null, 2);

/** Entry at seq (1-based line number); throws in the test when absent. */
export function line(file: ExerciseFile, seq: number): LogEntry {
  const entry = file.entries.find((candidate) => candidate.seq === seq);
  if (!entry) throw new Error(`no line ${String(seq)}`);
  return entry;
}

/** Seal anew from `from` on, as a forger who knows the format would: the chain holds again. */
export function reseal(file: ExerciseFile, from = 1): ExerciseFile {
  let previous = from === 1 ? file.entries[0]?.prevHash : line(file, from - 1).hash;
  for (const entry of file.entries) {
    if (entry.seq < from) continue;
    entry.prevHash = previous ?? '';
    const unsealed: Partial<LogEntry> = { ...entry };
    delete unsealed.hash;
    entry.hash = hashOf(unsealed);
    previous = entry.hash;
  }
  const last = file.entries.at(-1);
  if (last) {
    file.head.headHash = last.hash;
    file.finalHash = last.hash;
  }
  return file;
}

export function errorsOf(result: ExerciseFileResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

export const dutch = (result: ExerciseFileResult) => errorsOf(result).map((error) => error.message.nl);
export const english = (result: ExerciseFileResult) => errorsOf(result).map((error) => error.message.en);
