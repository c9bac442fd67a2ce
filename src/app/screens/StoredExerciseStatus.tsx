import { useTranslation } from '../../i18n';

/** An exercise read for a read-only screen: there (as read, or as the screen made it), or why not. */
type Loaded =
  { state: 'found' } | { state: 'ready' } | { state: 'notFound' } | { state: 'unreadable'; problem: string };

export interface StoredExerciseStatusProps {
  /** The exercise as read from the store; null while it is being read. */
  loaded: Loaded | null;
  /** What the screen says when the exercise is not there. */
  notFound: string;
  /** What it says when the exercise cannot be read. */
  unreadable: (problem: string) => string;
}

/** A read-only screen's exercise while it is read, or why it is not there: a status, or an alert. */
export function StoredExerciseStatus({ loaded, notFound, unreadable }: StoredExerciseStatusProps) {
  const { t } = useTranslation();
  if (loaded === null) return <p role="status">{t('app.loadingExercise')}</p>;
  if (loaded.state === 'found' || loaded.state === 'ready') return null;
  return (
    <p className="banner banner--error" role="alert">
      {loaded.state === 'notFound' ? notFound : unreadable(loaded.problem)}
    </p>
  );
}
