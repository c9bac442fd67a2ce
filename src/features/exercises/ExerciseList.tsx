import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ExerciseSummary } from '../../session/types';
import { useLanguage, useTranslation } from '../../i18n';
import { ActionLabel } from './ActionLabel';
import { FinalHash } from './FinalHash';
import { MakeLiveStatus, type MakeLiveState } from './MakeLive';
import { formatChangedAt, formatStartTime } from '../../i18n/format';
import './exercises.css';

// The dialog library loads with the first confirmation, not with the list (initialJs).
const ModalDialog = lazy(() => import('../../ui/Dialog').then((module) => ({ default: module.ModalDialog })));

/** A saved exercise as the list shows it: with the fingerprint of its log when known. */
export type ListedExercise = ExerciseSummary & { finalHash?: string };

export interface ExerciseListProps {
  exercises: readonly ListedExercise[];
  onOpen: (id: string) => void;
  onDuplicate: (id: string) => void;
  /** Download the exercise as a file; no button without it. */
  onExport?: (id: string) => void;
  /** "Oefening importeren", shown beside "Nieuwe oefening". */
  importControl?: ReactNode;
  /** Called only after the trainer confirmed. */
  onDelete: (id: string) => void;
  onNew: () => void;
  /** Put focus on "Nieuwe oefening" when shown, e.g. on the way back from the form. */
  focusNew?: boolean;
  /** Only when this page was served by a Paraat server: "Live zetten" on each exercise. */
  makeLive?: MakeLiveActions;
}

/** Moving an exercise to the server, and how that goes per exercise (by id). */
export interface MakeLiveActions {
  states: Readonly<Partial<Record<string, MakeLiveState>>>;
  onMakeLive: (id: string) => void;
  /** The admin secret typed in the card that asked for it. */
  onSecret: (id: string, secret: string) => void;
  onCancel: (id: string) => void;
}

/** The exercises saved on this device, newest change first, each to open, duplicate, export or delete. */
export function ExerciseList({
  exercises,
  onOpen,
  onDuplicate,
  onExport,
  importControl,
  onDelete,
  onNew,
  focusNew = false,
  makeLive,
}: ExerciseListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState<ExerciseSummary | null>(null);
  // After a delete the button that opened the dialog is gone: focus goes to the neighbour's title, or to "new".
  const focusAfterDelete = useRef<{ deleted: string; next: string | null } | null>(null);

  // Only on the way in: a later change of `focusNew` must not steal focus.
  const focusNewOnMount = useRef(focusNew);
  useEffect(() => {
    if (focusNewOnMount.current) newButton.current?.focus();
  }, []);

  useEffect(() => {
    const plan = focusAfterDelete.current;
    if (!plan) return;
    focusAfterDelete.current = null;
    // Still listed: the delete failed, and the dialog returns focus to its button.
    if (exercises.some((exercise) => exercise.id === plan.deleted)) return;
    const title = plan.next
      ? root.current?.querySelector<HTMLElement>(`[data-exercise-id="${CSS.escape(plan.next)}"] .exercise-card__title`)
      : null;
    (title ?? newButton.current)?.focus();
  }, [exercises]);

  const newExercise = (large: boolean) => (
    <button
      ref={newButton}
      type="button"
      className={large ? 'button--primary button--large' : 'button--primary'}
      onClick={onNew}
    >
      <span aria-hidden="true">+ </span>
      {t('exercises.new')}
    </button>
  );

  return (
    <section ref={root} className="exercises" aria-labelledby={`${id}-title`}>
      <div className="exercises__header">
        <h2 id={`${id}-title`}>{t('exercises.title')}</h2>
        <div className="exercises__header-actions">
          {importControl}
          {exercises.length > 0 && newExercise(false)}
        </div>
      </div>

      {exercises.length === 0 ? (
        <div className="exercises-empty panel">
          <h3>{t('exercises.list.emptyTitle')}</h3>
          <p>{t('exercises.list.emptyText')}</p>
          {newExercise(true)}
        </div>
      ) : (
        <ul className="exercise-list" aria-label={t('exercises.list.label')}>
          {exercises.map((exercise) => (
            <li key={exercise.id} className="exercise-card" data-exercise-id={exercise.id}>
              <h3 className="exercise-card__title" tabIndex={-1}>
                {exercise.title}
              </h3>
              <dl className="exercise-card__facts">
                <div>
                  <dt>{t('exercises.list.municipality')}</dt>
                  <dd>{exercise.municipality}</dd>
                </div>
                <div>
                  <dt>{t('exercises.list.startTime')}</dt>
                  <dd>
                    <time dateTime={exercise.startTime}>{formatStartTime(exercise.startTime, language)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('exercises.list.log')}</dt>
                  <dd>{t('exercises.list.entries', { count: exercise.entries })}</dd>
                </div>
                <div>
                  <dt>{t('exercises.list.updated')}</dt>
                  <dd>
                    <time dateTime={exercise.updatedAt}>{formatChangedAt(exercise.updatedAt, language)}</time>
                  </dd>
                </div>
                {exercise.finalHash && (
                  <div>
                    <dt>{t('exerciseFile.fingerprint')}</dt>
                    <dd>
                      <FinalHash hash={exercise.finalHash} />
                    </dd>
                  </div>
                )}
              </dl>
              <div className="exercise-card__actions">
                <button
                  type="button"
                  className="button--primary"
                  onClick={() => {
                    onOpen(exercise.id);
                  }}
                >
                  <ActionLabel action={t('exercises.list.open')} subject={exercise.title} />
                </button>
                <button
                  type="button"
                  onClick={() => {
                    onDuplicate(exercise.id);
                  }}
                >
                  <ActionLabel action={t('exercises.list.duplicate')} subject={exercise.title} />
                </button>
                {makeLive && (
                  <button
                    type="button"
                    className="make-live__button"
                    disabled={makeLive.states[exercise.id]?.state === 'uploading'}
                    onClick={() => {
                      makeLive.onMakeLive(exercise.id);
                    }}
                  >
                    <ActionLabel action={t('exercises.live.makeLive')} subject={exercise.title} />
                  </button>
                )}
                {onExport && (
                  <button
                    type="button"
                    onClick={() => {
                      onExport(exercise.id);
                    }}
                  >
                    <ActionLabel action={t('exerciseFile.export')} subject={exercise.title} />
                  </button>
                )}
                <button
                  type="button"
                  className="button--danger"
                  onClick={() => {
                    setConfirming(exercise);
                  }}
                >
                  <ActionLabel action={t('exercises.list.delete')} subject={exercise.title} />
                </button>
              </div>
              {makeLive && (
                <div className="make-live">
                  <MakeLiveStatus
                    title={exercise.title}
                    status={makeLive.states[exercise.id]}
                    onSecret={(secret) => {
                      makeLive.onSecret(exercise.id, secret);
                    }}
                    onCancel={() => {
                      makeLive.onCancel(exercise.id);
                      // The form that had focus goes away: back to the button that opened it.
                      root.current
                        ?.querySelector<HTMLElement>(
                          `[data-exercise-id="${CSS.escape(exercise.id)}"] .make-live__button`,
                        )
                        ?.focus();
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {confirming && (
        <Suspense fallback={null}>
          <ModalDialog
            role="alertdialog"
            isOpen
            onOpenChange={(isOpen) => {
              if (!isOpen) setConfirming(null);
            }}
            title={t('exercises.confirmDelete.title', { title: confirming.title })}
          >
            {(close) => (
              <>
                <p>{t('exercises.confirmDelete.text')}</p>
                <div className="dialog__actions">
                  <button type="button" autoFocus onClick={close}>
                    {t('common.cancel')}
                  </button>
                  <button
                    type="button"
                    className="button--danger button--primary"
                    onClick={() => {
                      const index = exercises.findIndex((exercise) => exercise.id === confirming.id);
                      const next = exercises[index + 1] ?? exercises[index - 1];
                      focusAfterDelete.current = { deleted: confirming.id, next: next?.id ?? null };
                      close();
                      onDelete(confirming.id);
                    }}
                  >
                    {t('exercises.confirmDelete.confirm')}
                  </button>
                </div>
              </>
            )}
          </ModalDialog>
        </Suspense>
      )}
    </section>
  );
}
