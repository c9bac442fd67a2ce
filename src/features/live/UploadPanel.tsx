import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import type { UploadOutcome } from '../../session/remote/makeLive';
import './live.css';

export interface LocalExerciseRow {
  id: string;
  title: string;
  entries: number;
  updatedAt: string;
}

/** How an upload went, in the words to show (the server's, or the file reader's). */
export type { UploadOutcome };

export interface UploadPanelProps {
  /** This device's exercises; null while they are read; 'unavailable' when they cannot be. */
  local: readonly LocalExerciseRow[] | null | 'unavailable';
  onUploadLocal: (id: string) => Promise<UploadOutcome>;
  onUploadFile: (file: File) => Promise<UploadOutcome>;
  /** After a successful upload: the list shows it (and takes focus there). */
  onUploaded: (id: string) => void;
  openHref: (id: string) => string;
}

type Phase =
  | { state: 'idle' }
  | { state: 'uploading'; title: string }
  | { state: 'refused'; title: string; message: string; problems: readonly string[] }
  | { state: 'uploaded'; id: string; title: string; length: number; renumbered: boolean };

/**
 * Moving a local exercise to the server (issue #14 item 8): one of this
 * device's exercises, or an exercise file. The server checks the chain and
 * replays the log before it stores anything; a refusal lists what it found,
 * line by line, and nothing is stored.
 */
export function UploadPanel({ local, onUploadLocal, onUploadFile, onUploaded, openHref }: UploadPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const busy = phase.state === 'uploading';

  const run = async (title: string, upload: () => Promise<UploadOutcome>) => {
    setPhase({ state: 'uploading', title });
    const outcome = await upload().catch((error: unknown): UploadOutcome => ({
      ok: false,
      message: String(error),
      problems: [],
    }));
    if (outcome.ok) {
      setPhase({ state: 'uploaded', ...outcome });
      onUploaded(outcome.id);
    } else setPhase({ state: 'refused', title, message: outcome.message, problems: outcome.problems });
  };

  return (
    <section aria-labelledby="live-upload" className="live-upload">
      <h2 id="live-upload">{t('live.upload.title')}</h2>
      <p>{t('live.upload.help')}</p>
      <div aria-live="polite">
        {phase.state === 'uploading' && <p role="status">{t('live.upload.uploading', { title: phase.title })}</p>}
        {phase.state === 'uploaded' && (
          <div className="banner banner--ok" role="status">
            <p>{t('live.upload.uploaded', { title: phase.title, count: phase.length })}</p>
            {phase.renumbered && <p>{t('live.upload.renumbered')}</p>}
            <p>
              <a href={openHref(phase.id)}>{t('live.upload.openIt', { title: phase.title })}</a>
            </p>
          </div>
        )}
      </div>
      {phase.state === 'refused' && (
        <div className="banner banner--error" role="alert">
          <p>
            <strong>{t('live.upload.refused', { title: phase.title })}</strong> {phase.message}
          </p>
          {phase.problems.length > 0 && (
            <ul className="live-upload__problems">
              {phase.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{t('live.upload.local')}</h3>
      {local === null ? (
        <p role="status">{t('live.home.loading')}</p>
      ) : local === 'unavailable' ? (
        <p>{t('live.upload.localUnavailable')}</p>
      ) : local.length === 0 ? (
        <p>{t('live.upload.noLocal')}</p>
      ) : (
        <ul className="live-home__list">
          {local.map((exercise) => (
            <li key={exercise.id} className="live-home__item">
              <div>
                <span className="live-upload__title">{exercise.title}</span>{' '}
                <span>
                  {t('live.upload.entries', { count: exercise.entries })},{' '}
                  {t('live.home.updated', { time: formatWallDateTime(exercise.updatedAt, language) })}
                </span>
              </div>
              <div className="live-home__actions">
                <Button
                  className="button"
                  isDisabled={busy}
                  aria-label={t('live.upload.uploadLabel', { title: exercise.title })}
                  onPress={() => {
                    void run(exercise.title, () => onUploadLocal(exercise.id));
                  }}
                >
                  {t('live.upload.uploadThis')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <label htmlFor="live-upload-file">{t('live.upload.file')}</label>{' '}
        <input
          id="live-upload-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void run(file.name || t('live.upload.fileTitle'), () => onUploadFile(file));
          }}
        />
      </p>
    </section>
  );
}
