import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { clockText, secondsBetween } from './drill';

/** Whole seconds since `from` (ISO; '' for not yet: 0), re-read every second. `now`: the wall clock (epoch ms); stories fix it. */
export function useSecondsSince(from: string, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => {
      setTime(now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [now, from]);
  return from === '' ? 0 : secondsBetween(from, new Date(time).toISOString());
}

export interface CountdownProps {
  /** Seconds since the situation was shown. */
  elapsed: number;
  /** Seconds allowed; null: no limit, and the time taken counts up. */
  limitSeconds: number | null;
}

type Moment = 'started' | 'minuteLeft' | 'timeUp' | 'quiet';

/**
 * The time to decide, visible and large, in digits and words (never colour
 * alone). A screen reader is not told every second: role="timer" is not a
 * live region. It hears the time once the clock has started, once when one
 * minute is left, and once when the time is up; the live region starts empty
 * and is filled a moment later, so the first of these is heard too.
 */
export function Countdown({ elapsed, limitSeconds }: CountdownProps) {
  const { t } = useTranslation();
  const left = limitSeconds === null ? null : limitSeconds - elapsed;
  const late = left !== null && left < 0;
  const shown =
    left === null
      ? t('drill.countdown.elapsed', { time: clockText(elapsed) })
      : late
        ? t('drill.countdown.late', { time: clockText(-left) })
        : t('drill.countdown.left', { time: clockText(left) });

  const moment: Moment =
    left === null || limitSeconds === null
      ? 'quiet'
      : left < 0
        ? 'timeUp'
        : left <= 60 && limitSeconds > 90
          ? 'minuteLeft'
          : 'started';
  const [said, setSaid] = useState<Moment>('quiet');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSaid(moment);
    }, 250);
    return () => {
      window.clearTimeout(timer);
    };
  }, [moment]);
  const spoken =
    said === 'timeUp'
      ? t('drill.countdown.timeUp')
      : said === 'minuteLeft'
        ? t('drill.countdown.minuteLeft')
        : said === 'started' && limitSeconds !== null
          ? t('drill.countdown.started', { time: clockText(limitSeconds) })
          : '';

  return (
    <div className={late ? 'drill-countdown drill-countdown--late' : 'drill-countdown'}>
      <span className="drill-countdown__label">{t('drill.countdown.label')}: </span>
      <span role="timer" className="drill-countdown__time">
        {late && (
          <span aria-hidden="true" className="drill-countdown__icon">
            !{' '}
          </span>
        )}
        {shown}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </span>
    </div>
  );
}
