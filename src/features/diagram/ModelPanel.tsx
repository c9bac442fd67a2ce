import type { By } from '../../../machines';
import { useSessionState } from '../../session';
import { useTranslation } from '../../i18n';
import { ModelFigure } from './ModelFigure';
import { modelHref } from './routes';

export interface ModelPanelProps {
  actingAs: By;
}

/** "Model tonen" in the console: the live diagram of the open exercise, loaded only when asked for. */
export default function ModelPanel({ actingAs }: ModelPanelProps) {
  const { t } = useTranslation();
  const { head } = useSessionState();
  return (
    <section className="panel model-panel" aria-labelledby="model-panel-title">
      <h2 id="model-panel-title">{t('diagram.title')}</h2>
      <ModelFigure
        actingAs={actingAs}
        controls={
          <a className="model-figure__link" href={modelHref(head.id)}>
            {t('diagram.fullScreen')}
          </a>
        }
      />
    </section>
  );
}
