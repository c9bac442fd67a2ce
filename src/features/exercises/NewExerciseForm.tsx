import { useEffect, useId, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import { PHASES, type PhaseNumber } from '../../../machines';
import { BUILT_IN_SCENARIOS, scenarioToSetup, type Scenario } from '../../scenarios';
import type { Text } from '../../../machines';
import type { ExerciseSetup } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { DRAFT_FIELDS, draftOf, emptyDraft, NAMED_ROLES, setupOf, validateDraft, type ExerciseDraft } from './setup';
import { ActionLabel } from './ActionLabel';
import { formatStartTimeInWords } from './format';
import { ScenarioPicker, type ScenarioPickerProps, type ScenarioSource } from './ScenarioPicker';
import { ScenarioSummary } from './ScenarioSummary';
import { castField, castRowErrors, castRowsOf, setupFromScenario, type CastRow } from './scenarioCast';
import { StartTimeField } from './StartTimeField';
import './exercises.css';

export interface NewExerciseFormProps {
  onCreate: (setup: ExerciseSetup) => void;
  onCancel: () => void;
  /** Wall-clock time (epoch ms) the default start, the coming 31 December 22:00, is counted from; default: now. */
  now?: number;
  /** A set-up to start from, e.g. the input kept after a save that failed. */
  initial?: ExerciseSetup;
  /** Why the last attempt to create failed (storage); shown as an alert, the input stays. */
  problem?: string | null;
  /** Reads a built-in scenario file (stories and tests pass their own); by default fetched from the app's origin. */
  loadBuiltIn?: ScenarioPickerProps['loadBuiltIn'];
}

interface ObserverRow {
  key: number;
  name: string;
  /** The scenario's id for this observer, kept in the set-up. */
  id?: string;
  /** The scenario's position for this observer ("evaluator"), kept in the set-up. */
  position?: Text;
}

/** Where the kept input's scenario came from: a built-in one, or else a file. */
const sourceOf = (setup: ExerciseSetup | undefined): ScenarioSource => {
  if (!setup?.scenario) return 'none';
  const builtIn = BUILT_IN_SCENARIOS.find((entry) => entry.id === setup.scenarioId);
  return builtIn ? builtIn.id : 'file';
};

/**
 * The set-up of a new exercise: optionally from a scenario (which prefills
 * everything and brings its injects), then title, municipality, cast, start
 * time and start phase, all editable.
 */
export function NewExerciseForm({
  onCreate,
  onCancel,
  now,
  initial,
  problem = null,
  loadBuiltIn,
}: NewExerciseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [start] = useState<ExerciseDraft>(() => (initial ? draftOf(initial) : emptyDraft(now ?? Date.now())));
  const [startCast] = useState(() => (initial?.scenario ? castRowsOf(initial) : null));
  const [scenario, setScenario] = useState<Scenario | null>(initial?.scenario ?? null);
  const [title, setTitle] = useState(start.title);
  const [municipality, setMunicipality] = useState(start.municipality);
  const [names, setNames] = useState(start.names);
  // With a scenario, the cast is the scenario's roles, one row each (two mayors, say, or no prosecutor).
  const [castRows, setCastRows] = useState<CastRow[]>(startCast?.rows ?? []);
  const nextKey = useRef(1);
  const [observers, setObservers] = useState<ObserverRow[]>(() =>
    startCast
      ? startCast.observers.map((observer) => ({ key: nextKey.current++, ...observer }))
      : start.observers.map((name) => ({ key: nextKey.current++, name })),
  );
  const [startTime, setStartTime] = useState(start.startTime);
  // Some parts of the start time emptied, others not: the form's value is then the last whole one (StartTimeField).
  const [startTimeIncomplete, setStartTimeIncomplete] = useState(false);
  const [startPhase, setStartPhase] = useState<PhaseNumber>(start.startPhase);
  const [submitted, setSubmitted] = useState(false);
  const fields = useRef<Partial<Record<string, { focus: () => void } | null>>>({});
  const observerInputs = useRef(new Map<number, HTMLInputElement>());
  const addObserverButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once an observer row is added or removed (a row's key, or the add button).
  const focusAfterRows = useRef<number | 'add' | null>(null);

  const draft: ExerciseDraft = {
    title,
    municipality,
    names,
    observers: observers.map((row) => row.name),
    startTime,
    startPhase,
  };
  const startTimeInWords = startTimeIncomplete ? '' : formatStartTimeInWords(startTime, language);

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

  // Messages show once the trainer has tried to submit, and then follow the input.
  const errors = submitted ? errorsOf() : {};
  function errorsOf(): Partial<Record<string, true>> {
    const all = { ...validateDraft(draft), ...(startTimeIncomplete ? { startTime: true as const } : {}) };
    if (!scenario) return all;
    // With a scenario the named-role fields are not shown: its own rows are checked instead.
    return {
      ...(all.title ? { title: true } : {}),
      ...(all.municipality ? { municipality: true } : {}),
      ...(all.startTime ? { startTime: true } : {}),
      ...castRowErrors(castRows),
    };
  }
  /** The fields in the order they appear; focus goes to the first that is wrong. */
  const fieldOrder: readonly string[] = scenario
    ? ['title', 'municipality', ...castRows.map(castField), 'startTime']
    : DRAFT_FIELDS;

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

  useEffect(() => {
    fields.current.title?.focus();
  }, []);

  useEffect(() => {
    const target = focusAfterRows.current;
    focusAfterRows.current = null;
    if (target === 'add') addObserverButton.current?.focus();
    else if (target !== null) observerInputs.current.get(target)?.focus();
  }, [observers]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const wrong = errorsOf();
    const invalid = fieldOrder.find((field) => wrong[field]);
    if (invalid) {
      fields.current[invalid]?.focus();
      return;
    }
    onCreate(scenario ? scenarioSetup(scenario) : setupOf(draft));
  };

  // A role's word, with its municipality when it is not the exercise's; numbered when a label repeats.
  const baseLabels = castRows.map((row) =>
    row.municipality === undefined
      ? t(`role.${row.role}`)
      : t('scenarioPicker.cast.otherMunicipality', { role: t(`role.${row.role}`), municipality: row.municipality }),
  );
  const castLabels = baseLabels.map((label, index) =>
    baseLabels.filter((other) => other === label).length > 1
      ? t('scenarioPicker.cast.numbered', {
          label,
          number: baseLabels.slice(0, index + 1).filter((other) => other === label).length,
        })
      : label,
  );

  // Under a scenario's role: its position there, and whether that mayor may decide here (R5).
  const castHelp = (row: CastRow): { help?: string } => {
    const parts = [
      row.position ? t('scenarioPicker.cast.position', { position: row.position[language] }) : null,
      row.municipality !== undefined && row.municipality !== municipality.trim()
        ? t('scenarioPicker.cast.notCompetent', { municipality: row.municipality })
        : null,
    ].filter((part) => part !== null);
    return parts.length > 0 ? { help: parts.join(' ') } : {};
  };

  const register = (field: string) => (element: { focus: () => void } | null) => {
    fields.current[field] = element;
  };

  const textField = ({
    field,
    label,
    value,
    onChange,
    error,
    help,
  }: {
    /** The input's name, and the key of its error. */
    field: string;
    label: string;
    value: string;
    onChange: (value: string) => void;
    /** What to do when the field is wrong. */
    error: string;
    help?: string;
  }): ReactNode => {
    const inputId = `${id}-${field}`;
    const describedBy = [help ? `${inputId}-help` : null, errors[field] ? `${inputId}-error` : null]
      .filter(Boolean)
      .join(' ');
    return (
      <div className={errors[field] ? 'field field--invalid' : 'field'}>
        <label htmlFor={inputId}>
          {label} <span className="field__requirement">({t('common.required')})</span>
        </label>
        {help && (
          <span id={`${inputId}-help`} className="field__help">
            {help}
          </span>
        )}
        {errors[field] && (
          <span id={`${inputId}-error`} className="field__error">
            {error}
          </span>
        )}
        <input
          ref={register(field)}
          id={inputId}
          name={field}
          type="text"
          value={value}
          required
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy || undefined}
          autoComplete="off"
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      </div>
    );
  };

  return (
    <form className="new-exercise panel" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('exercises.form.title')}</h2>
      <p className="new-exercise__intro">{t('exercises.form.intro')}</p>

      <ScenarioPicker
        initialSource={sourceOf(initial)}
        scenario={scenario}
        onChoose={chooseScenario}
        {...(loadBuiltIn ? { loadBuiltIn } : {})}
      />
      {scenario && <ScenarioSummary scenario={scenario} />}

      <div className="new-exercise__fields">
        {textField({
          field: 'title',
          label: t('exercises.form.exerciseTitle'),
          value: title,
          onChange: setTitle,
          error: t('exercises.form.errors.title'),
          help: t('exercises.form.exerciseTitleHelp'),
        })}
        {textField({
          field: 'municipality',
          label: t('exercises.form.municipality'),
          value: municipality,
          onChange: setMunicipality,
          error: t('exercises.form.errors.municipality'),
          help: t('exercises.form.municipalityHelp'),
        })}
      </div>

      <fieldset className="new-exercise__group" aria-describedby={`${id}-cast-help`}>
        <legend>{t('exercises.form.cast')}</legend>
        <p id={`${id}-cast-help`} className="field__help">
          {scenario ? t('scenarioPicker.cast.help') : t('exercises.form.castHelp')}
        </p>
        <div className="new-exercise__grid">
          {scenario
            ? castRows.map((row, index) => (
                <div key={row.id}>
                  {textField({
                    field: castField(row),
                    label: castLabels[index] ?? row.id,
                    value: row.name,
                    onChange: (value) => {
                      setCastRows((previous) =>
                        previous.map((other) => (other.id === row.id ? { ...other, name: value } : other)),
                      );
                    },
                    error: t('scenarioPicker.cast.required'),
                    ...castHelp(row),
                  })}
                </div>
              ))
            : NAMED_ROLES.map((role) => (
                <div key={role}>
                  {textField({
                    field: role,
                    label: t(`role.${role}`),
                    value: names[role],
                    onChange: (value) => {
                      setNames((previous) => ({ ...previous, [role]: value }));
                    },
                    error: t(`exercises.form.errors.${role}`),
                  })}
                </div>
              ))}
        </div>
      </fieldset>

      <fieldset className="new-exercise__group" aria-describedby={`${id}-observers-help`}>
        <legend>
          {t('exercises.form.observers')} <span className="field__requirement">({t('common.optional')})</span>
        </legend>
        <p id={`${id}-observers-help`} className="field__help">
          {t('exercises.form.observersHelp')}
        </p>
        {observers.length === 0 ? (
          <p className="new-exercise__none">{t('exercises.form.noObservers')}</p>
        ) : (
          <ul className="observer-rows">
            {observers.map((row, index) => {
              const label = t('exercises.form.observer', { number: index + 1 });
              const inputId = `${id}-observer-${String(row.key)}`;
              return (
                <li key={row.key} className="observer-row">
                  <div className="field">
                    <label htmlFor={inputId}>{label}</label>
                    {row.position && (
                      <span id={`${inputId}-help`} className="field__help">
                        {t('scenarioPicker.cast.position', { position: row.position[language] })}
                      </span>
                    )}
                    <input
                      ref={(element) => {
                        if (element) observerInputs.current.set(row.key, element);
                        else observerInputs.current.delete(row.key);
                      }}
                      id={inputId}
                      type="text"
                      value={row.name}
                      aria-describedby={row.position ? `${inputId}-help` : undefined}
                      autoComplete="off"
                      onChange={(event) => {
                        const name = event.target.value;
                        setObservers((previous) =>
                          previous.map((other) => (other.key === row.key ? { ...other, name } : other)),
                        );
                      }}
                    />
                  </div>
                  <button
                    type="button"
                    className="button--danger"
                    onClick={() => {
                      const next = observers[index + 1] ?? observers[index - 1];
                      setObservers((previous) => previous.filter((other) => other.key !== row.key));
                      focusAfterRows.current = next ? next.key : 'add';
                    }}
                  >
                    <ActionLabel action={t('exercises.form.removeObserver')} subject={label} />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <button
          ref={addObserverButton}
          type="button"
          onClick={() => {
            const key = nextKey.current++;
            setObservers((previous) => [...previous, { key, name: '' }]);
            focusAfterRows.current = key;
          }}
        >
          <span aria-hidden="true">+ </span>
          {t('exercises.form.addObserver')}
        </button>
      </fieldset>

      <div className="new-exercise__fields new-exercise__start">
        <StartTimeField
          ref={register('startTime')}
          name="startTime"
          value={startTime}
          onChange={setStartTime}
          onIncompleteChange={setStartTimeIncomplete}
          language={language}
          label={t('exercises.form.startTime')}
          requirement={t('common.required')}
          help={t('exercises.form.startTimeHelp')}
          error={errors.startTime ? t('exercises.form.errors.startTime') : null}
          // In words too, with the weekday: a trainer sees at once that 31-12 is a Thursday.
          after={
            startTimeInWords && (
              <span className="new-exercise__chosen">
                {t('exercises.form.startTimeChosen', { time: startTimeInWords })}
              </span>
            )
          }
        />
      </div>

      <fieldset className="new-exercise__group" aria-describedby={`${id}-phase-help`}>
        <legend>{t('exercises.form.startPhase')}</legend>
        <p id={`${id}-phase-help`} className="field__help">
          {t('exercises.form.startPhaseHelp')}
        </p>
        <div className="phase-options">
          {PHASES.map((phase) => (
            <label key={phase.number} className="phase-option">
              <input
                type="radio"
                name={`${id}-startPhase`}
                value={phase.number}
                checked={startPhase === phase.number}
                onChange={() => {
                  setStartPhase(phase.number);
                }}
              />
              <span className="phase-option__text">
                <span className="phase-option__number">{t('exercises.form.phase', { number: phase.number })}</span>{' '}
                {phase.name[language]}
                {phase.assumption && (
                  <>
                    {' '}
                    <span className="badge badge--assumption">{t('exercises.form.assumption')}</span>
                  </>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="exercises-alert" role="alert">
        {problem && (
          <p className="exercises-banner exercises-banner--error">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        )}
      </div>

      <div className="new-exercise__actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button--primary">
          {t('exercises.form.submit')}
        </button>
      </div>
    </form>
  );
}
