import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import './live.css';

export interface LiveExerciseRow {
  id: string;
  title: string;
  length: number;
  updatedAt: string;
}

export interface LiveExerciseListProps {
  exercises: readonly LiveExerciseRow[];
  openHref: (id: string) => string;
  debriefHref: (id: string) => string;
  onDownload: (id: string) => void;
  /** The exercise just uploaded: marked, and its link takes focus so the trainer lands on it. */
  arrivedId?: string | null;
  /** The exercise whose file is being fetched. */
  downloadingId?: string | null;
}

/**
 * The live exercises on the server (issue #14 items 1 and 8): each opens its
 * console, its debrief (read from the server's log) or downloads as the
 * exercise file the one-device import reads.
 */
export function LiveExerciseList({
  exercises,
  openHref,
  debriefHref,
  onDownload,
  arrivedId = null,
  downloadingId = null,
}: LiveExerciseListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const arrived = useRef<HTMLAnchorElement | null>(null);
  useEffect(() => {
    arrived.current?.focus();
  }, [arrivedId]);
  return (
    <ul className="live-home__list">
      {exercises.map((exercise) => {
        const isNew = exercise.id === arrivedId;
        return (
          <li key={exercise.id} className={isNew ? 'live-home__item live-home__item--new' : 'live-home__item'}>
            <div>
              <a href={openHref(exercise.id)} ref={isNew ? arrived : undefined}>
                {exercise.title}
              </a>{' '}
              {isNew && <strong className="live-home__new">{t('live.home.newHere')}</strong>}{' '}
              <span>
                {t('live.home.entries', { count: exercise.length })},{' '}
                {t('live.home.updated', { time: formatWallDateTime(exercise.updatedAt, language) })}
              </span>
            </div>
            <div
              className="live-home__actions"
              role="group"
              aria-label={t('live.home.actionsFor', { title: exercise.title })}
            >
              <a className="button" href={debriefHref(exercise.id)}>
                {t('live.home.debrief')}
              </a>
              <Button
                className="button"
                isDisabled={downloadingId === exercise.id}
                onPress={() => {
                  onDownload(exercise.id);
                }}
              >
                {downloadingId === exercise.id ? t('live.home.downloading') : t('live.home.download')}
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
