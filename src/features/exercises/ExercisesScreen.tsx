import { useCallback, useEffect, useState } from 'react';
import { createExercise, ExerciseStore, StorageWriteError, type ExerciseSetup } from '../../session';
import { useTranslation } from '../../i18n';
import { ExerciseList } from './ExerciseList';
import { NewExerciseForm } from './NewExerciseForm';
import './exercises.css';

export interface ExercisesScreenProps {
  store: ExerciseStore;
  onOpen: (id: string) => void;
  /** The wall clock (epoch ms); stories and tests pass a fixed one. */
  now?: () => number;
}

type Mode = { screen: 'list'; focusNew: boolean } | { screen: 'new' };

/**
 * The start screen: the saved exercises, and the set-up of a new one. A write
 * that fails is said (role="alert"), never silent, and the form keeps what the
 * trainer typed — also when they go back to the list to make room.
 */
export function ExercisesScreen({ store, onOpen, now = Date.now }: ExercisesScreenProps) {
  const { t } = useTranslation();
  const [exercises, setExercises] = useState(() => store.list());
  const [mode, setMode] = useState<Mode>({ screen: 'list', focusNew: false });
  // Input of a create that could not be stored; the form starts from it next time.
  const [unsaved, setUnsaved] = useState<ExerciseSetup | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const reload = useCallback(() => {
    setExercises(store.list());
  }, [store]);

  // Another tab may add or delete exercises on this device.
  useEffect(() => {
    window.addEventListener('storage', reload);
    return () => {
      window.removeEventListener('storage', reload);
    };
  }, [reload]);

  const problemOf = (action: 'create' | 'duplicate' | 'delete', error: unknown) => {
    if (!(error instanceof StorageWriteError)) console.error(error);
    const reason = error instanceof StorageWriteError ? error.reason : 'unknown';
    return t(`exercises.problem.${action}`, { reason: t(`exercises.problem.${reason}`) });
  };

  const titleOf = (id: string) => exercises.find((exercise) => exercise.id === id)?.title ?? '';

  const create = (setup: ExerciseSetup) => {
    let id: string;
    try {
      id = createExercise(store, setup, now).id;
    } catch (error) {
      setUnsaved(setup);
      setProblem(problemOf('create', error));
      reload();
      return;
    }
    setUnsaved(null);
    setProblem(null);
    reload();
    onOpen(id);
  };

  const duplicate = (id: string) => {
    setProblem(null);
    setNotice('');
    const head = store.head(id);
    if (!head) {
      setProblem(t('exercises.problem.gone'));
      reload();
      return;
    }
    const setup = { ...head.setup, title: `${head.setup.title}${t('exercises.copySuffix')}` };
    try {
      createExercise(store, setup, now);
      setNotice(t('exercises.notice.duplicated', { title: setup.title }));
    } catch (error) {
      setProblem(problemOf('duplicate', error));
    }
    reload();
  };

  const remove = (id: string) => {
    setProblem(null);
    setNotice('');
    const title = titleOf(id);
    try {
      store.remove(id);
      setNotice(t('exercises.notice.deleted', { title }));
    } catch (error) {
      setProblem(problemOf('delete', error));
    }
    reload();
  };

  if (mode.screen === 'new')
    return (
      <NewExerciseForm
        now={now()}
        initial={unsaved ?? undefined}
        problem={problem}
        onCreate={create}
        onCancel={() => {
          setProblem(null);
          setNotice(unsaved ? t('exercises.notice.draftKept', { title: unsaved.title }) : '');
          setMode({ screen: 'list', focusNew: true });
        }}
      />
    );

  return (
    <div className="exercises-screen">
      <div className="exercises-alert" role="alert">
        {problem && (
          <p className="exercises-banner exercises-banner--error">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        )}
      </div>
      <div className="exercises-notice" role="status">
        {notice && <p className="exercises-banner exercises-banner--notice">{notice}</p>}
      </div>
      <ExerciseList
        exercises={exercises}
        focusNew={mode.focusNew}
        onOpen={onOpen}
        onDuplicate={duplicate}
        onDelete={remove}
        onNew={() => {
          setProblem(null);
          setNotice('');
          setMode({ screen: 'new' });
        }}
      />
    </div>
  );
}
