import { ruleById, type Refusal } from '../../machines';
import { useLanguage, useTranslation } from '../i18n';
import './advanceVerdict.css';

/**
 * The model's verdict on an attempt, given before it is made: "✓ Mogelijk", or "✗ Wordt geweigerd",
 * the rule and the model's reason, and that it can be tried anyway. The buttons it speaks for point
 * at it with aria-describedby. The mayor's decisions panel shows the same words for its buttons.
 */
export function AdvanceVerdict({ id, refusal }: { id: string; refusal: Refusal | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p id={id} className="action__status">
      {refusal ? (
        <>
          <span className="outcome outcome--refused">
            <span aria-hidden="true">✗</span> {t('advance.willBeRefused')}
          </span>{' '}
          <span className="rule-id" title={ruleById(refusal.rule)?.title[language]}>
            {refusal.rule}
          </span>
          : {refusal.message[language]} <span className="action__try">({t('advance.tryAnyway')})</span>
        </>
      ) : (
        <span className="outcome outcome--accepted">
          <span aria-hidden="true">✓</span> {t('advance.allowed')}
        </span>
      )}
    </p>
  );
}
