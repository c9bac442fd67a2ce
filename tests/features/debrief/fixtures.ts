/**
 * Exercises for the debrief, played through the real door with a running
 * exercise clock (so times differ), stored in one store so the debrief can
 * read them the way the app does: head and entries, read-only. Shared by the
 * debrief's tests and stories.
 */
import jaarwisseling from '../../../public/scenarios/jaarwisseling.json';
import type { By } from '../../../machines';
import { buildDebrief } from '../../../src/features/debrief/debrief';
import { scenarioToSetup, validateScenario, type Scenario } from '../../../src/scenarios';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import {
  createExercise,
  openSession,
  type Attempt,
  type ExerciseRepository,
  type ExerciseSession,
  type ExerciseSetup,
  type InjectEntry,
  type LogEntry,
} from '../../../src/session';
import { sealEntry, type Unhashed } from '../../../src/core/hashChain';
import { BY, fakeWallClock, play, RIOT_CONTROL_RUN, SETUP, stored } from '../../fixtures/exercise';

export type WallClock = ReturnType<typeof fakeWallClock>;
export type Script = (session: ExerciseSession, clock: WallClock) => void;

export const newStore = () => new MemoryRepository();

/** Play a script on a new exercise in `store`; the exercise clock runs at 1× from the start. */
export async function runExercise(
  store: ExerciseRepository,
  setup: ExerciseSetup,
  script: Script,
  start?: string,
): Promise<string> {
  const clock = fakeWallClock(start);
  const head = await createExercise(store, setup, clock.now);
  const session = await openSession(store, head.id, clock.now);
  if (!session) throw new Error(`No exercise ${head.id}`);
  const trainer = setup.cast.find((member) => member.role === 'trainer');
  if (trainer) void session.clock({ role: 'trainer', name: trainer.name }, { type: 'start' });
  script(session, clock);
  await stored(session);
  session.dispose();
  return head.id;
}

export async function debriefOf(store: ExerciseRepository, id: string) {
  const head = await store.head(id);
  if (!head) throw new Error(`No exercise ${id}`);
  return buildDebrief(head, await store.entries(head));
}

/**
 * Issue 3's riot-control run on a running clock, one exercise-minute apart:
 * #1 created, #2 clock started, #3–#6 escalations to 5, #7 water cannon
 * refused (R3), #8 a neighbouring mayor refused (R5), #9 the water cannon
 * granted, #10 warning, #11 deployed, #12 tear agent refused (R4), #13 tear
 * agent granted, #14 added (pilot, R11); then #15 an observer's note on #7,
 * #16 the trainer's correction of it, #17 the water cannon revoked (both
 * stop, R8), #18 de-escalation to 4.
 */
export const riotControlScript: Script = (session, clock) => {
  play(session, clock, RIOT_CONTROL_RUN);
  clock.advance(1);
  void session.annotate(BY.observer, 'De commandant zette de waterwerper in zonder besluit van de burgemeester.', 7);
  clock.advance(1);
  void session.correct(BY.trainer, 'Hij probeerde het; het model weigerde (R3).', 15);
  play(session, clock, [
    { type: 'mayor.revoke', by: BY.mayor, subject: 'waterCannon', grounds: 'De groep is uiteengedreven.' },
    { type: 'phase.deescalate', by: BY.commander, reason: 'Rust keert terug' },
  ]);
};

/** A second run of the same exercise: quicker, with one refusal only. */
export const quickerScript: Script = (session, clock) => {
  const escalate = (reason: string): Attempt => ({ type: 'phase.escalate', by: BY.commander, reason });
  play(session, clock, [
    escalate('Onrust'),
    escalate('Vuurwerk'),
    escalate('Ongeregeldheden'),
    escalate('Barricades'),
    {
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'Groot gevaar voor agenten',
    },
    { type: 'crowd.warn', by: BY.commander },
    { type: 'waterCannon.deploy', by: BY.commander },
    { type: 'tearGas.add', by: BY.commander },
    {
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'tearGas',
      verdict: 'refused',
      grounds: 'Water is genoeg; geen traanverwekkende stof',
    },
  ]);
};

export async function riotControlStore() {
  const store = newStore();
  const id = await runExercise(store, SETUP, riotControlScript);
  return { store, id };
}

/** Two runs of the same exercise (same title, no scenario) and one of another. */
export async function comparisonStore() {
  const store = newStore();
  const id = await runExercise(store, SETUP, riotControlScript);
  const otherId = await runExercise(store, SETUP, quickerScript, '2027-01-07T19:00:00Z');
  const unrelatedId = await runExercise(store, { ...SETUP, title: 'Demonstratie Malieveld' }, quickerScript);
  return { store, id, otherId, unrelatedId };
}

/** A long log: the riot-control run and back, many times over. */
export async function longLogStore(cycles = 25) {
  const store = newStore();
  const id = await runExercise(store, SETUP, (session, clock) => {
    for (let cycle = 0; cycle < cycles; cycle++) {
      play(session, clock, RIOT_CONTROL_RUN);
      play(session, clock, [
        { type: 'mayor.revoke', by: BY.mayor, subject: 'waterCannon', grounds: 'Rust keert terug' },
        ...[1, 2, 3, 4].map((): Attempt => ({
          type: 'phase.deescalate',
          by: BY.commander,
          reason: 'Rust keert terug',
        })),
      ]);
    }
  });
  return { store, id };
}

/** A new exercise: nothing but its creation. */
export async function emptyStore() {
  const store = newStore();
  const clock = fakeWallClock();
  const head = await createExercise(store, SETUP, clock.now);
  return { store, id: head.id };
}

export function jaarwisselingScenario(): Scenario {
  const result = validateScenario(jaarwisseling);
  if (!result.ok) throw new Error('The built-in scenario "jaarwisseling" does not parse');
  return result.scenario;
}

/** The set-up a trainer gets from the Jaarwisseling scenario, the scenario kept whole. */
export function jaarwisselingSetup(): ExerciseSetup {
  const scenario = jaarwisselingScenario();
  return { ...scenarioToSetup(scenario), scenario };
}

const LINDENBURG = {
  mayor: { role: 'mayor', name: 'Ingrid Scholten', municipality: 'Lindenburg' },
  commander: { role: 'commander', name: 'Jeroen Visser (Algemeen Commandant SGBO)' },
  trainer: { role: 'trainer', name: 'Petra de Wit' },
} satisfies Record<string, By>;

export interface InjectRelease {
  /** Insert the inject right after this entry, at its times. */
  after: number;
  injectId: string;
  action?: InjectEntry['action'];
}

/**
 * Put inject entries into a stored log, as the trainer's release would have
 * logged them, and seal the chain again. (The debrief reads only the log; how
 * the injects got there is the inject feature's business.)
 */
export async function withInjects(
  store: ExerciseRepository,
  id: string,
  releases: readonly InjectRelease[],
  by: By,
): Promise<void> {
  const head = await store.head(id);
  if (!head) throw new Error(`No exercise ${id}`);
  const old = await store.entries(head);
  const drafts: Unhashed<LogEntry>[] = [];
  const renumber = new Map<number, number>();
  for (const entry of old) {
    renumber.set(entry.seq, drafts.length + 1);
    // Without its old hash: the entry is sealed again below.
    const unhashed = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'hash')) as Unhashed<LogEntry>;
    drafts.push({ ...unhashed, seq: drafts.length + 1 });
    for (const release of releases.filter((item) => item.after === entry.seq))
      drafts.push({
        kind: 'inject',
        injectId: release.injectId,
        action: release.action ?? 'released',
        seq: drafts.length + 1,
        wall: entry.wall,
        exercise: entry.exercise,
        by,
        prevHash: '',
      });
  }
  let previous = old[0]?.prevHash ?? head.headHash;
  const entries = drafts.map((draft) => {
    const moved = { ...draft };
    if (moved.kind === 'note' && moved.refersTo !== undefined)
      moved.refersTo = renumber.get(moved.refersTo) ?? moved.refersTo;
    if (moved.kind === 'correction') moved.corrects = renumber.get(moved.corrects) ?? moved.corrects;
    const sealed = sealEntry({ ...moved, prevHash: previous });
    previous = sealed.hash;
    return sealed;
  });
  // Replaces the exercise: the stored log is rewritten, as if the releases had been logged all along.
  await store.remove(id);
  await store.create({ ...head, length: entries.length, headHash: previous }, entries);
}

/**
 * The Jaarwisseling scenario (starts in phase 2), its decision points
 * released along the way: #3 "vraag-me-inzet" (phase) at 22:00, answered by
 * the escalation at 22:05; #7 "vraag-waterwerper" at 22:07, answered by the
 * mayor's grant at 22:10, deployed at 22:12; #11 "vraag-traanverwekkende-stof"
 * at 22:12, never answered (the tear agent is refused, R4); "groep-valt-uiteen" held, not released.
 */
export async function jaarwisselingStore() {
  const store = newStore();
  const id = await runExercise(store, jaarwisselingSetup(), (session, clock) => {
    clock.advance(4);
    play(session, clock, [
      { type: 'phase.escalate', by: LINDENBURG.commander, reason: 'Basisteam houdt het niet meer' },
      { type: 'phase.escalate', by: LINDENBURG.commander, reason: 'Specialistische middelen nodig' },
      { type: 'phase.escalate', by: LINDENBURG.commander, reason: 'Zeer ernstige ongeregeldheden' },
    ]);
    clock.advance(2);
    play(session, clock, [
      {
        type: 'mayor.decide',
        by: LINDENBURG.mayor,
        subject: 'waterCannon',
        verdict: 'granted',
        grounds: 'Binnen de tolerantiegrenzen van de driehoek niet meer te houden',
        bob: { beeld: 'Barricades en brand in de Oosterpoort', oordeel: 'Waterwerper is proportioneel' },
      },
      { type: 'crowd.warn', by: LINDENBURG.commander },
      { type: 'waterCannon.deploy', by: LINDENBURG.commander },
      { type: 'tearGas.add', by: LINDENBURG.commander },
    ]);
  });
  // Entries before the splice: #1 created, #2 clock, #3–#5 escalations, #6 grant, #7 warn, #8 deploy, #9 refused.
  await withInjects(
    store,
    id,
    [
      { after: 2, injectId: 'vraag-me-inzet' },
      { after: 5, injectId: 'vraag-waterwerper' },
      { after: 8, injectId: 'vraag-traanverwekkende-stof' },
      { after: 8, injectId: 'oefenleider-tijdsdruk' },
      { after: 8, injectId: 'groep-valt-uiteen', action: 'held' },
    ],
    LINDENBURG.trainer,
  );
  return { store, id };
}
