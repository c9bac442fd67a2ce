import { useLanguage, useTranslation } from '../../i18n';
import { EVIDENCE, type EvidenceItem, type EvidenceStrength } from './evidence';
import './evidence.css';

const STRENGTH_ICONS: Record<EvidenceStrength, string> = { verified: '●', medium: '◐', absence: '○' };

export interface EvidencePanelProps {
  items?: readonly EvidenceItem[];
  /** The heading level inside its surroundings (a dialog's title is h2). */
  headingLevel?: 2 | 3;
}

/**
 * What is known about tear agents in water cannons (domain brief §6): each
 * point with where, what, what kind of evidence, its source and how certain
 * it is, the certainty told by word and symbol, not colour alone.
 */
export default function EvidencePanel({ items = EVIDENCE, headingLevel = 3 }: EvidencePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="evidence" aria-labelledby="evidence-title">
      <Heading id="evidence-title" className="evidence__title">
        {t('evidence.title')}
      </Heading>
      <p className="evidence__intro">{t('evidence.intro')}</p>
      <ul className="evidence__list">
        {items.map((item) => (
          <li key={item.id} className={`evidence-item evidence-item--${item.strength}`} data-evidence={item.id}>
            <ItemHeading className="evidence-item__where">{item.where[language]}</ItemHeading>
            <p className="evidence-item__finding">{item.finding[language]}</p>
            <dl className="evidence-item__facts">
              <dt>{t('evidence.kind')}</dt>
              <dd>{item.kind[language]}</dd>
              <dt>{t('evidence.source')}</dt>
              <dd>{item.source[language]}</dd>
              <dt>{t('evidence.strength')}</dt>
              <dd>
                <span
                  className={`evidence-strength evidence-strength--${item.strength}`}
                  title={t(`evidence.strengthExplained.${item.strength}`)}
                >
                  <span aria-hidden="true">{STRENGTH_ICONS[item.strength]} </span>
                  {t(`evidence.strengthLevel.${item.strength}`)}
                </span>
                <span className="evidence-strength__explained">
                  {' '}
                  — {t(`evidence.strengthExplained.${item.strength}`)}
                </span>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      <p className="evidence__caveat">{t('evidence.caveat')}</p>
    </section>
  );
}
