import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { PhaseNumber } from '../../../machines';
import { scenarioToSetup, type Scenario } from '../../scenarios';
import type { ExerciseSetup } from '../../session';
import type { Language } from '../../i18n';
import { DRAFT_FIELDS, draftOf, emptyDraft, setupOf, validateDraft, type ExerciseDraft, type NamedRole } from './setup';
import {
  castField,
  castRowErrors,
  castRowsOf,
  setupFromScenario,
  type CastRow,
  type ObserverDraft,
} from './scenarioCast';

/** An observer's row in the form: its key keeps the row (and its focus) when rows before it go. */
export interface ObserverRow extends ObserverDraft {
  key: number;
}

/** The fields that are wrong, by name (a draft field or a scenario's cast row). */
export type FormErrors = Partial<Record<string, true>>;

/** Anything focus can be put on: an input, or the start time field's handle. */
export type Focusable = { focus: () => void } | null;

export interface NewExerciseFormInput {
  /** A set-up to start from, e.g. the input kept after a save that failed. */
  initial?: ExerciseSetup | undefined;
  /** Wall-clock time (epoch ms) the default start is counted from; default: now. */
  now?: number | undefined;
  language: Language;
  onCreate: (setup: ExerciseSetup) => void;
  /** Only on a Paraat server: the exercise made there instead (with the admin secret typed, when this tab had none). */
  live?: { secretKnown: boolean; onCreate: (setup: ExerciseSetup, secret: string | null) => void } | undefined;
}

/** Where a new exercise runs: on this device (the default), or as a live session on the server. */
export type ExercisePlace = 'local' | 'live';

/**
 * What the new-exercise form holds and how it changes: the draft (title,
 * municipality, the cast as named roles or a scenario's rows, observers,
 * start time and phase), the scenario chosen, the errors once a submit was
 * tried, and the submit itself (focus to the first wrong field, or the set-up
 * handed on).
 */
export function useNewExerciseForm({ initial, now, language, onCreate, live }: NewExerciseFormInput) {
  const [place, setPlace] = useState<ExercisePlace>('local');
  const [adminSecret, setAdminSecret] = useState('');
  // The secret is asked for only when this tab does not have it yet.
  const asksSecret = live !== undefined && place === 'live' && !live.secretKnown;
  const [start] = useState<ExerciseDraft>(() => (initial ? draftOf(initial) : emptyDraft(now ?? Date.now())));
  const [startCast] = useState(() => (initial?.scenario ? castRowsOf(initial) : null));
  const [scenario, setScenario] = useState<Scenario | null>(initial?.scenario ?? null);
  const [title, setTitle] = useState(start.title);
  const [municipality, setMunicipality] = useState(start.municipality);
  const [names, setNames] = useState(start.names);
  // With a scenario, the cast is the scenario's roles, one row each (two mayors, say, or no prosecutor).
  const [castRows, setCastRows] = useState<CastRow[]>(startCast?.rows ?? []);
  const [startObservers] = useState<ObserverRow[]>(() =>
    (startCast ? startCast.observers : start.observers.map((name) => ({ name }))).map((observer, index) => ({
      key: index + 1,
      ...observer,
    })),
  );
  const [observers, setObservers] = useState(startObservers);
  const nextKey = useRef(startObservers.length + 1);
  const [startTime, setStartTime] = useState(start.startTime);
  // Some parts of the start time emptied, others not: the form's value is then the last whole one (StartTimeField).
  const [startTimeIncomplete, setStartTimeIncomplete] = useState(false);
  const [startPhase, setStartPhase] = useState<PhaseNumber>(start.startPhase);
  const [submitted, setSubmitted] = useState(false);
  const fields = useRef<Partial<Record<string, Focusable>>>({});

  const draft: ExerciseDraft = {
    title,
    municipality,
    names,
    observers: observers.map((row) => row.name),
    startTime,
    startPhase,
  };

  const scenarioSetup = (from: Scenario) =>
    setupFromScenario({
      title,
      municipality,
      startTime,
      startPhase,
      rows: castRows,
      observers: observers.map((row) => ({
        name: row.name,
        ...(row.id === undefined ? {} : { id: row.id }),
        ...(row.position === undefined ? {} : { position: row.position }),
      })),
      scenario: from,
    });

  function errorsOf(): FormErrors {
    const secretMissing = asksSecret && adminSecret.trim() === '' ? { adminSecret: true as const } : {};
    const all = {
      ...validateDraft(draft),
      ...(startTimeIncomplete ? { startTime: true as const } : {}),
      ...secretMissing,
    };
    if (!scenario) return all;
    // With a scenario the named-role fields are not shown: its own rows are checked instead.
    return {
      ...(all.title ? { title: true } : {}),
      ...(all.municipality ? { municipality: true } : {}),
      ...(all.startTime ? { startTime: true } : {}),
      ...castRowErrors(castRows),
      ...secretMissing,
    };
  }
  // Messages show once the trainer has tried to submit, and then follow the input.
  const errors = submitted ? errorsOf() : {};
  /** The fields in the order they appear; focus goes to the first that is wrong. */
  const fieldOrder: readonly string[] = [
    ...(scenario ? ['title', 'municipality', ...castRows.map(castField), 'startTime'] : DRAFT_FIELDS),
    'adminSecret',
  ];

  const chooseScenario = (chosen: Scenario | null) => {
    if (chosen) {
      // Picking a scenario prefills everything from it; all stays editable.
      const prefilled = scenarioToSetup(chosen, language);
      const cast = castRowsOf(prefilled);
      setTitle(prefilled.title);
      setMunicipality(prefilled.municipality);
      setStartTime(prefilled.startTime);
      setStartPhase(prefilled.startPhase ?? 1);
      setCastRows(cast.rows);
      setObservers(cast.observers.map((observer) => ({ key: nextKey.current++, ...observer })));
    } else if (scenario) {
      // Back to no scenario: the names typed so far go to the role fields they belong to.
      const back = draftOf(scenarioSetup(scenario));
      setNames(back.names);
      setCastRows([]);
      setObservers(observers.map((row) => ({ key: row.key, name: row.name })));
    }
    setScenario(chosen);
  };

  /** Where a field's focus handle is kept, so a submit can focus the first wrong one. */
  const register = (field: string) => (element: Focusable) => {
    fields.current[field] = element;
  };

  useEffect(() => {
    fields.current.title?.focus();
  }, []);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const wrong = errorsOf();
    const invalid = fieldOrder.find((field) => wrong[field]);
    if (invalid) {
      fields.current[invalid]?.focus();
      return;
    }
    const setup = scenario ? scenarioSetup(scenario) : setupOf(draft);
    if (live && place === 'live') live.onCreate(setup, asksSecret ? adminSecret.trim() : null);
    else onCreate(setup);
  };

  return {
    place,
    setPlace,
    asksSecret,
    adminSecret,
    setAdminSecret,
    scenario,
    chooseScenario,
    title,
    setTitle,
    municipality,
    setMunicipality,
    names,
    setName: (role: NamedRole, name: string) => {
      setNames((previous) => ({ ...previous, [role]: name }));
    },
    castRows,
    setCastName: (id: string, name: string) => {
      setCastRows((previous) => previous.map((other) => (other.id === id ? { ...other, name } : other)));
    },
    observers,
    /** A new, empty observer row; its key, for focus. */
    addObserver: (): number => {
      const key = nextKey.current++;
      setObservers((previous) => [...previous, { key, name: '' }]);
      return key;
    },
    removeObserver: (key: number) => {
      setObservers((previous) => previous.filter((other) => other.key !== key));
    },
    renameObserver: (key: number, name: string) => {
      setObservers((previous) => previous.map((other) => (other.key === key ? { ...other, name } : other)));
    },
    startTime,
    setStartTime,
    startTimeIncomplete,
    setStartTimeIncomplete,
    startPhase,
    setStartPhase,
    errors,
    register,
    submit,
  };
}
