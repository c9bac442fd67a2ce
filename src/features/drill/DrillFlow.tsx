import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { BUILT_IN_SCENARIOS, parseScenario, type BuiltInScenario } from '../../scenarios';
import type { DrillPace, DrillRun } from '../../session/drillRuns';
import { runsOf } from './comparison';
import { DrillPicker, type DrillChoice, type DrillScenario } from './DrillPicker';
import { DrillPoint } from './DrillPoint';
import { DrillRecord } from './DrillRecord';
import { startDrill, type DrillRunner, type DrillStorage } from './runner';
import { useDrillState } from './useDrill';
import './drill.css';

async function fetchBuiltIn(file: BuiltInScenario['file']): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${file}`);
  if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
  return response.text();
}

/** The built-in scenarios, each read and checked as the set-up form reads them. */
function useChoices(loadBuiltIn: (file: BuiltInScenario['file']) => Promise<string>): DrillChoice[] {
  const [choices, setChoices] = useState<DrillChoice[]>(() =>
    BUILT_IN_SCENARIOS.map((entry) => ({ entry, state: 'loading' })),
  );
  useEffect(() => {
    let current = true;
    void Promise.all(
      BUILT_IN_SCENARIOS.map(async (entry): Promise<DrillChoice> => {
        try {
          const result = parseScenario(await loadBuiltIn(entry.file));
          if (!result.ok) return { entry, state: 'failed', problem: result.errors[0]?.message ?? { nl: '', en: '' } };
          return result.scenario.drill
            ? { entry, state: 'loaded', scenario: result.scenario as DrillScenario }
            : { entry, state: 'noDrill' };
        } catch (error) {
          const problem = error instanceof Error ? error.message : String(error);
          return { entry, state: 'failed', problem: { nl: problem, en: problem } };
        }
      }),
    ).then((loaded) => {
      if (current) setChoices(loaded);
    });
    return () => {
      current = false;
    };
  }, [loadBuiltIn]);
  return choices;
}

type View =
  | { kind: 'choose' }
  | { kind: 'run'; runner: DrillRunner; scenario: DrillScenario }
  | { kind: 'record'; run: DrillRun; scenario: DrillScenario };

export interface DrillFlowProps {
  storage: DrillStorage & { volatile: boolean };
  /** Reads a built-in scenario file; by default from the app's own origin (precached for offline use). */
  loadBuiltIn?: (file: BuiltInScenario['file']) => Promise<string>;
  /** What is known about the tear agent, offered where it is at stake (the screen gives the evidence feature's). */
  evidence?: ReactNode;
  now?: () => number;
}

function Running({
  runner,
  scenario,
  runs,
  evidence,
  now,
  onDone,
}: {
  runner: DrillRunner;
  scenario: DrillScenario;
  runs: readonly DrillRun[];
  evidence: ReactNode;
  now: (() => number) | undefined;
  onDone: (run: DrillRun) => void;
}) {
  const { t } = useTranslation();
  const state = useDrillState(runner);
  useEffect(() => {
    if (state.step === 'done') onDone(state.run);
  }, [state.step, state.run, onDone]);
  return (
    <>
      {state.storage === 'failed' && (
        <p className="banner banner--error" role="alert">
          {t('drill.storageFailed')}
        </p>
      )}
      <DrillPoint
        runner={runner}
        scenario={scenario}
        earlierRuns={runsOf(runs, scenario.id)}
        evidence={evidence}
        {...(now ? { now } : {})}
      />
    </>
  );
}

/**
 * The decision drill from start to record: choose a drill and a pace, go
 * through its decision points one by one, read the record, and start again
 * or choose another. Runs are kept in the drill's storage (src/session).
 */
export function DrillFlow({ storage, loadBuiltIn = fetchBuiltIn, evidence, now }: DrillFlowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const choices = useChoices(loadBuiltIn);
  const [runs, setRuns] = useState<DrillRun[]>([]);
  const [pace, setPace] = useState<DrillPace>('scenario');
  const [view, setView] = useState<View>({ kind: 'choose' });
  const pickerHeading = useRef<HTMLHeadingElement>(null);
  const recordHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const refresh = useCallback(() => {
    void storage.runs.list().then(setRuns, () => undefined);
  }, [storage]);
  useEffect(refresh, [refresh]);

  const runner = view.kind === 'run' ? view.runner : null;
  useEffect(
    () => () => {
      runner?.dispose();
    },
    [runner],
  );

  useEffect(() => {
    if (!moved.current) return;
    if (view.kind === 'choose') pickerHeading.current?.focus();
    if (view.kind === 'record') recordHeading.current?.focus();
  }, [view]);

  const go = (next: View) => {
    moved.current = true;
    setView(next);
  };
  const start = (scenario: DrillScenario) => {
    const started = startDrill({ storage, scenario, language, pace, ...(now ? { now } : {}) });
    go({ kind: 'run', runner: started, scenario });
    void started.begin();
  };
  const onDone = useCallback(
    (run: DrillRun) => {
      refresh();
      setView((current) => (current.kind === 'run' ? { kind: 'record', run, scenario: current.scenario } : current));
      moved.current = true;
    },
    [refresh],
  );

  return (
    <div className="drill">
      {storage.volatile && (
        <p className="banner banner--error" role="status">
          {t('drill.volatile')}
        </p>
      )}
      {view.kind === 'choose' && (
        <>
          <p className="drill__lead">{t('drill.lead')}</p>
          <p className="drill-material">
            <span className="badge badge--assumption">{t('drill.trainingBadge')}</span> {t('drill.trainingMaterial')}
          </p>
          <DrillPicker
            choices={choices}
            runs={runs}
            pace={pace}
            onPace={setPace}
            onStart={start}
            onRecord={(run, scenario) => {
              go({ kind: 'record', run, scenario });
            }}
            headingRef={pickerHeading}
          />
        </>
      )}
      {view.kind === 'run' && (
        <Running
          runner={view.runner}
          scenario={view.scenario}
          runs={runs}
          evidence={evidence}
          now={now}
          onDone={onDone}
        />
      )}
      {view.kind === 'record' && (
        <DrillRecord
          run={view.run}
          scenario={view.scenario}
          runs={runsOf([...runs.filter((run) => run.id !== view.run.id), view.run], view.scenario.id)}
          onAgain={() => {
            start(view.scenario);
          }}
          onOther={() => {
            go({ kind: 'choose' });
          }}
          headingRef={recordHeading}
        />
      )}
    </div>
  );
}
