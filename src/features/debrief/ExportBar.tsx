import { useState } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { downloadText } from '../../ui/download';
import type { Debrief } from './debrief';
import { csvDownload, jsonDownload, markdownDownload, type DebriefDownload } from './exportFiles';

export interface ExportBarProps {
  debrief: Debrief;
  /** The moment of export, ISO; tests and stories fix it. */
  now?: () => string;
  /** Print; the browser's own dialog by default. */
  onPrint?: () => void;
}

/** Print, or take the debrief away as Markdown, CSV for Excel, or the complete log as JSON. */
export function ExportBar({
  debrief,
  now = () => new Date().toISOString(),
  onPrint = () => {
    window.print();
  },
}: ExportBarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [done, setDone] = useState('');
  const offer = (download: DebriefDownload) => {
    downloadText(download.fileName, download.text, download.type);
    setDone(t('debrief.export.downloaded', { file: download.fileName }));
  };
  return (
    <div className="export-bar">
      <div className="export-bar__buttons" role="group" aria-label={t('debrief.export.heading')}>
        <button type="button" className="button--primary" onClick={onPrint}>
          {t('debrief.export.print')}
        </button>
        <button
          type="button"
          onClick={() => {
            offer(markdownDownload(debrief, t, language, now()));
          }}
        >
          {t('debrief.export.markdown')}
        </button>
        <button
          type="button"
          onClick={() => {
            offer(csvDownload(debrief, t, language, now()));
          }}
        >
          {t('debrief.export.csv')}
        </button>
        <button
          type="button"
          onClick={() => {
            offer(jsonDownload(debrief, now()));
          }}
        >
          {t('debrief.export.json')}
        </button>
      </div>
      <p className="export-bar__status" role="status">
        {done}
      </p>
    </div>
  );
}
