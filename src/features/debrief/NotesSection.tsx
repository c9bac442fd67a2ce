import { useTranslation } from '../../i18n';
import type { NoteRecord } from './notes';
import { ReportSection, Seq, Times, Who } from './parts';

/** The trainer's and observers' notes and corrections, as they wrote them. */
export function NotesSection({ notes, municipality }: { notes: readonly NoteRecord[]; municipality: string }) {
  const { t } = useTranslation();
  return (
    <ReportSection heading={t('debrief.notes.heading')} className="debrief-notes">
      {notes.length === 0 ? (
        <p className="debrief-empty">{t('debrief.notes.none')}</p>
      ) : (
        <ul className="note-records">
          {notes.map((note) => (
            <li key={note.at.seq} className={`note-record note-record--${note.kind}`}>
              <p className="note-record__head">
                <span aria-hidden="true">✎ </span>
                <strong>
                  {note.kind === 'correction'
                    ? t('debrief.notes.correction', { seq: note.refersTo ?? 0 })
                    : note.refersTo === null
                      ? t('debrief.notes.note')
                      : t('debrief.notes.noteOn', { seq: note.refersTo })}
                </strong>{' '}
                — <Who by={note.by} municipality={municipality} />, <Times at={note.at} /> <Seq seq={note.at.seq} />
              </p>
              <p className="note-record__text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </ReportSection>
  );
}
