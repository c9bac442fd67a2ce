import { useTranslation } from '../../i18n';
import type { Integrity } from './integrity';
import { ReportSection } from './parts';
import { integrityText } from './summary';

/** The final hash of the log: a printed report can be matched to the stored log with it. */
export function FinalHash({ integrity }: { integrity: Integrity }) {
  const { t } = useTranslation();
  const ok = integrity.chainBreak === null && integrity.matchesHead;
  return (
    <p className="final-hash">
      <span className="final-hash__label">{t('debrief.integrity.finalHash')}:</span>{' '}
      <code className="final-hash__value">{integrity.finalHash}</code>{' '}
      <span className="final-hash__meta">
        · {t('debrief.integrity.entries', { count: integrity.entries })} ·{' '}
        <span className={ok ? 'final-hash__ok' : 'final-hash__broken'}>
          <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>
          {integrityText(integrity, t)}
        </span>
      </span>
    </p>
  );
}

export function IntegritySection({ integrity }: { integrity: Integrity }) {
  const { t } = useTranslation();
  return (
    <ReportSection heading={t('debrief.integrity.heading')} className="debrief-integrity">
      <FinalHash integrity={integrity} />
      <p className="debrief-explain">{t('debrief.integrity.explain')}</p>
    </ReportSection>
  );
}
