/**
 * Whether an exercise file can be trusted, beyond its shape: its log's hash
 * chain holds (no line changed, removed, inserted or moved), its head agrees
 * with its log (length, last hash, final hash), and its log replays to its own
 * state (the model accepts and refuses what the log says it did, and ends
 * where the head says it is; the clock ends where the head says it is).
 *
 * A hash chain shows changes made by hand or by accident; someone who
 * recomputes every hash after a change makes a new, consistent chain. The
 * final hash then differs from the one noted at the export: that comparison,
 * and the replay, are what catch such a copy.
 */
import { createActor } from 'xstate';
import { escalationMachine, type EscalationSnapshot, type Text } from '../../machines';
import { applyClockAction, startClock } from './clock';
import { clockAtBranch } from './branch';
import type { ExerciseFile } from './exerciseFile';
import { diagnoseChain, genesisOf, hashOf, type ChainFinding } from './hashChain';
import { inputOf, replay } from './replay';
import { summarize } from './applyAttempt';
import type { ClockState, LogEntry, ModelSummary } from './log';

export interface ExerciseFileError {
  /** Where: `entries[6]`, `head.length`, `finalHash`; empty for the file as a whole. */
  path: string;
  message: Text;
}

const at = (position: number) => `entries[${String(position - 1)}]`;

const lines = (count: number): Text =>
  count === 1 ? { nl: 'een regel', en: 'a line' } : { nl: `${count} regels`, en: `${count} lines` };

/** "ontbreekt" / "ontbreken", "is missing" / "are missing": the verb agrees with how many lines, per language. */
const missing = (count: number): Text => ({
  nl: new Intl.PluralRules('nl').select(count) === 'one' ? 'ontbreekt' : 'ontbreken',
  en: new Intl.PluralRules('en').select(count) === 'one' ? 'is missing' : 'are missing',
});

const range = (from: number, to: number): Text =>
  from === to
    ? { nl: `regel ${from}`, en: `line ${from}` }
    : { nl: `regels ${from} t/m ${to}`, en: `lines ${from} to ${to}` };

/** A chain finding in a trainer's words, naming the line (its number in the log). */
export function chainFindingMessage(finding: ChainFinding): ExerciseFileError {
  const path = at(finding.position);
  switch (finding.problem) {
    case 'changed':
      return {
        path,
        message: {
          nl: `Regel ${finding.seq} is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.`,
          en: `Line ${finding.seq} has been changed: its content no longer matches the fingerprint (hash) computed when it was recorded.`,
        },
      };
    case 'missing': {
      const gone = range(finding.before - finding.count, finding.before - 1);
      const count = lines(finding.count);
      const verb = missing(finding.count);
      return {
        path,
        message:
          finding.after === null
            ? {
                nl: `Aan het begin van het logboek ${verb.nl} ${count.nl} (${gone.nl}).`,
                en: `At the start of the log ${count.en} ${verb.en} (${gone.en}).`,
              }
            : {
                nl: `Tussen regel ${finding.after} en regel ${finding.before} ${verb.nl} ${count.nl} (${gone.nl}).`,
                en: `Between line ${finding.after} and line ${finding.before} ${count.en} ${verb.en} (${gone.en}).`,
              },
      };
    }
    case 'inserted':
      return {
        path,
        message:
          finding.after === null
            ? {
                nl: `Aan het begin van het logboek staat een regel die er niet in hoort: die is ingevoegd (plaats ${finding.position} in het bestand).`,
                en: `At the start of the log there is a line that does not belong: it was inserted (place ${finding.position} in the file).`,
              }
            : {
                nl: `Na regel ${finding.after} staat een regel die er niet in hoort: die is ingevoegd (plaats ${finding.position} in het bestand).`,
                en: `After line ${finding.after} there is a line that does not belong: it was inserted (place ${finding.position} in the file).`,
              },
      };
    case 'reordered':
      return {
        path,
        message: {
          nl: `Regel ${finding.seq} staat na regel ${finding.after}, maar is eerder vastgelegd: de volgorde is veranderd.`,
          en: `Line ${finding.seq} stands after line ${finding.after}, but was recorded before it: the order has been changed.`,
        },
      };
    case 'unlinked':
      return {
        path,
        message: {
          nl: `Regel ${finding.seq} sluit niet aan op regel ${finding.previous}: regel ${finding.previous} is gewijzigd en opnieuw verzegeld, of vervangen.`,
          en: `Line ${finding.seq} does not link to line ${finding.previous}: line ${finding.previous} was changed and sealed anew, or replaced.`,
        },
      };
    case 'genesis':
      return {
        path: 'head.setup',
        message: {
          nl: `De kop van het bestand is gewijzigd: titel, gemeente, rolverdeling, starttijd, scenario, oefeningnummer of aanmaaktijdstip is niet meer wat regel ${finding.seq} vastlegde.`,
          en: `The head of the file has been changed: title, municipality, cast, start time, scenario, exercise number or creation time is no longer what line ${finding.seq} recorded.`,
        },
      };
  }
}

/** The head's own claims about the log: its length, its last hash, its last change; and the file's final hash. */
function headFindings(file: ExerciseFile): ExerciseFileError[] {
  const { head, entries } = file;
  const last = entries.at(-1);
  if (!last) return [];
  if (head.length !== entries.length) {
    // The head and the final hash still name a later line than the file's last: the end was cut off.
    const cut =
      entries.length < head.length &&
      last.seq === entries.length &&
      (head.headHash !== last.hash || file.finalHash !== last.hash);
    const gone = last.seq + 1;
    const verb = missing(head.length - last.seq);
    return [
      {
        path: 'head.length',
        message: cut
          ? {
              nl: `Het logboek is ingekort: volgens de kop heeft het ${lines(head.length).nl}, maar het bestand bevat er ${entries.length}; ${range(gone, head.length).nl} ${verb.nl}.`,
              en: `The log has been cut short: the head says it has ${lines(head.length).en}, but the file holds ${entries.length}; ${range(gone, head.length).en} ${verb.en}.`,
            }
          : {
              nl: `Volgens de kop heeft het logboek ${lines(head.length).nl}, maar het bestand bevat er ${entries.length}.`,
              en: `The head says the log has ${lines(head.length).en}, but the file holds ${entries.length}.`,
            },
      },
    ];
  }
  const errors: ExerciseFileError[] = [];
  if (head.headHash !== last.hash)
    errors.push({
      path: 'head.headHash',
      message: {
        nl: `De kop van het bestand hoort niet bij de laatste regel (regel ${last.seq}): de vingerafdruk in de kop (head.headHash) is een andere.`,
        en: `The head of the file does not belong to the last line (line ${last.seq}): the fingerprint in the head (head.headHash) is a different one.`,
      },
    });
  if (file.finalHash !== last.hash)
    errors.push({
      path: 'finalHash',
      message: {
        nl: `De vingerafdruk van het logboek (finalHash) is niet die van de laatste regel (regel ${last.seq}).`,
        en: `The log’s fingerprint (finalHash) is not that of the last line (line ${last.seq}).`,
      },
    });
  if (head.updatedAt !== last.wall)
    errors.push({
      path: 'head.updatedAt',
      message: {
        nl: `Het tijdstip ‘laatst gewijzigd’ in de kop (head.updatedAt) is niet dat van de laatste regel (regel ${last.seq}).`,
        en: `The ‘last changed’ time in the head (head.updatedAt) is not that of the last line (line ${last.seq}).`,
      },
    });
  return errors;
}

const sameSummary = (a: ModelSummary, b: ModelSummary) => hashOf(a) === hashOf(b);

function differenceOf(found: ModelSummary, expected: ModelSummary): Text {
  return found.phase !== expected.phase
    ? {
        nl: ` (staat op fase ${found.phase}, het logboek geeft fase ${expected.phase})`,
        en: ` (says phase ${found.phase}, the log gives phase ${expected.phase})`,
      }
    : {
        nl: ' (middelen, waarschuwing of besluiten wijken af)',
        en: ' (means, warning or decisions differ)',
      };
}

/**
 * What each attempt says the model looked like before and after it must
 * follow from the attempts before it: the log and the debrief show these.
 */
function summaryFindings(entries: readonly LogEntry[], start: ModelSummary, end: ModelSummary): ExerciseFileError[] {
  const errors: ExerciseFileError[] = [];
  let expected = start;
  entries.forEach((entry, index) => {
    if (entry.kind !== 'attempt') return;
    if (!sameSummary(entry.before, expected)) {
      const why = differenceOf(entry.before, expected);
      errors.push({
        path: `${at(index + 1)}.before`,
        message: {
          nl: `Regel ${entry.seq}: de toestand vóór deze handeling sluit niet aan op het logboek ervoor${why.nl}.`,
          en: `Line ${entry.seq}: the state before this action does not follow from the log before it${why.en}.`,
        },
      });
    }
    if (entry.outcome === 'refused' && !sameSummary(entry.after, entry.before)) {
      errors.push({
        path: `${at(index + 1)}.after`,
        message: {
          nl: `Regel ${entry.seq} is geweigerd, maar de toestand erna verschilt van die ervoor: een weigering verandert niets.`,
          en: `Line ${entry.seq} was refused, yet the state after it differs from the state before: a refusal changes nothing.`,
        },
      });
    }
    expected = entry.after;
  });
  if (errors.length === 0 && !sameSummary(expected, end)) {
    const why = differenceOf(expected, end);
    errors.push({
      path: 'entries',
      message: {
        nl: `De toestand na de laatste handeling in het logboek is niet wat het opnieuw afspelen oplevert${why.nl}.`,
        en: `The state after the last action in the log is not what replaying gives${why.en}.`,
      },
    });
  }
  return errors;
}

function divergenceMessage(entry: LogEntry | undefined, seq: number): Text {
  if (entry?.kind === 'attempt')
    return entry.outcome === 'accepted'
      ? {
          nl: `Regel ${seq} staat in het logboek als uitgevoerd, maar het model weigert die handeling bij het opnieuw afspelen.`,
          en: `Line ${seq} is logged as accepted, but the model refuses that action when the log is replayed.`,
        }
      : {
          nl: `Regel ${seq} staat in het logboek als geweigerd, maar het model staat die handeling toe bij het opnieuw afspelen.`,
          en: `Line ${seq} is logged as refused, but the model accepts that action when the log is replayed.`,
        };
  return {
    nl: `Regel ${seq} had de oefening zo niet vastgelegd: wie het deed mag dat niet (R13), of de stap kan niet bij dit scenario.`,
    en: `The exercise would not have logged line ${seq} like this: whoever did it may not (R13), or the step is not possible in this scenario.`,
  };
}

/** The persisted form of a snapshot as a file holds it (through JSON). */
function persisted(snapshot: EscalationSnapshot): unknown {
  return JSON.parse(JSON.stringify(escalationMachine.getPersistedSnapshot(snapshot))) as unknown;
}

/** What the head's snapshot claims; null when it cannot even be restored. */
function storedSummary(file: ExerciseFile): ModelSummary | null {
  const snapshot = file.head.snapshot;
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(snapshot) || !isObject(snapshot.context) || snapshot.value === undefined) return null;
  try {
    const actor = createActor(escalationMachine, { input: inputOf(file.head.setup), snapshot: snapshot as never });
    // XState reports a snapshot it cannot restore as an actor error, thrown later from a timer unless
    // someone listens: listen, and read the status instead (parseExerciseFile never throws).
    actor.subscribe({ error: () => undefined });
    actor.start();
    const restored = actor.getSnapshot();
    const summary = restored.status === 'active' ? summarize(restored) : null;
    actor.stop();
    return summary;
  } catch {
    return null;
  }
}

function replayFindings(file: ExerciseFile): ExerciseFileError[] {
  const { head, entries } = file;
  const errors: ExerciseFileError[] = [];
  const replayed = replay(head.setup, entries);
  for (const seq of replayed.divergences) {
    const index = entries.findIndex((entry) => entry.seq === seq);
    errors.push({ path: at(index + 1), message: divergenceMessage(entries[index], seq) });
  }

  const initial = createActor(escalationMachine, { input: inputOf(head.setup) }).start();
  const start = summarize(initial.getSnapshot());
  initial.stop();
  const end = summarize(replayed.snapshot);
  errors.push(...summaryFindings(entries, start, end));

  if (hashOf(persisted(replayed.snapshot)) !== hashOf(head.snapshot)) {
    const stored = storedSummary(file);
    const why = stored ? differenceOf(stored, end) : { nl: '', en: '' };
    errors.push({
      path: 'head.snapshot',
      message: {
        nl: `De toestand van het model in de kop van het bestand is niet wat het logboek oplevert bij opnieuw afspelen${why.nl}.`,
        en: `The model’s state in the head of the file is not what the log gives when replayed${why.en}.`,
      },
    });
  }

  if (!sameClock(head.clock, replayClock(file))) {
    errors.push({
      path: 'head.clock',
      message: {
        nl: 'De oefenklok in de kop van het bestand staat niet waar de klokregels in het logboek haar brengen.',
        en: 'The exercise clock in the head of the file is not where the clock lines in the log bring it.',
      },
    });
  }
  return errors;
}

/** The clock from the exercise's creation through every clock entry (and branching), as the session moved it. */
function replayClock({ head, entries }: ExerciseFile): ClockState {
  let clock = startClock(head.setup.startTime, Date.parse(head.createdAt));
  for (const entry of entries)
    if (entry.kind === 'clock') clock = applyClockAction(clock, entry.action, Date.parse(entry.wall));
    else if (entry.kind === 'exercise' && entry.action === 'branched') clock = clockAtBranch(clock, entry);
  return clock;
}

const sameClock = (a: ClockState, b: ClockState) =>
  a.running === b.running &&
  a.speed === b.speed &&
  a.exerciseAtAnchor === b.exerciseAtAnchor &&
  a.wallAtAnchor === b.wallAtAnchor;

/**
 * Everything that makes a well-formed file untrustworthy, in the order a
 * trainer reads it: the chain line by line, the head, then the replay.
 * Empty: the file is what was exported. May throw on input the schema let
 * through; the caller (./parseExerciseFile.ts) catches.
 */
export function verifyExerciseFile(file: ExerciseFile): ExerciseFileError[] {
  const chain = diagnoseChain(genesisOf(file.head), file.entries).map(chainFindingMessage);
  return [...chain, ...headFindings(file), ...replayFindings(file)];
}
