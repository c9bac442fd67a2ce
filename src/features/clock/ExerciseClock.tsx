import { useWallClock } from '../../session/useWallClock';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { CLOCK_SPEEDS, type ClockAction, type ClockSpeed, type ClockState } from '../../session';
import { exerciseNow } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { exerciseDateTimeAttribute, formatExerciseClock } from '../../i18n/format';
import './clock.css';

export interface ExerciseClockProps {
  clock: ClockState;
  /** Who runs the clock: the exercise's trainer (R13). */
  trainerName: string;
  onAction: (action: ClockAction) => void;
  /** Wall clock, injectable for stories. */
  now?: () => number;
}

export function ExerciseClock({ clock, trainerName, onAction, now = Date.now }: ExerciseClockProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wall = useWallClock(clock.running, now);
  const time = exerciseNow(clock, wall);
  return (
    <section className="exercise-clock" aria-labelledby="clock-title">
      <h2 id="clock-title" className="visually-hidden">
        {t('clock.title')}
      </h2>
      <p className="exercise-clock__time">
        <span className="visually-hidden">{t('clock.exerciseTime')}: </span>
        <time dateTime={exerciseDateTimeAttribute(time)}>{formatExerciseClock(time, language)}</time>{' '}
        <span className="exercise-clock__state">
          <span aria-hidden="true">{clock.running ? '▶' : '‖'}</span>{' '}
          {clock.running ? t('clock.running') : t('clock.paused')}
          {clock.speed !== 1 && ` · ${String(clock.speed)}×`}
        </span>
      </p>
      <div className="exercise-clock__controls" title={t('clock.steeredBy', { name: trainerName })}>
        <button
          type="button"
          className="button--primary"
          onClick={() => {
            onAction(clock.running ? { type: 'pause' } : { type: 'start' });
          }}
        >
          {clock.running ? t('clock.pause') : t('clock.start')}
        </button>
        <ToggleButtonGroup
          aria-label={t('clock.speed')}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[String(clock.speed)]}
          onSelectionChange={(keys) => {
            const speed = Number([...keys][0]) as ClockSpeed;
            if (CLOCK_SPEEDS.includes(speed) && speed !== clock.speed) onAction({ type: 'speed', speed });
          }}
          className="exercise-clock__speeds"
        >
          {CLOCK_SPEEDS.map((speed) => (
            <ToggleButton key={speed} id={String(speed)} className="exercise-clock__speed">
              {speed}×
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {[1, 5].map((minutes) => (
          <button
            key={minutes}
            type="button"
            aria-label={t('clock.jumpLabel', { count: minutes })}
            onClick={() => {
              onAction({ type: 'jump', minutes });
            }}
          >
            {t('clock.jump', { minutes })}
          </button>
        ))}
      </div>
    </section>
  );
}
