import { useId, useRef, useState, type ChangeEvent } from 'react';
import {
  BUILT_IN_SCENARIOS,
  MAX_SCENARIO_CHARS,
  parseScenario,
  type BuiltInScenario,
  type Scenario,
  type ScenarioError,
} from '../../scenarios';
import type { Text } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import './scenarioPicker.css';

/** Where the exercise's scenario comes from: `'none'`, `'file'`, or a built-in one's id (a slug, never these two words). */
export type ScenarioSource = string;

export interface ScenarioPickerProps {
  /** The source chosen when the form opens (e.g. the input kept after a failed save). */
  initialSource?: ScenarioSource;
  /** The scenario in effect, for what the picker says about it. */
  scenario: Scenario | null;
  /** A scenario was loaded and checked, or none is wanted (`null`). */
  onChoose: (scenario: Scenario | null, source: ScenarioSource) => void;
  /** Reads a built-in scenario file; by default from the app's own origin (precached for offline use). */
  loadBuiltIn?: (file: BuiltInScenario['file']) => Promise<string>;
}

type Status =
  | { state: 'idle' }
  | { state: 'loading' }
  // Titles in both languages: the status follows a language switch after loading.
  | { state: 'loaded'; title: Text }
  | { state: 'cleared' }
  | { state: 'fetchFailed'; title: Text; problem: string }
  | { state: 'invalid'; name: string; errors: ScenarioError[] };

async function fetchBuiltIn(file: BuiltInScenario['file']): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${file}`);
  if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
  return response.text();
}

/**
 * Reads at most what a scenario may hold. A multi-byte character takes at
 * most four bytes, so a file cut here still has more characters than allowed
 * when it is too large, and `parseScenario` says so — without reading a huge
 * file whole.
 */
const readScenarioFile = (file: File) => file.slice(0, MAX_SCENARIO_CHARS * 4 + 1).text();

/**
 * Start from a scenario: one of the built-in ones, a file of the trainer's own
 * (checked field by field, every error named by its path), or none.
 */
export function ScenarioPicker({
  initialSource = 'none',
  scenario,
  onChoose,
  loadBuiltIn = fetchBuiltIn,
}: ScenarioPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [source, setSource] = useState<ScenarioSource>(initialSource);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  // Only the latest request may change the form: a slow earlier one is dropped.
  const request = useRef(0);

  const chooseBuiltIn = (entry: BuiltInScenario) => {
    const current = ++request.current;
    setStatus({ state: 'loading' });
    const title = entry.title;
    loadBuiltIn(entry.file)
      .then((text) => {
        if (current !== request.current) return;
        const result = parseScenario(text);
        if (result.ok) {
          onChoose(result.scenario, entry.id);
          setStatus({ state: 'loaded', title: result.scenario.title });
        } else setStatus({ state: 'invalid', name: entry.file, errors: result.errors });
      })
      .catch((error: unknown) => {
        if (current !== request.current) return;
        setStatus({ state: 'fetchFailed', title, problem: error instanceof Error ? error.message : String(error) });
      });
  };

  const change = (next: ScenarioSource) => {
    setSource(next);
    if (next === 'none' || next === 'file') {
      // The radio says what is in effect: a file is in effect once it is read and checked.
      request.current++;
      const hadScenario = scenario !== null;
      onChoose(null, next);
      setStatus(hadScenario ? { state: 'cleared' } : { state: 'idle' });
      return;
    }
    const entry = BUILT_IN_SCENARIOS.find((candidate) => candidate.id === next);
    if (entry) chooseBuiltIn(entry);
  };

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const current = ++request.current;
    setStatus({ state: 'loading' });
    readScenarioFile(file)
      .then((text) => {
        if (current !== request.current) return;
        const result = parseScenario(text);
        if (result.ok) {
          onChoose(result.scenario, 'file');
          setStatus({ state: 'loaded', title: result.scenario.title });
        } else setStatus({ state: 'invalid', name: file.name, errors: result.errors });
      })
      .catch((error: unknown) => {
        if (current !== request.current) return;
        setStatus({
          state: 'invalid',
          name: file.name,
          errors: [
            {
              path: '',
              message: {
                nl: `Het bestand kon niet worden gelezen (${String(error)}).`,
                en: `The file could not be read (${String(error)}).`,
              },
            },
          ],
        });
      });
  };

  const options: { value: ScenarioSource; label: string; help?: string }[] = [
    { value: 'none', label: t('scenarioPicker.none'), help: t('scenarioPicker.noneHelp') },
    ...BUILT_IN_SCENARIOS.map((entry) => ({ value: entry.id, label: entry.title[language] })),
    { value: 'file', label: t('scenarioPicker.file') },
  ];

  return (
    <fieldset className="new-exercise__group scenario-picker" aria-describedby={`${id}-help`}>
      <legend>
        {t('scenarioPicker.legend')} <span className="field__requirement">({t('common.optional')})</span>
      </legend>
      <p id={`${id}-help`} className="field__help">
        {t('scenarioPicker.help')}
      </p>
      <div className="scenario-picker__options">
        {options.map((option) => (
          <label key={option.value} className="phase-option scenario-picker__option">
            <input
              type="radio"
              name={`${id}-source`}
              value={option.value}
              checked={source === option.value}
              aria-describedby={option.help ? `${id}-${option.value}-help` : undefined}
              onChange={() => {
                change(option.value);
              }}
            />
            <span>
              <span className="scenario-picker__label">{option.label}</span>
              {option.help && (
                <span id={`${id}-${option.value}-help`} className="field__help scenario-picker__option-help">
                  {option.help}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>

      {source === 'file' && (
        <div className="field scenario-picker__file">
          <label htmlFor={`${id}-file`}>{t('scenarioPicker.fileInput')}</label>
          <span id={`${id}-file-help`} className="field__help">
            {t('scenarioPicker.fileHelp')}
          </span>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-file-help`}
            onChange={readFile}
          />
          {scenario && status.state !== 'loaded' && (
            <span className="new-exercise__chosen">
              {t('scenarioPicker.fileLoaded', { title: scenario.title[language] })}
            </span>
          )}
        </div>
      )}

      <div role="status" className="scenario-picker__status">
        {status.state === 'loading' && <p>{t('scenarioPicker.loading')}</p>}
        {status.state === 'loaded' && (
          <p className="scenario-picker__loaded">
            <span aria-hidden="true">✓ </span>
            {t('scenarioPicker.loaded', { title: status.title[language] })}
          </p>
        )}
        {status.state === 'cleared' && <p>{t('scenarioPicker.cleared')}</p>}
      </div>
      {/* An alert is announced when it appears, so it is rendered only with something to say. */}
      {status.state === 'fetchFailed' && (
        <p role="alert" className="exercises-banner exercises-banner--error scenario-picker__alert">
          <span aria-hidden="true">⚠ </span>
          {t('scenarioPicker.fetchFailed', { title: status.title[language], problem: status.problem })}
        </p>
      )}
      {status.state === 'invalid' && (
        <div
          role="alert"
          className="exercises-banner exercises-banner--error scenario-picker__alert scenario-picker__errors"
        >
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('scenarioPicker.fileErrors', { name: status.name })}
          </p>
          <ul>
            {status.errors.map((error, index) => (
              <li key={index}>
                <code className="scenario-picker__path">{error.path || t('scenarioPicker.wholeFile')}</code>{' '}
                {error.message[language]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
