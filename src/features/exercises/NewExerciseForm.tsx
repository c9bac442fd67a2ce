import { useId } from 'react';
import { BUILT_IN_SCENARIOS } from '../../scenarios';
import type { ExerciseSetup } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { formatStartTimeInWords } from '../../i18n/format';
import { CastSection } from './CastSection';
import { AdminSecretField } from './MakeLive';
import { ObserversSection } from './ObserversSection';
import { PlaceField } from './PlaceField';
import { ProblemBanner } from './ProblemBanner';
import { RequiredTextField } from './RequiredTextField';
import { ScenarioPicker, type ScenarioPickerProps, type ScenarioSource } from './ScenarioPicker';
import { ScenarioSummary } from './ScenarioSummary';
import { StartPhaseField } from './StartPhaseField';
import { StartTimeField } from './StartTimeField';
import { useNewExerciseForm } from './useNewExerciseForm';
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
  /**
   * Only when this page was served by a Paraat server: the choice between
   * this device and a live session there. Without it the form is as it was.
   */
  live?: {
    /** This tab has the admin secret; else it is asked for with the choice. */
    secretKnown: boolean;
    /** The server is making the exercise. */
    creating: boolean;
    onCreate: (setup: ExerciseSetup, secret: string | null) => void;
  };
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
  live,
}: NewExerciseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const form = useNewExerciseForm({ initial, now, language, onCreate, live });
  const goesLive = live !== undefined && form.place === 'live';
  const { errors, register } = form;
  const startTimeInWords = form.startTimeIncomplete ? '' : formatStartTimeInWords(form.startTime, language);

  return (
    <form className="new-exercise panel" noValidate onSubmit={form.submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('exercises.form.title')}</h2>
      <p className="new-exercise__intro">{t('exercises.form.intro')}</p>

      <ScenarioPicker
        initialSource={sourceOf(initial)}
        scenario={form.scenario}
        onChoose={form.chooseScenario}
        {...(loadBuiltIn ? { loadBuiltIn } : {})}
      />
      {form.scenario && <ScenarioSummary scenario={form.scenario} />}

      <div className="new-exercise__fields">
        <RequiredTextField
          field="title"
          label={t('exercises.form.exerciseTitle')}
          value={form.title}
          onChange={form.setTitle}
          error={t('exercises.form.errors.title')}
          invalid={Boolean(errors.title)}
          help={t('exercises.form.exerciseTitleHelp')}
          inputRef={register('title')}
        />
        <RequiredTextField
          field="municipality"
          label={t('exercises.form.municipality')}
          value={form.municipality}
          onChange={form.setMunicipality}
          error={t('exercises.form.errors.municipality')}
          invalid={Boolean(errors.municipality)}
          help={t('exercises.form.municipalityHelp')}
          inputRef={register('municipality')}
        />
      </div>

      <CastSection
        fromScenario={form.scenario !== null}
        castRows={form.castRows}
        names={form.names}
        municipality={form.municipality}
        errors={errors}
        register={register}
        onCastName={form.setCastName}
        onName={form.setName}
      />

      <ObserversSection
        observers={form.observers}
        onAdd={form.addObserver}
        onRemove={form.removeObserver}
        onRename={form.renameObserver}
      />

      <div className="new-exercise__fields new-exercise__start">
        <StartTimeField
          ref={register('startTime')}
          name="startTime"
          value={form.startTime}
          onChange={form.setStartTime}
          onIncompleteChange={form.setStartTimeIncomplete}
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

      <StartPhaseField value={form.startPhase} onChange={form.setStartPhase} />

      {live && (
        <div className="new-exercise__place">
          <PlaceField value={form.place} onChange={form.setPlace} />
          {form.asksSecret && (
            <AdminSecretField
              value={form.adminSecret}
              onChange={form.setAdminSecret}
              invalid={Boolean(errors.adminSecret)}
              error={t('exercises.live.secretMissing')}
              inputRef={register('adminSecret')}
            />
          )}
          <div className="exercises-notice" role="status">
            {live.creating && (
              <p className="exercises-banner exercises-banner--notice">{t('exercises.live.creating')}</p>
            )}
          </div>
        </div>
      )}

      <div className="exercises-alert" role="alert">
        <ProblemBanner problem={problem} />
      </div>

      <div className="new-exercise__actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={live?.creating}>
          {goesLive ? t('exercises.live.submitLive') : t('exercises.form.submit')}
        </button>
      </div>
    </form>
  );
}
