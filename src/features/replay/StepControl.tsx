import { useId } from 'react';
import { useTranslation } from '../../i18n';
import { PLAY_SPEEDS, type PlaySpeed } from './playback';

export interface StepControlProps {
  position: number;
  count: number;
  onPosition: (position: number) => void;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
  speed: PlaySpeed;
  onSpeed: (speed: PlaySpeed) => void;
}

/**
 * The replay's controls: a slider over the positions 0..count (native range
 * input: arrows, Page Up/Down, Home and End work as everywhere), first /
 * previous / next / last, and play/pause at a chosen speed. A step that
 * cannot be taken says so (aria-disabled) and keeps focus where it is.
 */
export function StepControl({ position, count, onPosition, playing, onPlaying, speed, onSpeed }: StepControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const valueText =
    position === 0 ? t('replay.positionStart', { count }) : t('replay.positionValue', { position, count });
  const go = (target: number) => {
    onPosition(Math.max(0, Math.min(count, target)));
  };
  const atStart = position === 0;
  const atEnd = position === count;
  return (
    <div className="replay-steps">
      <div className="field replay-steps__slider">
        <label htmlFor={`${id}-position`}>{t('replay.position')}</label>
        <input
          id={`${id}-position`}
          type="range"
          min={0}
          max={count}
          step={1}
          value={position}
          aria-valuetext={valueText}
          onChange={(event) => {
            go(Number(event.target.value));
          }}
        />
        <output htmlFor={`${id}-position`} className="replay-steps__value">
          {valueText}
        </output>
      </div>
      <div className="replay-steps__buttons" role="group" aria-label={t('replay.steps')}>
        <button
          type="button"
          aria-disabled={atStart}
          onClick={() => {
            go(0);
          }}
        >
          <span aria-hidden="true">« </span>
          {t('replay.first')}
        </button>
        <button
          type="button"
          aria-disabled={atStart}
          onClick={() => {
            go(position - 1);
          }}
        >
          <span aria-hidden="true">◀ </span>
          {t('replay.previous')}
        </button>
        <button
          type="button"
          aria-disabled={atEnd}
          onClick={() => {
            go(position + 1);
          }}
        >
          {t('replay.next')}
          <span aria-hidden="true"> ▶</span>
        </button>
        <button
          type="button"
          aria-disabled={atEnd}
          onClick={() => {
            go(count);
          }}
        >
          {t('replay.last')}
          <span aria-hidden="true"> »</span>
        </button>
      </div>
      <div className="replay-steps__play">
        <button
          type="button"
          className="button--primary"
          aria-describedby={`${id}-help`}
          onClick={() => {
            // Playing from the end starts again at the beginning.
            if (!playing && atEnd) onPosition(0);
            onPlaying(!playing);
          }}
        >
          <span aria-hidden="true">{playing ? '■ ' : '▶ '}</span>
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <div className="field replay-steps__speed">
          <label htmlFor={`${id}-speed`}>{t('replay.speed')}</label>
          <select
            id={`${id}-speed`}
            value={speed}
            onChange={(event) => {
              onSpeed(Number(event.target.value) as PlaySpeed);
            }}
          >
            {PLAY_SPEEDS.map((option) => (
              <option key={option} value={option}>
                {t('replay.speedValue', { speed: option })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-help`} className="replay-steps__help">
        {t('replay.playHelp')}
      </p>
    </div>
  );
}
